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
    // The examples are read in a random order: shuffle the indices, then cut them into minibatches.
    var numExamples = (int)features.shape[0];
    var indices = Enumerable.Range(0, numExamples).Select(i => (long)i).ToArray();
    random.Shuffle(indices);
    for (int i = 0; i < numExamples; i += batchSize)
    {
        var batchIndices = torch.tensor(indices[i..Math.Min(i + batchSize, numExamples)], device: features.device);
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

// ---- Taught in notebook 03 (make_regression); kept identical to its //@save cell. ----

(Tensor X, Tensor y, Tensor coef) MakeRegression(int nSamples = 100, int nFeatures = 100, int nInformative = 10,
    double bias = 0.0, double noise = 0.0, bool shuffle = true, int randomState = 0)
{
    // Mirrors sklearn.datasets.make_regression (no effective_rank, one target) with its own System.Random:
    // the same algorithm, not the same numbers as NumPy's generator.
    var random = new System.Random(randomState);
    double Normal() => Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
    nInformative = Math.Min(nFeatures, nInformative);
    var X = new double[nSamples, nFeatures];
    for (int i = 0; i < nSamples; i++)
        for (int j = 0; j < nFeatures; j++)
            X[i, j] = Normal();
    var coef = new double[nFeatures];
    for (int j = 0; j < nInformative; j++) coef[j] = 100.0 * random.NextDouble();
    var y = new double[nSamples];
    for (int i = 0; i < nSamples; i++)
    {
        for (int j = 0; j < nFeatures; j++) y[i] += X[i, j] * coef[j];
        y[i] += bias;
    }
    if (noise > 0.0)  // like sklearn: all the noise is drawn after X and coef
        for (int i = 0; i < nSamples; i++) y[i] += noise * Normal();
    var rows = Enumerable.Range(0, nSamples).ToArray();
    var columns = Enumerable.Range(0, nFeatures).ToArray();
    if (shuffle)
    {
        random.Shuffle(rows);
        random.Shuffle(columns);
    }
    var xFlat = new float[nSamples * nFeatures];
    for (int i = 0; i < nSamples; i++)
        for (int j = 0; j < nFeatures; j++)
            xFlat[i * nFeatures + j] = (float)X[rows[i], columns[j]];
    var yColumn = rows.Select(i => (float)y[i]).ToArray();
    var coefShuffled = columns.Select(j => (float)coef[j]).ToArray();
    return (torch.tensor(xFlat).reshape(nSamples, nFeatures), torch.tensor(yColumn).reshape(nSamples, 1), torch.tensor(coefShuffled));
}
