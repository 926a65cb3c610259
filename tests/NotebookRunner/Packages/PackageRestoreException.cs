namespace NotebookRunner.Packages;

/// <summary>A restore that failed; the message is one line naming the package and NuGet's reason.</summary>
public sealed class PackageRestoreException : Exception
{
    public PackageRestoreException(string message) : base(message) { }
}
