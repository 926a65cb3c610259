namespace NotebookRunner.Doctor;

/// <summary>
/// Collects the shell steps that take back what `doctor --fix` changed in TorchSharp's package folder, and prints
/// them as one command: `cd '&lt;torchsharp/0.107.0&gt;' &amp;&amp; mv -f ... &amp;&amp; rm -f ...`.
/// </summary>
public sealed class UndoCommand(string folder)
{
    private readonly List<string> _steps = [];

    public bool IsEmpty => _steps.Count == 0;

    /// <summary>Puts the kept original back over the patched file.</summary>
    public void Restore(string original, string patched) => _steps.Add($"mv -f {Relative(original)} {Relative(patched)}");

    /// <summary>Removes the links the fix made.</summary>
    public void Remove(IEnumerable<string> paths) => _steps.Add("rm -f " + string.Join(" ", paths.Select(Relative)));

    public override string ToString() => string.Join(" && ", _steps.Prepend($"cd {Quote(folder)}"));

    private string Relative(string path) => Quote(Path.GetRelativePath(folder, path));

    /// <summary>Single-quoted for sh when it holds anything but plain path characters.</summary>
    public static string Quote(string path) =>
        path.All(c => char.IsAsciiLetterOrDigit(c) || "/._-+".Contains(c)) ? path : "'" + path.Replace("'", "'\\''") + "'";
}
