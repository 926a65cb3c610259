using System.Globalization;
using System.Text.RegularExpressions;

namespace Notebooks.Tests;

/// The losses a training cell printed ("epoch 1000: loss 0.109275", "epoch 3, loss 0.000051", ...), in order.
public static partial class TrainingLog
{
    [GeneratedRegex(@"\bloss\b[^0-9\-+A-Za-z∞]*(?<value>[-+]?(?:\d+(?:\.\d*)?(?:[eE][-+]?\d+)?|NaN|nan|inf|Infinity|∞))")]
    private static partial Regex LossValue();

    public static double[] Losses(string cellOutput) =>
        LossValue().Matches(cellOutput).Select(m => m.Groups["value"].Value switch
        {
            "NaN" or "nan" => double.NaN,
            "inf" or "Infinity" or "∞" or "+inf" => double.PositiveInfinity,
            var text => double.Parse(text, CultureInfo.InvariantCulture),
        }).ToArray();
}
