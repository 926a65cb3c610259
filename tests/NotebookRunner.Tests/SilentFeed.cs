using System.Net;
using System.Net.Sockets;

namespace NotebookRunner.Tests;

/// <summary>A NuGet feed on 127.0.0.1 that accepts every connection and never sends a byte.</summary>
sealed class SilentFeed : IDisposable
{
    readonly TcpListener listener = new(IPAddress.Loopback, 0);
    readonly List<TcpClient> clients = [];

    public SilentFeed()
    {
        listener.Start();
        _ = AcceptForever();
    }

    public string Url => $"https://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/v3/index.json";

    public int Connections
    {
        get { lock (clients) return clients.Count; }
    }

    async Task AcceptForever()
    {
        try
        {
            while (true)
            {
                var client = await listener.AcceptTcpClientAsync();
                lock (clients) clients.Add(client);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
    }

    public void Dispose()
    {
        listener.Stop();
        lock (clients) foreach (var client in clients) client.Dispose();
    }
}

/// <summary>Processes whose command line mentions a path (a restore project under a test's folder).</summary>
static class ChildProcesses
{
    public static List<string> Mentioning(string path)
    {
        var found = new List<string>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out _)) continue;
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains(path)) found.Add($"{Path.GetFileName(dir)}: {commandLine}");
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return found;
    }
}
