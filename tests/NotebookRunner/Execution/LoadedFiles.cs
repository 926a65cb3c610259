using Microsoft.CodeAnalysis;

namespace NotebookRunner.Execution;

/// <summary>
/// The files a compiled submission `#load`ed, each with the text it was compiled from. A submission compiled before
/// its turn (<see cref="AheadCompiler"/>) or by another notebook (<see cref="SharedSubmissions"/>) stands for the cell
/// only while every one of them still reads the same.
/// </summary>
public sealed class LoadedFiles
{
    private readonly IReadOnlyList<(string Path, string Text)> _files;

    private LoadedFiles(IReadOnlyList<(string Path, string Text)> files) => _files = files;

    /// <summary>Every syntax tree of the compilation but the cell's own (<paramref name="cellPath"/>).</summary>
    public static LoadedFiles Of(Compilation compilation, string? cellPath) =>
        new(compilation.SyntaxTrees.Where(t => t.FilePath != cellPath).Select(t => (t.FilePath, t.GetText().ToString())).ToList());

    public bool Unchanged => _files.All(f => File.Exists(f.Path) && File.ReadAllText(f.Path) == f.Text);
}
