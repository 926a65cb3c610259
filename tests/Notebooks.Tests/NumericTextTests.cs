namespace Notebooks.Tests;

public class NumericTextTests
{
    [Fact]
    public void a_float32_loss_that_differs_in_its_last_digit_counts_as_equal() =>
        Assert.Null(NumericText.Difference("epoch     0: loss 47.210121\n", "epoch     0: loss 47.210133\n"));

    [Fact]
    public void a_number_beyond_the_tolerance_is_named() =>
        Assert.Contains("number 2 is 47.3", NumericText.Difference("epoch 0: loss 47.21", "epoch 0: loss 47.3"));

    [Fact]
    public void a_changed_word_is_a_difference_even_when_every_number_agrees() =>
        Assert.NotNull(NumericText.Difference("trained w: 1.1", "trained b: 1.1"));

    [Fact]
    public void a_missing_number_is_a_difference() =>
        Assert.NotNull(NumericText.Difference("tensor([1., 2.])", "tensor([1.])"));

    [Fact]
    public void identical_digits_are_equal_even_when_they_overflow_a_double() =>
        Assert.Null(NumericText.Difference("data:image/png;base64,AB9e999Q", "data:image/png;base64,AB9e999Q"));
}
