namespace NotebookRunner.Packages;

/// <summary>Where the runner keeps restore projects and patched native copies.</summary>
public static class RestoreCacheLocation
{
    /// <summary>$NOTEBOOK_RUNNER_CACHE, else $XDG_CACHE_HOME/notebook-runner, else ~/.cache/notebook-runner.</summary>
    public static string Default
    {
        get
        {
            var explicitRoot = Environment.GetEnvironmentVariable("NOTEBOOK_RUNNER_CACHE");
            if (!string.IsNullOrWhiteSpace(explicitRoot)) return Path.GetFullPath(explicitRoot);
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            if (!string.IsNullOrWhiteSpace(xdg)) return Path.Combine(Path.GetFullPath(xdg), "notebook-runner");
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return Path.Combine(home, ".cache", "notebook-runner");
        }
    }

    public static string Restores(string root) => Path.Combine(root, "restore");

    public static string Native(string root) => Path.Combine(root, "native");
}
