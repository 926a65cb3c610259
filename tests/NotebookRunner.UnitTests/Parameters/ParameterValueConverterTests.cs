using NotebookRunner.Parameters;

namespace NotebookRunner.UnitTests.Parameters;

/// <summary>A `-p` value converts to the declared type, or says in one clause why it does not.</summary>
public class ParameterValueConverterTests
{
    private static object Convert(string type, string text, out string? problem) =>
        ParameterValueConverter.Convert(new ParameterDeclaration("p", type, "default"), text, out problem);

    public static TheoryData<string, string, object> Conversions => new()
    {
        { "int", "42", 42 },
        { "int", " -3 ", -3 },
        { "long", "5000000000", 5_000_000_000L },
        { "long", "7L", 7L },
        { "uint", "7", 7u },
        { "ulong", "18446744073709551615", ulong.MaxValue },
        { "double", "0.03", 0.03 },
        { "double", "1e-3", 1e-3 },
        { "float", "0.003f", 0.003f },
        { "decimal", "1.5m", 1.5m },
        { "bool", "True", true },
        { "string", "hello world", "hello world" },
        { "char", "x", 'x' },
        { "System.Int32", "1", 1 },
        { "Double?", "2.5", 2.5 },
        { "global::System.String", "s", "s" },
    };

    [Theory, MemberData(nameof(Conversions))]
    public void a_value_converts_to_the_declared_type_in_any_spelling_of_it(string type, string text, object expected)
    {
        var value = Convert(type, text, out var problem);

        Assert.Null(problem);
        Assert.Equal(expected, value);
        Assert.IsType(expected.GetType(), value);
    }

    [Theory]
    [InlineData("int", "4.5", "'4.5' does not convert to int")]
    [InlineData("int", "99999999999", "'99999999999' does not convert to int")]
    [InlineData("uint", "-1", "'-1' does not convert to uint")]
    [InlineData("bool", "yes", "'yes' does not convert to bool")]
    [InlineData("char", "ab", "'ab' does not convert to char")]
    [InlineData("double", "1e400", "'1e400' does not convert to double")]
    [InlineData("float", "1e-50", "'1e-50' is too small for a float (it would be 0); use 0 or a value the type can hold")]
    public void a_value_that_does_not_fit_the_type_is_refused_with_the_reason(string type, string text, string reason)
    {
        Convert(type, text, out var problem);

        Assert.Equal(reason, problem);
    }

    [Fact]
    public void zero_written_with_an_exponent_is_zero_not_too_small()
    {
        var value = Convert("double", "0e5", out var problem);

        Assert.Null(problem);
        Assert.Equal(0.0, value);
    }

    [Fact]
    public void a_json_list_converts_to_an_array_of_the_element_type()
    {
        Assert.Equal(new[] { 1, 2, 3 }, Convert("int[]", "[1, 2, 3]", out var p1));
        Assert.Null(p1);
        Assert.Equal(new[] { "a", "b" }, Convert("string[]?", "[\"a\", \"b\"]", out var p2));
        Assert.Null(p2);
        Assert.Equal(new[] { 0.5f, 2f }, Convert("float[]", "[0.5, 2]", out var p3));
        Assert.Null(p3);
    }

    [Theory]
    [InlineData("int[]", "1, 2", "'1, 2' is not a JSON list of int values; write it like [1, 2, 3]")]
    [InlineData("string[]", "[1]", "'[1]' is not a JSON list of string values; write it like [\"a\", \"b\"]")]
    [InlineData("int[]", "[\"1\"]", "'[\"1\"]' is not a JSON list of int values; write it like [1, 2, 3]")]
    [InlineData("int[]", "[1, 2.5]", "item 2 of the list: '2.5' does not convert to int")]
    public void a_list_that_does_not_fit_says_what_to_write_or_which_item_is_wrong(string type, string text, string reason)
    {
        Convert(type, text, out var problem);

        Assert.Equal(reason, problem);
    }

    [Fact]
    public void a_type_minus_p_cannot_set_is_named_with_the_types_it_can()
    {
        Convert("List<int>", "[1]", out var problem);

        Assert.Equal($"-p cannot set a List<int> (it sets {ParameterTypes.Supported})", problem);
    }
}
