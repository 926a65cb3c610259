namespace NotebookRunner.Tests;

/// <summary>-p sets every parameter a cell can declare with a literal, keeping its kind, or says in one line why not.</summary>
public class ParameterTypeTests
{
    [Fact]
    public void a_const_parameter_is_injected_as_a_const_so_case_labels_still_compile()
    {
        using var fixture = new FixtureCopy("const-parameter.ipynb");

        var result = fixture.Run("-p", "k", "5");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var cells = fixture.ReadOutput()["cells"]!.AsArray();
        Assert.Contains("const int k = 5;", string.Concat(cells[2]!["source"]!.AsArray().Select(l => (string)l!)));
        Assert.Equal("x matches k = 5\n", (string)cells[3]!["outputs"]![0]!["text"]![0]!);
    }

    [Fact]
    public void nullable_dotnet_named_and_array_parameters_can_be_set()
    {
        using var fixture = new FixtureCopy("typed-parameters.ipynb");

        var result = fixture.Run("-p", "title", "hello", "-p", "count", "4", "-p", "sizes", "[3, 4, 5]", "-p", "names", "[\"x\", \"y\"]");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var cells = fixture.ReadOutput()["cells"]!.AsArray();
        Assert.Equal("hello|4|3,4,5|x,y|16\n", (string)cells[3]!["outputs"]![0]!["text"]![0]!);
    }

    [Fact]
    public void an_array_parameter_given_a_value_that_is_not_a_list_says_how_to_write_one()
    {
        using var fixture = new FixtureCopy("typed-parameters.ipynb");

        var result = fixture.Run("-p", "sizes", "3,4");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"{fixture.Notebook}: parameter 'sizes' is int[], and '3,4' is not a JSON list of int values; write it like [1, 2, 3]; ", result.FirstStderrLine);
    }

    [Theory]
    [InlineData("items", "has a default (`new List<int> { 1, 2 }`) whose type cannot be told without running it; declare its type in the parameters cell (e.g. `int[] items = ...`) to set it with -p")]
    [InlineData("labels", "is List<string>, and -p cannot set a List<string> (it sets int, long, uint, ulong, double, float, decimal, bool, string, char, their nullable forms (int?) and arrays (int[])); ")]
    public void a_parameter_whose_type_cannot_be_set_says_why_in_one_line_before_anything_runs(string name, string expected)
    {
        using var fixture = new FixtureCopy("unsettable-parameters.ipynb");

        var result = fixture.Run("-p", name, "[3]");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"{fixture.Notebook}: parameter '{name}' {expected}", result.FirstStderrLine);
        Assert.DoesNotContain("unknown", result.FirstStderrLine);
        Assert.False(File.Exists(Path.Combine(fixture.Dir, "ran.txt")));
    }

    [Theory]
    [InlineData("lr", "1e-400", "double")]
    [InlineData("scale", "1e-50", "float")]
    public void a_real_parameter_too_small_for_its_type_exits_2_instead_of_becoming_0(string name, string value, string type)
    {
        using var fixture = new FixtureCopy("underflowing-parameters.ipynb");

        var result = fixture.Run("-p", name, value);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(
            $"{fixture.Notebook}: parameter '{name}' is {type}, and '{value}' is too small for a {type} (it would be 0); use 0 or a value the type can hold; ",
            result.FirstStderrLine);
        Assert.False(File.Exists(Path.Combine(fixture.Dir, "ran.txt")));
    }
}
