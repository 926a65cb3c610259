using Microsoft.DotNet.Interactive.Formatting;

namespace NotebookRunner.Execution;

/// <summary>
/// The formatter defaults the Polyglot kernel sets up for notebook front ends (dotnet-interactive
/// KernelBuilder.SetUpFormatters): values show as HTML unless they prefer otherwise, strings as plain text.
/// Exported apps include this file, so a value they print was chosen by the same rules as the notebook's output.
/// </summary>
public static class PolyglotFormatterSetup
{
    public static void Apply()
    {
        Formatter.ResetToDefault();
        Formatter.DefaultMimeType = HtmlFormatter.MimeType;
        Formatter.SetPreferredMimeTypesFor(typeof(string), PlainTextFormatter.MimeType);
    }
}
