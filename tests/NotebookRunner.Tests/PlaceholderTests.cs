namespace NotebookRunner.Tests;

public class PlaceholderTests
{
    [Fact]
    public void the_test_project_builds() => Assert.True(File.Exists(typeof(PlaceholderTests).Assembly.Location));
}
