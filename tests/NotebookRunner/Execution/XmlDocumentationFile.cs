using System.Globalization;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace NotebookRunner.Execution;

/// <summary>
/// A compiler-generated XML documentation file (`&lt;doc&gt;&lt;members&gt;&lt;member name="M:..."&gt;`) as Roslyn's
/// documentation provider, read on the first question. (Roslyn's own XmlDocumentationProvider lives in the
/// Workspaces assemblies, which the runner does not otherwise need.) Answers with the whole `member` element.
/// </summary>
public sealed class XmlDocumentationFile(string path) : DocumentationProvider
{
    private readonly Lazy<Dictionary<string, string>> _members = new(() => Read(path));

    public string Path { get; } = path;

    protected override string GetDocumentationForSymbol(string documentationMemberID, CultureInfo preferredCulture, CancellationToken cancellationToken = default) =>
        _members.Value.TryGetValue(documentationMemberID, out var member) ? member : "";

    private static Dictionary<string, string> Read(string path)
    {
        var members = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            foreach (var member in XDocument.Load(path).Descendants("member"))
                if (member.Attribute("name")?.Value is { } name) members[name] = member.ToString(SaveOptions.DisableFormatting);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Xml.XmlException)
        {
            // Unreadable documentation leaves the symbols undocumented; inspect still shows their signatures.
        }
        return members;
    }

    public override bool Equals(object? obj) => obj is XmlDocumentationFile other && other.Path == Path;

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Path);
}
