namespace Conformance.Tests;

/// <summary>Display updates in both engines (fixture notebooks): the same where neither can place the update, and the one difference.</summary>
public class DisplayUpdatesInBothEnginesTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    [Fact]
    public void an_update_of_what_the_Display_extension_returned_is_one_more_output_in_both_engines()
    {
        var notebook = Fixture("display-extension-update.ipynb");

        var kernel = MicrosoftKernel.Run(notebook);
        var runner = OurRunner.Run([notebook])["display-extension-update"];

        Assert.Empty(ConformanceCheck.Differences("display-extension-update", kernel, runner));
        Assert.Equal(["first", "second"], runner[0].Outputs.Select(o => o.Data["text/plain"]));
        Assert.Equal(["third"], runner[1].Outputs.Select(o => o.Data["text/plain"]));
    }

    [Fact]
    public void an_update_of_what_display_returned_replaces_its_output_in_the_runner_and_is_one_more_output_in_microsofts_kernel()
    {
        var notebook = Fixture("display-update.ipynb");

        var kernel = MicrosoftKernel.Run(notebook);
        var runner = OurRunner.Run([notebook])["display-update"];

        // Microsoft's display() (1.0.712001) is value.Display(mimeTypes): the DisplayedValue it returns is not the
        // one it raised, so its DisplayedValueUpdated names an id no output has.
        Assert.Equal(["first", "second"], kernel[0].Outputs.Select(o => o.Data["text/plain"]));
        Assert.Equal(["third"], kernel[1].Outputs.Select(o => o.Data["text/plain"]));
        Assert.Equal(["third"], runner[0].Outputs.Select(o => o.Data["text/plain"]));
        Assert.Empty(runner[1].Outputs);
    }
}
