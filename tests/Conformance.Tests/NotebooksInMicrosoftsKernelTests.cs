namespace Conformance.Tests;

/// <summary>Every notebook of the series, as a learner sees it in Microsoft's C# kernel, against our runner.</summary>
[Collection("both engines")]
public class NotebooksInMicrosoftsKernelTests(SeriesInBothEngines series)
{
    public static TheoryData<string> Notebooks => new(SeriesInBothEngines.Stems);

    [Theory, MemberData(nameof(Notebooks))]
    public void a_notebook_shows_no_error_in_microsofts_kernel(string stem)
    {
        var errors = ConformanceCheck.Errors(stem, series.InKernel(stem));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory, MemberData(nameof(Notebooks))]
    public void a_notebook_shows_no_compiler_warning_in_microsofts_kernel(string stem)
    {
        var warnings = ConformanceCheck.Warnings(stem, series.InKernel(stem));
        Assert.True(warnings.Count == 0, string.Join("\n", warnings));
    }

    [Theory, MemberData(nameof(Notebooks))]
    public void a_notebook_shows_the_same_text_and_mime_types_in_microsofts_kernel_as_in_the_runner(string stem)
    {
        var differences = ConformanceCheck.Differences(stem, series.InKernel(stem), series.InRunner(stem));
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }
}
