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
