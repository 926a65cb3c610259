using System.Globalization;
using System.Text.RegularExpressions;

namespace Conformance.Tests;

/// <summary>
/// Compares two texts exactly except their numbers, which may differ by a relative 1e-4 (or 1e-6 absolute near
/// zero): the last digit of a float32 printed to six places, which MKL's CPU-dependent kernels can change.
/// </summary>
public static partial class NumberTolerantText
{
    public const double RelativeTolerance = 1e-4;
    public const double AbsoluteTolerance = 1e-6;

    [GeneratedRegex(@"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?")]
    private static partial Regex Number();

    public static bool Equal(string expected, string actual)
    {
        var expectedNumbers = Number().Matches(expected).Select(m => m.Value).ToList();
        var actualNumbers = Number().Matches(actual).Select(m => m.Value).ToList();
        if (expectedNumbers.Count != actualNumbers.Count) return false;
        // The text between the numbers must be the same.
        if (Number().Replace(expected, "#") != Number().Replace(actual, "#")) return false;
        for (var i = 0; i < expectedNumbers.Count; i++)
        {
            if (expectedNumbers[i] == actualNumbers[i]) continue;
            if (!double.TryParse(expectedNumbers[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
                || !double.TryParse(actualNumbers[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var y))
                return false;
            if (Math.Abs(x - y) > Math.Max(AbsoluteTolerance, RelativeTolerance * Math.Max(Math.Abs(x), Math.Abs(y)))) return false;
        }
        return true;
    }
}
