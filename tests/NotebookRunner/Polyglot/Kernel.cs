using Microsoft.AspNetCore.Html;
using Microsoft.DotNet.Interactive.Formatting;

namespace Microsoft.DotNet.Interactive;

/// <summary>
/// What a notebook can reach of the Polyglot kernel: the helpers it puts in scope with
/// `using static Microsoft.DotNet.Interactive.Kernel;`, and `Kernel.Root` / `Kernel.Current` with their names.
/// `.Display()` and `.DisplayAs(mimeType)` are the Formatting package's, as in Polyglot; `display()` returns the
/// DisplayedValue of the output it showed, so that its `Update()` replaces that output in place.
/// <see cref="NotebookRunner.Execution.FormatterDisplays"/> puts what they show into the running cell's outputs.
/// </summary>
public class Kernel
{
    private Kernel(string name) => Name = name;

    /// <summary>The composite kernel at the top of Polyglot's tree.</summary>
    public static Kernel Root { get; } = new(".NET");

    /// <summary>The kernel running the cell: the runner runs C# only.</summary>
    public static Kernel Current { get; } = new("csharp");

    public string Name { get; }

    public static DisplayedValue display(object? value, params string[] mimeTypes) =>
        (NotebookRunner.Execution.FormatterDisplays.Active
         ?? throw new InvalidOperationException("display() shows a value in a notebook cell's outputs; no cell is running"))
        .Display(value, mimeTypes);

    public static IHtmlContent HTML(string content) => new HtmlString(content);
}
