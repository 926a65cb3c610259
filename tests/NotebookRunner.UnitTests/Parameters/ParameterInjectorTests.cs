using NotebookRunner.Notebooks;
using NotebookRunner.Parameters;

namespace NotebookRunner.UnitTests.Parameters;

/// <summary>Papermill's parameterize step on an in-memory notebook: convert, then inject after the parameters cell.</summary>
public class ParameterInjectorTests
{
    private static JsonObject Code(string source, params string[] tags) => new()
    {
        ["cell_type"] = "code",
        ["source"] = source,
        ["metadata"] = new JsonObject { ["tags"] = new JsonArray(tags.Select(t => (JsonNode)t).ToArray()) },
        ["outputs"] = new JsonArray(),
    };

    private static NotebookDocument Notebook(params JsonObject[] cells) =>
        new(new JsonObject { ["cells"] = new JsonArray(cells.Cast<JsonNode>().ToArray()), ["metadata"] = new JsonObject() });

    private static NotebookDocument Series() => Notebook(
        Code("#r \"nuget: TorchSharp-cpu\""),
        Code("int epochs = 100;\nconst double lr = 0.03;\nvar seed = 42;\nvar shape = new[] { Math.PI };", "parameters"),
        Code("Train(epochs, lr);"));

    [Fact]
    public void requested_values_convert_to_the_declared_types_and_a_repeated_name_keeps_its_last_value()
    {
        var converted = ParameterInjector.Convert("nb.ipynb", Series(), [("epochs", "5"), ("lr", "0.1"), ("epochs", "7")]);

        Assert.Equal([("lr", (object)0.1), ("epochs", 7)], converted);
    }

    [Fact]
    public void an_unknown_name_is_refused_naming_every_valid_parameter_and_its_type()
    {
        var error = Assert.Throws<ParameterException>(() => ParameterInjector.Convert("nb.ipynb", Series(), [("epoch", "5")]));

        Assert.Equal("nb.ipynb: unknown parameter 'epoch'; valid parameters: epochs (int), lr (double), seed (int), shape (type not declared)",
            error.Message);
    }

    [Fact]
    public void a_parameter_whose_type_cannot_be_told_asks_for_a_declared_type()
    {
        var error = Assert.Throws<ParameterException>(() => ParameterInjector.Convert("nb.ipynb", Series(), [("shape", "[1]")]));

        Assert.StartsWith("nb.ipynb: parameter 'shape' has a default (`new[] { Math.PI }`) whose type cannot be told without running it", error.Message);
    }

    [Fact]
    public void a_value_that_does_not_convert_names_the_type_and_the_reason()
    {
        var error = Assert.Throws<ParameterException>(() => ParameterInjector.Convert("nb.ipynb", Series(), [("epochs", "many")]));

        Assert.StartsWith("nb.ipynb: parameter 'epochs' is int, and 'many' does not convert to int; valid parameters: ", error.Message);
    }

    [Fact]
    public void a_notebook_without_a_parameters_cell_says_so()
    {
        var error = Assert.Throws<ParameterException>(() =>
            ParameterInjector.Convert("nb.ipynb", Notebook(Code("var x = 1;")), [("x", "2")]));

        Assert.EndsWith("valid parameters: (none: the notebook has no cell tagged 'parameters')", error.Message);
    }

    [Fact]
    public void the_injected_cell_follows_the_parameters_cell_and_keeps_a_const_const()
    {
        var notebook = Series();

        ParameterInjector.Inject(notebook, [("epochs", 5), ("lr", 0.1)]);

        var cells = notebook.Cells;
        Assert.Equal(4, cells.Count);
        Assert.True(cells[2].HasTag(ParameterInjector.InjectedTag));
        Assert.Equal("// Parameters\nvar epochs = 5;\nconst double lr = 0.1;\n", cells[2].Source);
        Assert.Equal("Train(epochs, lr);", cells[3].Source);
    }

    [Fact]
    public void injecting_again_replaces_the_injected_cell_instead_of_adding_one()
    {
        var notebook = Series();

        ParameterInjector.Inject(notebook, [("epochs", 5)]);
        ParameterInjector.Inject(notebook, [("epochs", 9)]);

        var injected = Assert.Single(notebook.Cells, c => c.HasTag(ParameterInjector.InjectedTag));
        Assert.Equal("// Parameters\nvar epochs = 9;\n", injected.Source);
        Assert.Equal(4, notebook.Cells.Count);
    }

    [Fact]
    public void without_a_parameters_cell_the_injected_cell_goes_first_as_papermill_puts_it()
    {
        var notebook = Notebook(Code("var x = 1;"));

        ParameterInjector.Inject(notebook, [("x", 2)]);

        Assert.True(notebook.Cells[0].HasTag(ParameterInjector.InjectedTag));
    }

    [Fact]
    public void no_parameters_leave_the_notebook_as_it_was()
    {
        var notebook = Series();
        var before = notebook.Json.ToJsonString();

        ParameterInjector.Inject(notebook, []);

        Assert.Equal(before, notebook.Json.ToJsonString());
    }
}
