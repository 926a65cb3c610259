// Shared helpers for the TorchSharp tutorial notebooks. Load with `#load "../helpers/helpers.csx"`
// after the `#r "nuget: ..."` cell (TorchSharp-cpu, ScottPlot); this file has no `#r` of its own.
using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.DotNet.Interactive.Formatting;
using ScottPlot;
using TorchSharp;
using static TorchSharp.torch;

// The `.numpy()` analogue: a flat float[] copy of the tensor's values.
float[] ToArray(Tensor t) => t.detach().cpu().data<float>().ToArray();

double[] ToDoubles(Tensor t) => ToArray(t).Select(v => (double)v).ToArray();

Plot PlotData(Tensor x, Tensor y, string title)
{
    var plot = new Plot();
    plot.Add.ScatterPoints(ToDoubles(x), ToDoubles(y));
    plot.Title(title);
    plot.XLabel("x");
    plot.YLabel("y");
    return plot;
}

// Data as dots, the model's predictions as a red line (points sorted by x so the line does not zigzag).
Plot PlotFit(Tensor x, Tensor y, Tensor yHat, string title)
{
    var plot = PlotData(x, y, title);
    var xs = ToDoubles(x);
    var ys = ToDoubles(yHat);
    var order = Enumerable.Range(0, xs.Length).OrderBy(i => xs[i]).ToArray();
    var line = plot.Add.ScatterLine(order.Select(i => xs[i]).ToArray(), order.Select(i => ys[i]).ToArray());
    line.Color = Colors.Red;
    line.LineWidth = 2;
    return plot;
}

Plot PlotLoss(IReadOnlyList<double> losses, string title)
{
    var plot = new Plot();
    var xs = Enumerable.Range(0, losses.Count).Select(i => (double)i).ToArray();
    plot.Add.ScatterLine(xs, losses.ToArray());
    plot.Title(title);
    plot.XLabel("epoch");
    plot.YLabel("loss");
    return plot;
}

// Plots show inline as PNG images (in Polyglot and in the executed .ipynb, so GitHub renders them too).
Formatter.Register(typeof(Plot), (object o, System.IO.TextWriter writer) =>
{
    var bytes = ((Plot)o).GetImageBytes(600, 400, ImageFormat.Png);
    writer.Write(Convert.ToBase64String(bytes));
}, "image/png");
Formatter.SetPreferredMimeTypesFor(typeof(Plot), "image/png");

// Tensors print like PyTorch: tensor([[1.1000], ...], requires_grad=True).
string FormatTensor(Tensor t)
{
    var isFloat = t.dtype == ScalarType.Float32 || t.dtype == ScalarType.Float64;
    var body = (isFloat ? t.ToString(TorchSharp.TensorStringStyle.Numpy, "0.0000") : t.ToString(TorchSharp.TensorStringStyle.Numpy))
        .Trim().Replace("]\n", "],\n").Replace("\n", "\n       ");
    var suffix = t.requires_grad ? ", requires_grad=True" : "";
    var device = t.device_type == DeviceType.CPU ? "" : $", device='{t.device}'";
    return $"tensor({body}{device}{suffix})";
}

Formatter.Register(typeof(Tensor), (object o, System.IO.TextWriter writer) => writer.Write(FormatTensor((Tensor)o)), "text/plain");
Formatter.SetPreferredMimeTypesFor(typeof(Tensor), "text/plain");

// ---- Taught in notebook 04 (linear regression from scratch); kept identical to its //@save cells. ----

(Tensor X, Tensor y) SyntheticData(Tensor w, double b, long numExamples)
{
    // Generate y = Xw + b + noise, with the draws in d2l's order: X first, then the noise.
    var X = torch.normal(0, 1, new long[] { numExamples, w.shape[0] });
    var y = torch.matmul(X, w) + b;
    y += torch.normal(0, 0.01, y.shape);
    return (X, y.reshape(-1, 1));
}

IEnumerable<(Tensor X, Tensor y)> DataIter(int batchSize, Tensor features, Tensor labels, System.Random random)
{
    // Shuffle with our own System.Random (like Python's random.shuffle), never with torch's generator.
    var numExamples = (int)features.shape[0];
    var indices = Enumerable.Range(0, numExamples).Select(i => (long)i).ToArray();
    random.Shuffle(indices);
    for (int i = 0; i < numExamples; i += batchSize)
    {
        var batchIndices = torch.tensor(indices[i..Math.Min(i + batchSize, numExamples)]);
        yield return (features.index_select(0, batchIndices), labels.index_select(0, batchIndices));
    }
}

Tensor LinReg(Tensor X, Tensor w, Tensor b)
{
    // The linear regression model.
    return torch.matmul(X, w) + b;
}

Tensor SquaredLoss(Tensor yHat, Tensor y)
{
    // Squared loss, one value per example.
    return (yHat - y.reshape(yHat.shape)).pow(2) / 2;
}

void Sgd(IEnumerable<Tensor> parameters, double lr, int batchSize)
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

// ---- sklearn.datasets.make_regression, number for number (used by notebook 03). ----

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

// sklearn.datasets.make_regression(n_samples, n_features, n_informative, bias=bias, noise=noise, shuffle=shuffle,
// random_state=randomState, coef=True) with one target and no effective_rank: the same draws in the same order,
// so the same doubles. X is [nSamples, nFeatures], y is [nSamples], coef is [nFeatures], all float64.
(Tensor X, Tensor y, Tensor coef) MakeRegression(int nSamples = 100, int nFeatures = 100, int nInformative = 10,
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

    var xOut = new double[nSamples * nFeatures];
    for (int i = 0; i < nSamples; i++)
        for (int j = 0; j < nFeatures; j++)
            xOut[i * nFeatures + j] = X[rows[i], columns[j]];
    return (torch.tensor(xOut, new long[] { nSamples, nFeatures }, torch.float64),
            torch.tensor(rows.Select(i => y[i]).ToArray(), torch.float64),
            torch.tensor(columns.Select(j => coef[j]).ToArray(), torch.float64));
}
