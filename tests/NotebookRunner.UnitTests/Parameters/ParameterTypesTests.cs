using NotebookRunner.Parameters;

namespace NotebookRunner.UnitTests.Parameters;

/// <summary>One table of settable types: every spelling of a type names the same keyword, and back.</summary>
public class ParameterTypesTests
{
    [Theory]
    [InlineData("int", "int")]
    [InlineData("Int32", "int")]
    [InlineData("System.Int64", "long")]
    [InlineData("global::System.Single", "float")]
    [InlineData("Boolean?", "bool")]
    [InlineData("string ?", "string")]
    [InlineData("System.Decimal", "decimal")]
    public void every_spelling_of_a_settable_type_names_its_keyword(string spelling, string keyword) =>
        Assert.Equal(keyword, ParameterTypes.Scalar(spelling));

    [Theory]
    [InlineData("DateTime")]
    [InlineData("object")]
    [InlineData("int[]")]
    [InlineData("Tensor")]
    public void a_type_minus_p_cannot_set_has_no_keyword(string spelling) => Assert.Null(ParameterTypes.Scalar(spelling));

    [Theory]
    [InlineData("int[]", "int")]
    [InlineData("System.String[]?", "string")]
    [InlineData("double []", "double")]
    public void a_one_dimensional_array_names_its_element_keyword(string spelling, string element) =>
        Assert.Equal(element, ParameterTypes.ArrayElement(spelling));

    [Theory]
    [InlineData("int[][]")]
    [InlineData("int[,]")]
    [InlineData("int")]
    public void anything_but_a_one_dimensional_array_of_a_settable_type_has_no_element(string spelling) =>
        Assert.Null(ParameterTypes.ArrayElement(spelling));

    [Fact]
    public void every_keyword_maps_to_a_dotnet_type_that_maps_back_to_it()
    {
        Assert.Equal(10, ParameterTypes.Scalars.Count);
        foreach (var keyword in ParameterTypes.Scalars)
        {
            var type = ParameterTypes.TypeOf(keyword);
            Assert.Equal(keyword, ParameterTypes.KeywordOf(type));
            Assert.Equal(keyword, ParameterTypes.Scalar(type.FullName!));
            Assert.Contains(keyword, ParameterTypes.Supported);
        }
    }

    [Fact]
    public void a_dotnet_type_outside_the_table_has_no_keyword() => Assert.Null(ParameterTypes.KeywordOf(typeof(short)));
}
