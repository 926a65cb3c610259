using Microsoft.AspNetCore.Html;
using NotebookRunner.Execution;

namespace Microsoft.DotNet.Interactive;

/// <summary>
/// The helpers the Polyglot C# kernel puts in scope with `using static Microsoft.DotNet.Interactive.Kernel;`.
/// Outputs go to the cell that is running.
/// </summary>
public static class Kernel
{
    public static DisplayedValue display(object? value, params string[] mimeTypes) => value.Display(mimeTypes);

    public static IHtmlContent HTML(string content) => new HtmlString(content);
}
