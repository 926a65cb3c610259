using System.Net.Sockets;
using System.Runtime.InteropServices;
using NotebookRunner.Notebooks;

namespace NotebookRunner.UnitTests.Notebooks;

/// <summary>FIFOs, devices and sockets are told apart from regular files and folders, links followed.</summary>
public sealed class SpecialFileTests : IDisposable
{
    private readonly ScratchFolder scratch = new("specialfile");

    public void Dispose() => scratch.Dispose();

    [Fact]
    public void a_regular_file_a_folder_and_a_missing_path_are_not_special()
    {
        File.WriteAllText(scratch.Path("notebook.ipynb"), "{}");

        Assert.False(SpecialFile.Is(scratch.Path("notebook.ipynb")));
        Assert.False(SpecialFile.Is(scratch.Root));
        Assert.False(SpecialFile.Is(scratch.Path("missing.ipynb")));
    }

    [Fact]
    public void a_fifo_is_special()
    {
        Assert.Equal(0, mkfifo(scratch.Path("pipe"), 0b110_000_000));

        Assert.True(SpecialFile.Is(scratch.Path("pipe")));
    }

    [Fact]
    public void a_character_device_is_special() => Assert.True(SpecialFile.Is("/dev/null"));

    [Fact]
    public void a_unix_socket_is_special()
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(scratch.Path("socket")));

        Assert.True(SpecialFile.Is(scratch.Path("socket")));
    }

    [Fact]
    public void a_link_to_a_device_is_special_and_a_link_to_a_file_is_not()
    {
        File.WriteAllText(scratch.Path("file"), "");
        File.CreateSymbolicLink(scratch.Path("to-null"), "/dev/null");
        File.CreateSymbolicLink(scratch.Path("to-file"), scratch.Path("file"));

        Assert.True(SpecialFile.Is(scratch.Path("to-null")));
        Assert.False(SpecialFile.Is(scratch.Path("to-file")));
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int mkfifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);
}
