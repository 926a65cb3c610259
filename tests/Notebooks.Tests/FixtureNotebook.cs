namespace Notebooks.Tests;

/// An nbformat 4 Polyglot C# notebook built from code cell sources, for tests that need their own notebook.
public static class FixtureNotebook
{
    public static JsonObject Json(IEnumerable<string> codeCells) => new()
    {
        ["cells"] = new JsonArray(codeCells.Select(source => (JsonNode)new JsonObject
        {
            ["cell_type"] = "code",
            ["execution_count"] = null,
            ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } },
            ["outputs"] = new JsonArray(),
            ["source"] = source,
        }).ToArray()),
        ["metadata"] = new JsonObject
        {
            ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
            ["polyglot_notebook"] = new JsonObject { ["kernelInfo"] = new JsonObject { ["defaultKernelName"] = "csharp" } },
        },
        ["nbformat"] = 4,
        ["nbformat_minor"] = 5,
    };
}
