namespace Conformance.Tests;

/// <summary>
/// One output of one cell, as either engine shows it: a stream ("stdout"/"stderr" in <see cref="Name"/>), a
/// display_data or execute_result (mime type -> text, base64 for images), an error, or a compiler diagnostic
/// (<see cref="Name"/> is its severity; Jupyter shows a warning as red stderr text).
/// </summary>
public sealed record EngineOutput(string Kind, string Name, IReadOnlyDictionary<string, string> Data, string Text)
{
    public static EngineOutput Stream(string name, string text) => new("stream", name, Empty, text);
    public static EngineOutput Rich(string kind, IReadOnlyDictionary<string, string> data) => new(kind, "", data, "");
    public static EngineOutput Error(string text) => new("error", "", Empty, text);
    public static EngineOutput Diagnostic(string severity, string text) => new("diagnostic", severity, Empty, text);

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    public override string ToString() => Kind switch
    {
        "stream" => $"{Name}: {Text}",
        "error" or "diagnostic" => $"{Kind} {Name}: {Text}",
        _ => $"{Kind} {{{string.Join(", ", Data.Select(d => $"{d.Key}: {Shorten(d.Value)}"))}}}",
    };

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "...";
}

/// <summary>A code cell's outputs; <see cref="Number"/> counts every cell of the notebook from 1, as the runner's messages do.</summary>
public sealed record EngineCell(int Number, string Source, IReadOnlyList<EngineOutput> Outputs);
