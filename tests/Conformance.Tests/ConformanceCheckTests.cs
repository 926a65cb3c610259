namespace Conformance.Tests;

/// <summary>The checks above fail for a notebook that warns or fails in Microsoft's kernel (fixture notebooks).</summary>
public class ConformanceCheckTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    [Fact]
    public void a_notebook_with_a_compiler_warning_fails_the_warning_check_naming_the_cell()
    {
        var cells = MicrosoftKernel.Run(Fixture("warns.ipynb"));

        var warning = Assert.Single(ConformanceCheck.Warnings("warns", cells));
        Assert.StartsWith("warns: cell 2 (", warning);
        Assert.Contains("warning CS0162: Unreachable code detected", warning);
        Assert.Empty(ConformanceCheck.Errors("warns", cells));
    }

    [Fact]
    public void torch_tensor_warns_cs1701_in_microsofts_kernel_and_from_array_does_not()
    {
        var cells = MicrosoftKernel.Run(Fixture("torch-tensor.ipynb"));

        var warning = Assert.Single(ConformanceCheck.Warnings("torch-tensor", cells));
        Assert.StartsWith("torch-tensor: cell 4 (", warning);
        Assert.Contains("CS1701", warning);
        Assert.Contains("'System.Runtime.Numerics, Version=8.0.0.0", warning);
        Assert.Empty(ConformanceCheck.Errors("torch-tensor", cells));
    }

    [Fact]
    public void a_notebook_that_throws_fails_the_error_check_naming_the_cell()
    {
        var cells = MicrosoftKernel.Run(Fixture("throws.ipynb"));

        var error = Assert.Single(ConformanceCheck.Errors("throws", cells));
        Assert.StartsWith("throws: cell 2 (", error);
        Assert.Contains("the learning rate is too large", error);
        Assert.Empty(ConformanceCheck.Warnings("throws", cells));
    }

    [Fact]
    public void numbers_may_differ_within_the_stated_tolerance_and_no_more()
    {
        Assert.Null(NumericText.Difference("epoch 0: loss 47.210121", "epoch 0: loss 47.210133"));
        Assert.NotNull(NumericText.Difference("epoch 0: loss 47.210121", "epoch 0: loss 47.310121"));
        Assert.NotNull(NumericText.Difference("epoch 0: loss 47.210121", "epoch 1: loss 47.210121 "));
    }
}
