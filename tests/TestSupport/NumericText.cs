using System.Globalization;
using System.Text.RegularExpressions;

namespace TestSupport;

/// Compares two output texts as a reader would: the words exactly, the numbers within a tolerance. MKL picks its
/// float kernels by CPU (AVX-512 or AVX2), which moves the last digits of float32 results; nothing else may differ.
public static partial class NumericText
{
    /// |a - b| <= Absolute + Relative * max(|a|, |b|)
    public const double Relative = 1e-3;
    public const double Absolute = 1e-4;

    [GeneratedRegex(@"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")]
    private static partial Regex Number();

    /// Null when the texts agree; otherwise a sentence naming the first difference.
    public static string? Difference(string expected, string actual)
    {
        var expectedNumbers = Number().Matches(expected);
        var actualNumbers = Number().Matches(actual);
        var expectedWords = Number().Split(expected);
        var actualWords = Number().Split(actual);
        if (expectedNumbers.Count != actualNumbers.Count || !expectedWords.SequenceEqual(actualWords))
            return "the text differs beyond its numbers";
        for (var i = 0; i < expectedNumbers.Count; i++)
        {
            // The same digits are equal, even where they parse to no finite double (digits inside base64, say).
            if (expectedNumbers[i].Value == actualNumbers[i].Value) continue;
            var a = double.Parse(expectedNumbers[i].Value, CultureInfo.InvariantCulture);
            var b = double.Parse(actualNumbers[i].Value, CultureInfo.InvariantCulture);
            if (!(Math.Abs(a - b) <= Absolute + Relative * Math.Max(Math.Abs(a), Math.Abs(b))))
                return $"number {i + 1} is {actualNumbers[i].Value}, expected {expectedNumbers[i].Value} " +
                       $"(tolerance {Absolute} + {Relative} relative)";
        }
        return null;
    }
}
