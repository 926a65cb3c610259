namespace NotebookRunner.Doctor;

/// <summary>
/// The NuGet global packages folder that `dotnet restore`, Polyglot Notebooks, the Jupyter kernel and dotnet-repl
/// all restore into: $NUGET_PACKAGES, else ~/.nuget/packages.
/// </summary>
public static class NuGetPackagesFolder
{
    public static string Current
    {
        get
        {
            var explicitFolder = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
            if (!string.IsNullOrWhiteSpace(explicitFolder)) return Path.GetFullPath(explicitFolder);
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        }
    }

    public static bool IsExplicit => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("NUGET_PACKAGES"));
}
