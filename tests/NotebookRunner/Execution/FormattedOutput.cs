using Microsoft.DotNet.Interactive.Formatting;

namespace NotebookRunner.Execution;

/// <summary>Formats a value into mime-type keyed strings exactly as the Polyglot kernel does.</summary>
public static class FormattedOutput
{
    /// <summary>Polyglot's FormattedValue.CreateManyFromObject: preferred mime types unless some are given.</summary>
    public static IReadOnlyList<(string MimeType, string Value)> Format(object? value, params string[] mimeTypes)
    {
        if (mimeTypes is null || mimeTypes.Length == 0)
            mimeTypes = Formatter.GetPreferredMimeTypesFor(value?.GetType()).ToArray();
        return mimeTypes.Select(m => (m, value.ToDisplayString(m))).ToList();
    }
}
