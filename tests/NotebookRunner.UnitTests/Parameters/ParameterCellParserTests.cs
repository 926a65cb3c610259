using NotebookRunner.Parameters;

namespace NotebookRunner.UnitTests.Parameters;

/// <summary>The parameters cell's declarations, with the type written or, for `var`, the literal's type.</summary>
public class ParameterCellParserTests
{
    [Fact]
    public void each_declaration_gives_its_name_type_default_and_constness()
    {
        var declared = ParameterCellParser.Parse("int epochs = 100;\nconst double lr = 0.03;\nstring name = \"x\";");

        Assert.Equal(
            [new("epochs", "int", "100"), new("lr", "double", "0.03", IsConst: true), new("name", "string", "\"x\"")],
            declared);
    }

    [Theory]
    [InlineData("var a = 1;", "int")]
    [InlineData("var a = 3000000000;", "uint")]
    [InlineData("var a = 5000000000;", "long")]
    [InlineData("var a = 1u;", "uint")]
    [InlineData("var a = 1UL;", "ulong")]
    [InlineData("var a = 0.5;", "double")]
    [InlineData("var a = 0.5f;", "float")]
    [InlineData("var a = 0.5m;", "decimal")]
    [InlineData("var a = -(2L);", "long")]
    [InlineData("var a = true;", "bool")]
    [InlineData("var a = \"s\";", "string")]
    [InlineData("var a = 'c';", "char")]
    [InlineData("var a = new[] { 1.5, 2 };", "double[]")]
    [InlineData("var a = new long[] { 1 };", "long[]")]
    public void a_var_takes_the_type_of_its_literal(string source, string type) =>
        Assert.Equal(type, Assert.Single(ParameterCellParser.Parse(source)).Type);

    [Theory]
    [InlineData("var a = Math.PI;")]
    [InlineData("var a = new[] { Math.PI };")]
    [InlineData("var a = 1 + 2;")]
    public void a_var_whose_default_is_not_a_literal_has_an_unknown_type(string source) =>
        Assert.Equal(ParameterCellParser.UnknownType, Assert.Single(ParameterCellParser.Parse(source)).Type);

    [Fact]
    public void the_last_declaration_of_a_name_wins_as_in_the_script()
    {
        var declared = ParameterCellParser.Parse("int seed = 1;\nlong seed = 2;");

        Assert.Equal(new ParameterDeclaration("seed", "long", "2"), Assert.Single(declared));
    }

    [Fact]
    public void statements_that_declare_nothing_are_skipped() =>
        Assert.Empty(ParameterCellParser.Parse("Console.WriteLine(1);\nint Twice(int x) => 2 * x;"));
}
