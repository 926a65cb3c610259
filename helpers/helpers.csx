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
