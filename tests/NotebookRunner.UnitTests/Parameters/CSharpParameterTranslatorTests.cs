using NotebookRunner.Parameters;

namespace NotebookRunner.UnitTests.Parameters;

/// <summary>The injected cell is C# whose `var` keeps the type the parameters cell declared.</summary>
public class CSharpParameterTranslatorTests
{
    [Theory]
    [InlineData(true, "true")]
    [InlineData(false, "false")]
    [InlineData(42, "42")]
    [InlineData(-7, "-7")]
    [InlineData(3u, "3u")]
    [InlineData(5L, "5L")]
    [InlineData(9UL, "9UL")]
    [InlineData(0.003f, "0.003f")]
    [InlineData(10.0, "10.0")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e300, "1e+300")]
    [InlineData('x', "'x'")]
    public void a_scalar_becomes_a_literal_of_its_own_type(object value, string literal) =>
        Assert.Equal(literal, CSharpParameterTranslator.Literal(value));

    [Fact]
    public void a_decimal_gets_the_m_suffix() => Assert.Equal("0.25m", CSharpParameterTranslator.Literal(0.25m));

    [Theory]
    [InlineData(double.NaN, "double.NaN")]
    [InlineData(double.PositiveInfinity, "double.PositiveInfinity")]
    [InlineData(double.NegativeInfinity, "double.NegativeInfinity")]
    public void a_double_without_digits_is_named_by_its_constant(double value, string literal) =>
        Assert.Equal(literal, CSharpParameterTranslator.Literal(value));

    [Fact]
    public void a_float_nan_is_refused_rather_than_written_as_a_double() =>
        Assert.Throws<ArgumentException>(() => CSharpParameterTranslator.Literal(float.NaN));

    [Fact]
    public void a_string_escapes_quotes_backslashes_control_characters_and_non_ascii_as_four_digit_escapes() =>
        Assert.Equal("\"say \\\"hi\\\"\\\\n\\n\\t\\u00e9\\u0001\"", CSharpParameterTranslator.Literal("say \"hi\"\\n\n\t\u00e9\u0001"));

    [Fact]
    public void a_char_escapes_its_own_quote() => Assert.Equal("'\\''", CSharpParameterTranslator.Literal('\''));

    [Fact]
    public void an_array_becomes_an_array_creation_of_its_element_keyword()
    {
        Assert.Equal("new int[] { 1, 2, 3 }", CSharpParameterTranslator.Literal(new[] { 1, 2, 3 }));
        Assert.Equal("new string[] { \"a\", \"b\" }", CSharpParameterTranslator.Literal(new[] { "a", "b" }));
        Assert.Equal("new float[] { 0.5f }", CSharpParameterTranslator.Literal(new[] { 0.5f }));
    }

    [Fact]
    public void a_value_of_a_type_minus_p_cannot_set_is_refused()
    {
        Assert.Throws<ArgumentException>(() => CSharpParameterTranslator.Literal(DateTime.UnixEpoch));
        Assert.Throws<ArgumentException>(() => CSharpParameterTranslator.Literal(new[] { DateTime.UnixEpoch }));
    }

    [Fact]
    public void codify_writes_papermills_header_then_one_declaration_per_parameter_with_const_kept_const() =>
        Assert.Equal("// Parameters\nvar epochs = 50;\nconst double lr = 0.1;\n",
            CSharpParameterTranslator.Codify([("epochs", "50", null), ("lr", "0.1", "double")]));
}
