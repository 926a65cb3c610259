namespace TestSupport;

/// <summary>A fresh folder under the system's temporary folder for one test, removed with everything in it after.</summary>
public sealed class ScratchFolder : IDisposable
{
    public ScratchFolder(string purpose)
    {
        Root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>A path inside the folder (not created).</summary>
    public string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
