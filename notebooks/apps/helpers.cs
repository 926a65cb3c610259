// helpers.cs: ../../helpers/helpers.csx as a file apps can include, made by the notebook runner's `export`;
// edit the script and export again rather than this file.
// Shared helpers for the TorchSharp tutorial notebooks. Load with `#load "../helpers/helpers.csx"` (from
// notebooks/solutions/: "../../helpers/helpers.csx") after the `#r "nuget: ..."` cell (TorchSharp-cpu, ScottPlot);
// this file has no `#r` of its own.
using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.DotNet.Interactive.Formatting;
using ScottPlot;
using TorchSharp;
using static TorchSharp.torch;
using static Helpers;

/// <summary>The functions of helpers.csx as static methods; its top-level statements run in Initialize().</summary>
public static class Helpers
{
    /// <summary>The script's top-level statements, in order: the app calls this where the notebook has `#load`.</summary>
    public static void Initialize()
    {
        // Plots show inline as PNG images (in Polyglot and in the executed .ipynb, so GitHub renders them too).
        Formatter.Register(typeof(Plot), (object o, System.IO.TextWriter writer) =>
        {
            var bytes = ((Plot)o).GetImageBytes(600, 400, ImageFormat.Png);
            writer.Write(Convert.ToBase64String(bytes));
        }, "image/png");
        Formatter.SetPreferredMimeTypesFor(typeof(Plot), "image/png");

        Formatter.Register(typeof(Tensor), (object o, System.IO.TextWriter writer) => writer.Write(FormatTensor((Tensor)o)), "text/plain");
        Formatter.SetPreferredMimeTypesFor(typeof(Tensor), "text/plain");
    }

    // The `.numpy()` analogue: a flat float[] copy of the tensor's values.
    public static float[] ToArray(Tensor t) => t.detach().cpu().to_type(ScalarType.Float32).data<float>().ToArray();

    public static double[] ToDoubles(Tensor t) => t.detach().cpu().to_type(ScalarType.Float64).data<double>().ToArray();

    // The plots draw one y per x. A tensor with several columns, or two tensors of different lengths, would be drawn as
    // garbage (ScottPlot silently keeps the shorter array), so the plot helpers refuse them with what to do instead.
    public static double[] PlotValues(string helper, string name, Tensor t)
    {
        var shape = "[" + string.Join(", ", t.shape) + "]";
        if (t.dim() == 1 || (t.dim() == 2 && t.shape[1] == 1)) return ToDoubles(t);
        throw new ArgumentException(
            $"{helper}: {name} has shape {shape}, but a plot needs one value per point (shape [n] or [n, 1]); " +
            $"plot one column at a time, e.g. {name}.select(1, 0) for the first.");
    }

    public static void SameLength(string helper, params (string Name, double[] Values)[] series)
    {
        foreach (var (name, values) in series.Skip(1))
            if (values.Length != series[0].Values.Length)
                throw new ArgumentException(
                    $"{helper}: {series[0].Name} has {series[0].Values.Length} values but {name} has {values.Length}; " +
                    "pass one value per example for each, the same examples in the same order.");
    }

    public static Plot PlotData(Tensor x, Tensor y, string title, string xLabel = "x", string yLabel = "y")
    {
        var xs = PlotValues(nameof(PlotData), "x", x);
        var ys = PlotValues(nameof(PlotData), "y", y);
        SameLength(nameof(PlotData), ("x", xs), ("y", ys));
        var plot = new Plot();
        plot.Add.ScatterPoints(xs, ys);
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }

    // The model's predictions as a red line (sorted by x so it does not zigzag), the data drawn over it as dots.
    public static Plot PlotFit(Tensor x, Tensor y, Tensor yHat, string title, string xLabel = "x", string yLabel = "y")
    {
        var xs = PlotValues(nameof(PlotFit), "x", x);
        var ys = PlotValues(nameof(PlotFit), "y", y);
        var predictions = PlotValues(nameof(PlotFit), "yHat", yHat);
        SameLength(nameof(PlotFit), ("x", xs), ("y", ys), ("yHat", predictions));
        var plot = new Plot();
        var order = Enumerable.Range(0, xs.Length).OrderBy(i => xs[i]).ToArray();
        var line = plot.Add.ScatterLine(order.Select(i => xs[i]).ToArray(), order.Select(i => predictions[i]).ToArray());
        line.Color = Colors.Red;
        line.LineWidth = 2;
        line.LegendText = "model";
        var points = plot.Add.ScatterPoints(xs, ys);
        points.Color = Colors.Blue.WithAlpha(0.7);
        points.MarkerSize = 6;
        points.LegendText = "data";
        plot.ShowLegend(Alignment.UpperLeft);
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }

    // The residuals y - yHat against the predictions, around a dashed zero line. When the fit is good the line of
    // labels against predictions hides the errors; the residuals show them at their own scale.
    public static Plot PlotResiduals(Tensor yHat, Tensor y, string title, string xLabel = "ŷ (prediction)", string yLabel = "y − ŷ (residual)")
    {
        var predictions = PlotValues(nameof(PlotResiduals), "yHat", yHat);
        var ys = PlotValues(nameof(PlotResiduals), "y", y);
        SameLength(nameof(PlotResiduals), ("yHat", predictions), ("y", ys));
        var plot = new Plot();
        var zero = plot.Add.HorizontalLine(0);
        zero.LinePattern = LinePattern.Dashed;
        zero.Color = Colors.Black;
        var points = plot.Add.ScatterPoints(predictions, ys.Zip(predictions, (label, prediction) => label - prediction).ToArray());
        points.Color = Colors.Blue.WithAlpha(0.5);
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }

    // Ticks for a log10 axis whose data run from 10^lo to 10^hi: the labels bracket the data (one at or below the smallest
    // value, one at or above the largest), every decade over a wide range, 1-2-5 steps over a narrower one and 1..9 steps
    // inside about one decade, all in one number format (plain decimals, or powers of ten such as 1e-05 when a label is
    // below 0.001 or above 100000). Positions are log10 of the values; Bottom and Top are the outermost labels.
    public static (List<(double Position, string Label)> Labels, List<double> Minor, double Bottom, double Top) LogTicks(double lo, double hi)
    {
        var mantissas = hi - lo > 2 ? new[] { 1.0 } : hi - lo > 0.7 ? new[] { 1.0, 2, 5 } : new[] { 1.0, 2, 3, 4, 5, 6, 7, 8, 9 };
        var candidates = Enumerable.Range((int)Math.Floor(lo) - 1, (int)Math.Ceiling(hi) - (int)Math.Floor(lo) + 3)
            .SelectMany(decade => mantissas.Select(m => (Mantissa: m, Decade: decade, Position: Math.Log10(m) + decade)))
            .ToList();
        const double epsilon = 1e-9;   // a value exactly on a tick counts as bracketed by it
        var bottom = candidates.Where(c => c.Position <= lo + epsilon).Max(c => c.Position);
        var top = candidates.Where(c => c.Position >= hi - epsilon).Min(c => c.Position);
        var labelled = candidates.Where(c => c.Position >= bottom - epsilon && c.Position <= top + epsilon).ToList();
        var scientific = labelled.Any(c => c.Position < -3 - epsilon || c.Position > 5 + epsilon);
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        var labels = labelled.Select(c => (c.Position, scientific
            ? c.Mantissa.ToString(invariant) + "e" + (c.Decade < 0 ? "-" : "+") + Math.Abs(c.Decade).ToString("00", invariant)
            : Math.Pow(10, c.Position).ToString("0.###", invariant))).ToList();
        var minor = new List<double>();
        for (var decade = (int)Math.Floor(bottom); decade < Math.Ceiling(top); decade++)
            for (var m = 2; m <= 9; m++)
            {
                var position = Math.Log10(m) + decade;
                if (position > bottom && position < top && !labelled.Any(c => Math.Abs(c.Position - position) < epsilon))
                    minor.Add(position);
            }
        return (labels, minor, bottom, top);
    }

    // A loss curve against the epoch (or step), counted from 1 as the training loops print it. With logY the y axis is
    // logarithmic (ScottPlot draws log10 of the values, LogTicks labels them), so the slow tail of training stays visible
    // instead of flattening into the x axis. A floor (e.g. the least-squares loss) is drawn as a dashed line and kept in view.
    public static Plot PlotLoss(IReadOnlyList<double> losses, string title, string xLabel = "epoch", bool logY = true,
        double? floor = null, string floorLabel = "least-squares loss")
    {
        var kept = Enumerable.Range(0, losses.Count).Where(i => double.IsFinite(losses[i]) && (!logY || losses[i] > 0)).ToArray();
        if (kept.Length == 0)
            throw new ArgumentException($"{nameof(PlotLoss)}: none of the {losses.Count} losses is a finite{(logY ? " positive" : "")} number; " +
                "train at least one epoch, with a learning rate at which the loss stays finite.");
        var plot = new Plot();
        var xs = kept.Select(i => i + 1.0).ToArray();
        var ys = kept.Select(i => logY ? Math.Log10(losses[i]) : losses[i]).ToArray();
        var line = plot.Add.ScatterLine(xs, ys);
        line.LineWidth = 2;
        if (floor is double level)
        {
            line.LegendText = "loss";
            var floorLine = plot.Add.HorizontalLine(logY ? Math.Log10(level) : level);
            floorLine.LinePattern = LinePattern.Dashed;
            floorLine.Color = Colors.Black;
            floorLine.LegendText = floorLabel;
            plot.ShowLegend(Alignment.UpperRight);
        }
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(logY ? "loss (log scale)" : "loss");
        plot.Axes.SetLimitsX(xs[0] - 0.02 * (xs[^1] - xs[0] + 1), xs[^1] + 0.02 * (xs[^1] - xs[0] + 1));
        if (logY)
        {
            // Concat, not Append: the Formatting namespace has an Append extension too, and binding against it makes
            // Microsoft's kernel print warning CS1701 under the #load cell.
            var levels = floor is double f && f > 0 ? ys.Concat(new[] { Math.Log10(f) }) : ys;
            var (labels, minor, bottom, top) = LogTicks(levels.Min(), levels.Max());
            var ticks = new ScottPlot.TickGenerators.NumericManual();
            foreach (var (position, label) in labels) ticks.AddMajor(position, label);
            foreach (var position in minor) ticks.AddMinor(position);
            plot.Axes.Left.TickGenerator = ticks;
            var margin = 0.03 * Math.Max(top - bottom, 0.1);
            plot.Axes.SetLimitsY(bottom - margin, top + margin);
        }
        return plot;
    }

    // A training loop calls this with every loss and its epoch (or step) counted from 1, as the loop prints it and
    // PlotLoss draws it: a NaN or infinite loss stops the run with one line saying where and why.
    public static void CheckFinite(double loss, int epoch, double lr)
    {
        if (!double.IsFinite(loss))
            throw new ArithmeticException(
                $"training diverged: the loss is {(double.IsNaN(loss) ? "NaN" : "infinite")} at epoch {epoch} with learning rate " +
                $"lr = {lr.ToString(System.Globalization.CultureInfo.InvariantCulture)}; rerun with a smaller lr.");
    }

    // What `print(t)` shows in PyTorch, for tensors and parameters alike.
    public static string FormatTensor(Tensor t) => PyTorchPrint.Format(t);

    // ---- Taught in notebook 03 (linear regression from scratch); kept identical to its //@save cells. ----

    public static (Tensor X, Tensor y) SyntheticData(Tensor w, double b, long numExamples)
    {
        // Generate y = Xw + b + noise, with the draws in d2l's order: X first, then the noise.
        var X = torch.normal(0, 1, new long[] { numExamples, w.shape[0] });
        var y = torch.matmul(X, w) + b;
        y += torch.normal(0, 0.01, y.shape);
        return (X, y.reshape(-1, 1));
    }

    public static IEnumerable<(Tensor X, Tensor y)> DataIter(int batchSize, Tensor features, Tensor labels, System.Random random)
    {
        // The examples are read in a random order: shuffle the indices, then cut them into minibatches.
        var numExamples = (int)features.shape[0];
        var indices = Enumerable.Range(0, numExamples).Select(i => (long)i).ToArray();
        random.Shuffle(indices);
        for (int i = 0; i < numExamples; i += batchSize)
        {
            var batchIndices = torch.from_array(indices[i..Math.Min(i + batchSize, numExamples)], features.device);
            yield return (features.index_select(0, batchIndices), labels.index_select(0, batchIndices));
        }
    }

    public static Tensor LinReg(Tensor X, Tensor w, Tensor b)
    {
        // The linear regression model.
        return torch.matmul(X, w) + b;
    }

    public static Tensor SquaredLoss(Tensor yHat, Tensor y)
    {
        // Squared loss, one value per example.
        return (yHat - y.reshape(yHat.shape)).pow(2) / 2;
    }

    public static void Sgd(IEnumerable<Tensor> parameters, double lr, int batchSize)
    {
        // Minibatch stochastic gradient descent.
        using (torch.no_grad())
        {
            foreach (var param in parameters)
            {
                param.sub_(lr * param.grad / batchSize);
                param.grad.zero_();
            }
        }
    }

    // sklearn.datasets.make_regression(n_samples, n_features, n_informative, bias=bias, noise=noise, shuffle=shuffle,
    // random_state=randomState, coef=True) with one target and no effective_rank: the same draws in the same order,
    // so the same doubles. X is [nSamples, nFeatures], y is [nSamples], coef is [nFeatures], all float64.
    public static (Tensor X, Tensor y, Tensor coef) MakeRegression(int nSamples = 100, int nFeatures = 100, int nInformative = 10,
        double bias = 0.0, double noise = 0.0, bool shuffle = true, int randomState = 0)
    {
        var generator = new NumPyRandomState(randomState);
        nInformative = Math.Min(nFeatures, nInformative);

        var X = new double[nSamples, nFeatures];
        for (int i = 0; i < nSamples; i++)
            for (int j = 0; j < nFeatures; j++)
                X[i, j] = generator.StandardNormal();

        // Only the first nInformative features get a coefficient; the others are uncorrelated with y.
        var coef = new double[nFeatures];
        for (int j = 0; j < nInformative; j++)
            coef[j] = 100 * generator.Uniform();

        var y = new double[nSamples];
        for (int i = 0; i < nSamples; i++)
        {
            double dot = 0.0;
            for (int j = 0; j < nFeatures; j++) dot += X[i, j] * coef[j];
            y[i] = dot + bias;
        }
        if (noise > 0.0)
            for (int i = 0; i < nSamples; i++)
                y[i] += generator.Normal(scale: noise);

        // sklearn.utils.shuffle(X, y) permutes the samples, then make_regression permutes the features.
        var rows = Enumerable.Range(0, nSamples).ToArray();
        var columns = Enumerable.Range(0, nFeatures).ToArray();
        if (shuffle)
        {
            generator.Shuffle(rows);
            generator.Shuffle(columns);
        }

        var xOut = new double[nSamples, nFeatures];
        for (int i = 0; i < nSamples; i++)
            for (int j = 0; j < nFeatures; j++)
                xOut[i, j] = X[rows[i], columns[j]];
        return (torch.from_array(xOut),
                torch.from_array(rows.Select(i => y[i]).ToArray()),
                torch.from_array(columns.Select(j => coef[j]).ToArray()));
    }
}

// ---- Tensors print as PyTorch prints them (torch/_tensor_str.py with the default print options). ----

static class PyTorchPrint
{
    const int Precision = 4, Threshold = 1000, EdgeItems = 3, LineWidth = 80;

    public static string Format(Tensor t)
    {
        var x = t.detach().cpu();
        var shape = x.shape;
        var numel = shape.Aggregate(1L, (a, b) => a * b);
        var suffixes = new List<string>();
        if (t.device_type != DeviceType.CPU)
            suffixes.Add($"device='{t.device_type.ToString().ToLowerInvariant()}:{Math.Max(0, t.device_index)}'");
        string body;
        if (numel == 0)
        {
            if (shape.Length != 1) suffixes.Add("size=(" + string.Join(", ", shape) + (shape.Length == 1 ? ",)" : ")"));
            if (x.dtype != ScalarType.Float32) suffixes.Add("dtype=" + DtypeName(x.dtype));
            body = "[]";
        }
        else
        {
            if (x.dtype is not (ScalarType.Float32 or ScalarType.Int64 or ScalarType.Bool)) suffixes.Add("dtype=" + DtypeName(x.dtype));
            body = TensorString(x, shape, numel);
        }
        // PyTorch prints grad_fn=<...> for a non-leaf; TorchSharp does not expose the grad_fn's name, so such a
        // tensor gets no suffix (never requires_grad=True, which PyTorch prints only on leaves).
        if (t.requires_grad && t.is_leaf) suffixes.Add("requires_grad=True");
        var text = AddSuffixes("tensor(" + body, suffixes, "tensor(".Length);
        return t is TorchSharp.Modules.Parameter ? "Parameter containing:\n" + text : text;
    }

    static string DtypeName(ScalarType dtype) => "torch." + dtype switch
    {
        ScalarType.Byte => "uint8", ScalarType.Int8 => "int8", ScalarType.Int16 => "int16", ScalarType.Int32 => "int32",
        ScalarType.Int64 => "int64", ScalarType.Float16 => "float16", ScalarType.BFloat16 => "bfloat16",
        ScalarType.Float32 => "float32", ScalarType.Float64 => "float64", ScalarType.Bool => "bool",
        _ => dtype.ToString().ToLowerInvariant(),
    };

    static string AddSuffixes(string text, List<string> suffixes, int indent)
    {
        var sb = new System.Text.StringBuilder(text);
        var lastLineLength = text.Length - text.LastIndexOf('\n') + 1;   // as PyTorch computes it (rfind gives -1)
        foreach (var suffix in suffixes)
        {
            if (lastLineLength + suffix.Length + 2 > LineWidth)
            {
                sb.Append(",\n").Append(' ', indent).Append(suffix);
                lastLineLength = indent + suffix.Length;
            }
            else
            {
                sb.Append(", ").Append(suffix);
                lastLineLength += suffix.Length + 2;
            }
        }
        return sb.Append(')').ToString();
    }

    // Elements as doubles (floats), longs (integers) or bools, row-major.
    sealed class Elements
    {
        public double[] Doubles; public long[] Longs; public bool[] Bools;
        public bool IsFloat => Doubles != null;
        public string Plain(long i) => Longs != null ? Longs[i].ToString(System.Globalization.CultureInfo.InvariantCulture) : Bools[i] ? "True" : "False";
    }

    static string TensorString(Tensor x, long[] shape, long numel)
    {
        var e = new Elements();
        if (x.dtype is ScalarType.Float16 or ScalarType.BFloat16 or ScalarType.Float32 or ScalarType.Float64)
            e.Doubles = x.to_type(ScalarType.Float64).contiguous().data<double>().ToArray();
        else if (x.dtype == ScalarType.Bool) e.Bools = x.contiguous().data<bool>().ToArray();
        else e.Longs = x.to_type(ScalarType.Int64).contiguous().data<long>().ToArray();
        var summarize = numel > Threshold;
        var strides = new long[shape.Length];
        for (int d = shape.Length - 1, s = 1; d >= 0; s *= (int)shape[d], d--) strides[d] = s;
        var shown = ShownIndices(shape, strides, 0, 0, summarize).ToList();
        var formatter = new ElementFormatter(e, shown);
        return Nested(e, formatter, shape, strides, 0, 0, "tensor(".Length, summarize);
    }

    // The flat indices of the elements PyTorch looks at to choose a format (get_summarized_data).
    static IEnumerable<long> ShownIndices(long[] shape, long[] strides, int dim, long offset, bool summarize)
    {
        if (dim == shape.Length) { yield return offset; yield break; }
        foreach (var i in Kept(shape[dim], summarize))
            foreach (var j in ShownIndices(shape, strides, dim + 1, offset + i * strides[dim], summarize))
                yield return j;
    }

    static IEnumerable<long> Kept(long size, bool summarize) =>
        summarize && size > 2 * EdgeItems
            ? Enumerable.Range(0, EdgeItems).Select(i => (long)i).Concat(Enumerable.Range(0, EdgeItems).Select(i => size - EdgeItems + i))
            : Enumerable.Range(0, (int)size).Select(i => (long)i);

    static string Nested(Elements e, ElementFormatter f, long[] shape, long[] strides, int dim, long offset, int indent, bool summarize)
    {
        var rank = shape.Length - dim;
        if (rank == 0) return f.Format(offset);
        var size = shape[dim];
        var elided = summarize && size > 2 * EdgeItems;
        var parts = new List<string>();
        var head = elided ? Enumerable.Range(0, EdgeItems).Select(i => (long)i) : Enumerable.Range(0, (int)size).Select(i => (long)i);
        var tail = elided ? Enumerable.Range(0, EdgeItems).Select(i => size - EdgeItems + i) : Enumerable.Empty<long>();
        if (rank == 1)
        {
            parts.AddRange(head.Select(i => f.Format(offset + i * strides[dim])));
            if (elided) parts.Add(" ...");
            parts.AddRange(tail.Select(i => f.Format(offset + i * strides[dim])));
            var perLine = Math.Max(1, (LineWidth - indent) / (f.Width + 2));
            var lines = parts.Chunk(perLine).Select(line => string.Join(", ", line));
            return "[" + string.Join(",\n" + new string(' ', indent + 1), lines) + "]";
        }
        parts.AddRange(head.Select(i => Nested(e, f, shape, strides, dim + 1, offset + i * strides[dim], indent + 1, summarize)));
        if (elided) parts.Add("...");
        parts.AddRange(tail.Select(i => Nested(e, f, shape, strides, dim + 1, offset + i * strides[dim], indent + 1, summarize)));
        return "[" + string.Join("," + new string('\n', rank - 1) + new string(' ', indent + 1), parts) + "]";
    }

    // torch._tensor_str._Formatter: integer mode prints "27.", scientific mode when the magnitudes call for it.
    sealed class ElementFormatter
    {
        readonly Elements e;
        readonly bool intMode = true, sciMode;
        public int Width { get; } = 1;

        public ElementFormatter(Elements elements, List<long> shown)
        {
            e = elements;
            if (!e.IsFloat)
            {
                foreach (var i in shown) Width = Math.Max(Width, e.Plain(i).Length);
                return;
            }
            var values = shown.Select(i => e.Doubles[i]).Where(v => double.IsFinite(v) && v != 0).ToList();
            if (values.Count == 0) return;
            var min = values.Min(Math.Abs);
            var max = values.Max(Math.Abs);
            intMode = values.All(v => v == Math.Ceiling(v));
            sciMode = max / min > 1000.0 || max > 1e8 || (!intMode && min < 1e-4);
            foreach (var v in values)
                Width = Math.Max(Width, sciMode ? Sci(v).Length : intMode ? Fixed(v, 0).Length + 1 : Fixed(v, Precision).Length);
        }

        public string Format(long i)
        {
            string text;
            if (!e.IsFloat) text = e.Plain(i);
            else
            {
                var v = e.Doubles[i];
                text = !double.IsFinite(v) ? (double.IsNaN(v) ? "nan" : v > 0 ? "inf" : "-inf")
                    : sciMode ? Sci(v)
                    : intMode ? Fixed(v, 0) + "."
                    : Fixed(v, Precision);
            }
            return text.PadLeft(Width);
        }
    }

    // Python's format(v, ".{decimals}f"): exact value, rounded half to even.
    static string Fixed(double v, int decimals)
    {
        var (negative, digits) = RoundedScaled(v, decimals);
        var s = digits.ToString().PadLeft(decimals + 1, '0');
        var text = decimals == 0 ? s : s[..^decimals] + "." + s[^decimals..];
        return (negative ? "-" : "") + text;
    }

    // Python's format(v, ".4e").
    static string Sci(double v)
    {
        if (v == 0) return (double.IsNegative(v) ? "-" : "") + "0." + new string('0', Precision) + "e+00";
        var exponent = (int)Math.Floor(Math.Log10(Math.Abs(v)));
        var (negative, digits) = RoundedScaled(v, Precision - exponent);
        var limit = System.Numerics.BigInteger.Pow(10, Precision + 1);
        if (digits >= limit) { exponent++; (negative, digits) = RoundedScaled(v, Precision - exponent); }
        else if (digits < limit / 10) { exponent--; (negative, digits) = RoundedScaled(v, Precision - exponent); }
        var s = digits.ToString();
        return (negative ? "-" : "") + s[0] + "." + s[1..] + "e" + (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString("00");
    }

    // |v| * 10^decimals rounded half to even, computed exactly from the double's bits.
    static (bool Negative, System.Numerics.BigInteger Digits) RoundedScaled(double v, int decimals)
    {
        var bits = BitConverter.DoubleToInt64Bits(v);
        var negative = bits < 0;
        var exponentBits = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponentBits == 0) exponentBits = 1; else mantissa |= 1L << 52;
        var exponent = exponentBits - 1075;                     // |v| = mantissa * 2^exponent
        var numerator = new System.Numerics.BigInteger(mantissa);
        var denominator = System.Numerics.BigInteger.One;
        if (exponent > 0) numerator <<= exponent; else denominator <<= -exponent;
        if (decimals >= 0) numerator *= System.Numerics.BigInteger.Pow(10, decimals);
        else denominator *= System.Numerics.BigInteger.Pow(10, -decimals);
        var quotient = System.Numerics.BigInteger.DivRem(numerator, denominator, out var remainder);
        var twice = remainder * 2;
        if (twice > denominator || (twice == denominator && !quotient.IsEven)) quotient += 1;
        return (negative, quotient);
    }
}

// ---- sklearn.datasets.make_regression, number for number (used by notebook 05). ----

// NumPy's legacy generator, np.random.RandomState(seed): MT19937 and the legacy algorithms of the draws
// make_regression makes, so the same seed gives the same doubles as NumPy.
class NumPyRandomState
{
    const int N = 624, M = 397;
    readonly uint[] key = new uint[N];
    int pos;
    bool hasGauss;
    double gauss;

    public NumPyRandomState(long seed)
    {
        if (seed < 0 || seed > uint.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(seed), $"A NumPy seed must be between 0 and 2**32 - 1, not {seed}.");
        // RandomState(int) seeds with MT19937's init_genrand (an array seed would use init_by_array instead).
        key[0] = (uint)seed;
        for (int i = 1; i < N; i++)
            key[i] = unchecked(1812433253u * (key[i - 1] ^ (key[i - 1] >> 30)) + (uint)i);
        pos = N;
    }

    public uint NextUInt32()
    {
        if (pos == N) Twist();
        uint y = key[pos++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        y ^= y >> 18;
        return y;
    }

    // The next 624 words of state, computed in place: indices wrap, so later words use already updated ones.
    void Twist()
    {
        for (int i = 0; i < N; i++)
        {
            uint y = (key[i] & 0x80000000u) | (key[(i + 1) % N] & 0x7fffffffu);
            key[i] = key[(i + M) % N] ^ (y >> 1) ^ ((y & 1u) == 0 ? 0u : 0x9908b0dfu);
        }
        pos = 0;
    }

    // random_sample(): 53 random bits, 27 from one draw and 26 from the next.
    public double RandomSample()
    {
        uint a = NextUInt32() >> 5, b = NextUInt32() >> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    // standard_normal(): the legacy polar method makes two normals and keeps the second for the next call,
    // also across calls of different methods (standard_normal, then normal).
    public double StandardNormal()
    {
        if (hasGauss)
        {
            hasGauss = false;
            return gauss;
        }
        double x1, x2, r2;
        do
        {
            x1 = 2.0 * RandomSample() - 1.0;
            x2 = 2.0 * RandomSample() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        double f = Math.Sqrt(-2.0 * Math.Log(r2) / r2);
        gauss = f * x1;
        hasGauss = true;
        return f * x2;
    }

    public double Normal(double loc = 0.0, double scale = 1.0) => loc + scale * StandardNormal();

    public double Uniform(double low = 0.0, double high = 1.0) => low + (high - low) * RandomSample();

    // A value in [0, max] drawn as NumPy's shuffle draws it: mask to the smallest 2^k - 1 >= max, retry above max.
    public uint Interval(uint max)
    {
        if (max == 0) return 0;
        uint mask = max;
        mask |= mask >> 1;
        mask |= mask >> 2;
        mask |= mask >> 4;
        mask |= mask >> 8;
        mask |= mask >> 16;
        uint value;
        while ((value = NextUInt32() & mask) > max) { }
        return value;
    }

    // shuffle(x) for a 1-d array: Fisher-Yates from the last element down.
    public void Shuffle<T>(T[] x)
    {
        for (int i = x.Length - 1; i > 0; i--)
        {
            int j = (int)Interval((uint)i);
            (x[i], x[j]) = (x[j], x[i]);
        }
    }

    public int[] Permutation(int n)
    {
        var indices = Enumerable.Range(0, n).ToArray();
        Shuffle(indices);
        return indices;
    }
}
