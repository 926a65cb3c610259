using System.Runtime.InteropServices;

namespace NotebookRunner.Packages;

/// <summary>
/// The RIDs whose native assets fit this machine, nearest first (linux-x64, linux, unix, any), as NuGet's
/// runtime graph orders the portable ones.
/// </summary>
public static class RuntimeIdentifierChain
{
    public static IReadOnlyList<string> Current { get; } = For(RuntimeInformation.RuntimeIdentifier);

    public static IReadOnlyList<string> For(string rid)
    {
        var chain = new List<string>();
        var dash = rid.LastIndexOf('-');
        var os = dash > 0 ? rid[..dash] : rid;
        var arch = dash > 0 ? rid[(dash + 1)..] : null;
        chain.Add(rid);
        if (arch is not null) chain.Add(os);
        if (os == "linux-musl" && arch is not null)
        {
            chain.Add("linux-" + arch);
            chain.Add("linux");
        }
        if (os.StartsWith("linux") || os.StartsWith("osx") || os.StartsWith("freebsd") || os.StartsWith("illumos"))
        {
            if (arch is not null) chain.Add("unix-" + arch);
            chain.Add("unix");
        }
        else if (os.StartsWith("win"))
        {
            chain.Add("win");
        }
        chain.Add("any");
        return chain.Distinct().ToList();
    }
}
