// 04-nn-module.cs: ../04-nn-module.ipynb as a .NET file-based app, made by the notebook runner's `export`;
// edit the notebook and export it again rather than this file. Run it from this folder with
//     dotnet run 04-nn-module.cs -- [-p NAME VALUE]... [--figures DIR]
// It prints what the notebook's outputs show as text and saves each picture as a PNG (`figure: PATH` lines).
#:package TorchSharp-cpu@0.107.0
#:package ScottPlot@5.1.59
#:package XPlot.Plotly@4.1.0
#:package Microsoft.DotNet.Interactive.Formatting@1.0.0-beta.26120.1
#:property ManagePackageVersionsCentrally=false
#:property Nullable=disable
#:property WarningLevel=0
#:property TreatWarningsAsErrors=false
#:property NoWarn=$(NoWarn);CS1701;CS1702;CS8632;NU1603;NU1701;IL2026;IL3050
#:property NuGetAudit=false
#:property PublishAot=false
#:include helpers.cs
#:include ../../tests/NotebookRunner/Export/App/NotebookApp.cs
#:include ../../tests/NotebookRunner/Export/App/AppArguments.cs
#:include ../../tests/NotebookRunner/Export/App/AppNativeLibraries.cs
#:include ../../tests/NotebookRunner/Formatting/FormattedOutput.cs
#:include ../../tests/NotebookRunner/Formatting/PolyglotFormatterSetup.cs
#:include ../../tests/NotebookRunner/Parameters/ParameterDeclaration.cs
#:include ../../tests/NotebookRunner/Parameters/ParameterException.cs
#:include ../../tests/NotebookRunner/Parameters/ParameterRequests.cs
#:include ../../tests/NotebookRunner/Parameters/ParameterTypes.cs
#:include ../../tests/NotebookRunner/Parameters/ParameterValueConverter.cs
#:include ../../tests/NotebookRunner/Native/ElfReader.cs
#:include ../../tests/NotebookRunner/Native/GlibcxxVersionPatch.cs
#:include ../../tests/NotebookRunner/Native/LibStdCxxProbe.cs
#:include ../../tests/NotebookRunner/Native/NativeLibraryResolver.cs
#:include ../../tests/NotebookRunner/Native/TorchSharpNativeLoader.cs
#:include ../../tests/NotebookRunner/Packages/RestoreCacheLocation.cs

using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using XPlot.Plotly;
using static Helpers;

// -p NAME VALUE sets a variable of the parameters cell, with the runner's types and rules.
var notebook = NotebookRunner.Export.App.NotebookApp.Start(args, "04-nn-module.cs", [new NotebookRunner.Parameters.ParameterDeclaration("seed", "int", "42"), new NotebookRunner.Parameters.ParameterDeclaration("epochs", "int", "10000"), new NotebookRunner.Parameters.ParameterDeclaration("lr", "double", "1e-3")]);
void display(object value, params string[] mimeTypes) => notebook.Display(value, mimeTypes);

// %% [markdown]
// # 04 · Linear regression as a one-neuron network (`nn.Module`)
//
// *Class reading order 01 → 02 → 03 → 04 → 05: this is the fourth notebook; it replaces the hand-written loop of 02 and 03 with `nn.Module`, an optimizer and a loss object.*
//
// Linear regression is the simplest neural network there is: one neuron, no activation. In this notebook we build it the way every TorchSharp model is built, as a class deriving from `Module`, and train it with a ready-made optimizer (`SGD`) and loss (`MSELoss`). This is the C# / TorchSharp version of the PyTorch tutorial *"Pytorch入门实战(1) - 实现线性回归"*.
//
// What you will learn:
// - how linear regression `y = w·x + b` maps onto a single neuron;
// - how to generate and plot noisy linear data;
// - how to write a model as a `Module<Tensor, Tensor>` subclass with a `Linear(1, 1)` layer and `RegisterComponents()`;
// - how `torch.optim.SGD` and `nn.MSELoss` replace the hand-written update and loss;
// - what the trained parameters converge to (the least-squares fit of the data), and how to plot the fitted line.

// %% [markdown]
// ## Setup
//
// First we reference the NuGet packages: TorchSharp (the CPU build of libtorch), ScottPlot for the static charts and XPlot.Plotly for an interactive one.

// %%
// #r "nuget: TorchSharp-cpu, 0.107.0"
// #r "nuget: ScottPlot, 5.1.59"
// #r "nuget: XPlot.Plotly, 4.1.0"

// %% [markdown]
// The shared helpers give us the plotting functions (`PlotData`, `PlotFit`, `PlotLoss`), `CheckFinite` for the training loop and `FormatTensor`, which prints a tensor exactly as PyTorch's `print` does.

// %%
Helpers.Initialize();  // #load "../helpers/helpers.csx"

// %% [markdown]
// We import TorchSharp in the notebook itself (a `#load`ed file's `using`s do not flow into the cells). `using static TorchSharp.torch.nn;` lets us write `Module`, `Linear` and `MSELoss` without prefixes.

// %%
// using TorchSharp; is at the top of this file: C# puts using directives first.
// using TorchSharp.Modules; is at the top of this file: C# puts using directives first.
// using static TorchSharp.torch; is at the top of this file: C# puts using directives first.
// using static TorchSharp.torch.nn; is at the top of this file: C# puts using directives first.

// %% [markdown]
// The knobs of this notebook: seed, number of epochs and learning rate (tagged `parameters`, so a runner can override them: `-p lr 0.01`).

// %% tags=["parameters"]
var seed = 42;
var epochs = 10000;
var lr = 1e-3;
notebook.Parameter("seed", ref seed);
notebook.Parameter("epochs", ref epochs);
notebook.Parameter("lr", ref lr);

// %% [markdown]
// We run on CUDA when `torch.cuda.is_available()` and on the CPU otherwise, and print which one we got. This notebook references `TorchSharp-cpu`, whose libtorch has no CUDA, so it prints `cpu`; with a CUDA build of TorchSharp (see the README) the data and the model go to the GPU. Seeding makes every run draw the same numbers: PyTorch seeded with 42 draws exactly the numbers printed below (`data/reference/04-nn-module.json` holds them, written by `data/make_reference.py`). The tutorial never seeds, so the values it prints (`X[:3]` starting with 3.7992) come from an unseeded run and differ from ours.

// %%
var device = torch.cuda.is_available() ? torch.CUDA : torch.CPU;
Console.WriteLine($"device: {device}");

torch.manual_seed(seed);
if (torch.cuda.is_available()) torch.cuda.manual_seed_all(seed);

// %% [markdown]
// ## 1. Linear regression as a neural network
//
// Take one-variable linear regression, `y = w · x + b`. It is exactly one neuron: the input `x` is multiplied by the weight `w`, the bias `b` is added, and the result is the output, with no activation function.
//
// ```
//             w
//    x ──────────────▶ ( Σ + b ) ──────▶ ŷ = w·x + b
// ```
//
// If `x` becomes a vector `(x₁, x₂, …, xₙ)`, the same neuron simply has `n` incoming weights:
//
// ```
//    x₁ ──w₁──┐
//    x₂ ──w₂──┤
//     ⋮        ├──▶ ( Σ + b ) ──▶ ŷ = w₁x₁ + … + wₙxₙ + b
//    xₙ ──wₙ──┘
// ```
//
// In TorchSharp (as in PyTorch) this neuron is the layer `Linear(in_features, out_features)`; here `Linear(1, 1)`.

// %% [markdown]
// ## 2. Generate the data
//
// `X` is a 100×1 column drawn uniformly from [0, 10). We draw on the CPU (so the numbers are PyTorch's CPU draws for this seed) and move the result to `device`.

// %%
var X = (torch.rand(100, 1) * 10).to(device);   // 100 rows, 1 column, uniform in [0, 10)
display(X[..3]);

// %% [markdown]
// The targets follow the line `y = 3x + 10` plus Gaussian noise with standard deviation 3, so `y` is also 100×1. The noise is drawn on the CPU like `X`, so we compute `y` there (`X.cpu()`) and move it to `device`.

// %%
var y = (3 * X.cpu() + 10 + torch.randn(100, 1) * 3).to(device);
display(y[..3]);

// %% [markdown]
// A scatter plot shows the linear trend hidden in the noise:

// %%
display(PlotData(X, y, "Training data: y = 3x + 10 + noise", "x", "y"));

// %% [markdown]
// ## 3. The model
//
// A model derives from `Module<Tensor, Tensor>` (PyTorch: `torch.nn.Module`). Its only layer is `Linear(1, 1)`: one input neuron, one output neuron, with a bias. `RegisterComponents()` finds the `linear` field and registers its parameters with the module, the step PyTorch does automatically when you assign `self.linear`. `forward` computes the network's output.

// %%
// LinearRegression is declared at the end of this file: C# puts types after the top-level statements.

// %% [markdown]
// ## 4. Model, optimizer and loss
//
// Creating the model initialises its weight and bias randomly (the third draw from the generator, after `X` and the noise); `.to(device)` moves them to the chosen device. The optimizer is built in the same cell, from the model's parameters: an optimizer holds references to the parameters it updates, so if you re-create the model you must re-create the optimizer too (otherwise it keeps updating the old model's parameters and training seems frozen). Running this cell again gives you a fresh model with its own optimizer.
//
// `torch.optim.SGD` updates each parameter with `p -= lr * p.grad`. The tutorial calls it stochastic gradient descent, the optimizer's name, but here every step computes the gradient on all 100 samples, so this is full-batch gradient descent; it becomes stochastic when each step sees a random minibatch (notebook 03). Before training the parameters are just random numbers; PyTorch prints each one as `Parameter containing:` followed by the tensor:

// %%
var model = new LinearRegression().to(device);
var optimizer = torch.optim.SGD(model.parameters(), lr);

foreach (var param in model.parameters())
    Console.WriteLine(FormatTensor(param));

// %% [markdown]
// The loss is the mean squared error between prediction and target, `nn.MSELoss` in both libraries.

// %%
var lossFunction = MSELoss();

// %% [markdown]
// ## 5. Train
//
// Each step runs inside a dispose scope, which frees the step's temporary tensors at the end of the `using` block (notebook 02 explains why); the parameters survive because they were created outside the scope and the optimizer updates them in place.
//
// Each step: 1) the forward pass computes a prediction for every `x` (both `X` and the prediction are 100×1); 2) the loss function measures the error; 3) `backward()` computes the gradients; 4) `optimizer.step()` updates the parameters; 5) `optimizer.zero_grad()` clears the gradients, otherwise they would accumulate into the next step. `CheckFinite` stops the loop with a message naming the epoch and the learning rate if the loss becomes NaN or infinite. We print the loss every 1000 epochs and keep all of them for a plot.

// %%
var losses = new List<double>();
for (int epoch = 0; epoch < epochs; epoch++)
{
    using (var scope = torch.NewDisposeScope())
    {
        var predictY = model.forward(X);              // 1. forward pass
        var loss = lossFunction.forward(predictY, y); // 2. loss
        loss.backward();                              // 3. backpropagation
        optimizer.step();                             // 4. update the parameters
        optimizer.zero_grad();                        // 5. clear the gradients

        var lossValue = loss.item<float>();
        losses.Add(lossValue);
        CheckFinite(lossValue, epoch, lr);
        if (epoch % 1000 == 0 || epoch == epochs - 1)
            Console.WriteLine($"epoch {epoch,5}: loss {lossValue:F4}");
    }
}

// %% [markdown]
// On a logarithmic y axis both phases of training are visible: within the first 50 epochs the loss falls from 693 to about 31, then it falls slowly for thousands of epochs (16 at epoch 1000, 6.05 at epoch 6000) and levels off near 5.97.

// %%
display(PlotLoss(losses, "Training loss (MSE)"));

// %% [markdown]
// ## 6. What the parameters converge to
//
// The trained parameters, printed as the tutorial prints them:

// %%
foreach (var param in model.parameters())
    Console.WriteLine(FormatTensor(param));

// %% [markdown]
// Gradient descent minimises the mean squared error on *these 100 samples*. That minimum has a closed form, the least-squares solution, which `torch.linalg.lstsq` computes (a column of ones appended to `X` makes the second coefficient the bias). We print it beside the trained parameters and the true ones:

// %%
var design = torch.cat(new[] { X, torch.ones(100, 1, device: device) }, 1); // [x, 1]
var leastSquares = ToDoubles(torch.linalg.lstsq(design, y).Solution);
var trained = model.parameters().SelectMany(p => ToDoubles(p)).ToArray();   // weight, then bias
var truth = new[] { 3.0, 10.0 };
var names = new[] { "w", "b" };
Console.WriteLine("        true   trained   least squares");
for (int i = 0; i < names.Length; i++)
    Console.WriteLine($"{names[i],-4}  {truth[i],7:F4}   {trained[i],7:F4}   {leastSquares[i],13:F4}");

// %% [markdown]
// Training heads for the least-squares column, not for the true one. The least-squares line is the best line for these 100 noisy samples; the noise has moved it away from the line that generated them (w = 3, b = 10), and no amount of training changes that: gradient descent can only reach the minimum of the error it is given. After 10,000 epochs training has not quite arrived: the bias is still about 0.09 short of its least-squares value. With `x` between 0 and 10 the loss is far flatter along the bias than along the weight, so the bias converges much more slowly than the weight (the long tail of the loss curve).

// %% [markdown]
// Finally we draw the data again with the model's predictions as a red line. Plotting needs plain numbers, so `PlotFit` detaches the prediction from the autograd graph (PyTorch: `model(X).detach().numpy()`).

// %%
using (torch.no_grad())
{
    display(PlotFit(X, y, model.forward(X), "Fitted line after training", "x", "y"));
}

// %% [markdown]
// ## 7. An interactive loss curve
//
// The same loss curve as an interactive XPlot.Plotly chart: hover to read the loss, drag to zoom into the slow tail. Plotly draws with a script from its CDN, and not every viewer runs scripts: GitHub and other sanitising viewers remove them, and offline the CDN is out of reach. So we teach the notebook to show such a chart twice over: as HTML holding the chart's script and, inside it, a static picture of the same curve that the script removes once Plotly has loaded; and as that picture in PNG. A viewer that runs scripts shows the interactive chart, any other the picture.

// %%
// using XPlot.Plotly; is at the top of this file: C# puts using directives first.
// InteractiveChart is declared at the end of this file: C# puts types after the top-level statements.

string PictureBase64(InteractiveChart c) =>
    Convert.ToBase64String(c.Picture.GetImageBytes(c.Chart.Width, c.Chart.Height, ScottPlot.ImageFormat.Png));

Microsoft.DotNet.Interactive.Formatting.Formatter.Register(typeof(InteractiveChart), (object o, System.IO.TextWriter writer) =>
{
    var c = (InteractiveChart)o;
    var id = c.Chart.Id;
    writer.Write(
        $"<div id=\"{id}\" style=\"width: {c.Chart.Width}px; height: {c.Chart.Height}px; display: none;\"></div>" +
        $"<img id=\"{id}-picture\" src=\"data:image/png;base64,{PictureBase64(c)}\" alt=\"a static picture of the chart\" />" +
        "<script src=\"https://cdn.plot.ly/plotly-2.35.2.min.js\"></script>" +
        $"<script>if (window.Plotly) {{ document.getElementById('{id}-picture').remove(); " +
        $"document.getElementById('{id}').style.display = 'block'; {c.Chart.GetPlottingJS()} }}</script>");
}, "text/html");
Microsoft.DotNet.Interactive.Formatting.Formatter.Register(typeof(InteractiveChart),
    (object o, System.IO.TextWriter writer) => writer.Write(PictureBase64((InteractiveChart)o)), "image/png");
Microsoft.DotNet.Interactive.Formatting.Formatter.SetPreferredMimeTypesFor(typeof(InteractiveChart), "text/html", "image/png");

// %% [markdown]
// The chart plots every 10th epoch on a logarithmic y axis; its picture is `PlotLoss` of the same losses.

// %%
var every10 = Enumerable.Range(0, losses.Count).Where(i => i % 10 == 0).ToArray();
var lossChart = Chart.Plot(new Scatter { x = every10, y = every10.Select(i => losses[i]), mode = "lines" });
lossChart.WithLayout(new Layout.Layout
{
    title = "Training loss (MSE), interactive",
    xaxis = new Xaxis { title = "epoch" },
    yaxis = new Yaxis { title = "loss (log scale)", type = "log" },
});
lossChart.WithSize(600, 400);
lossChart.WithId("training-loss-chart");
display(new InteractiveChart(lossChart, PlotLoss(losses, "Training loss (MSE)")));

// %% [markdown]
// ## PyTorch → TorchSharp
//
// | PyTorch (Python) | TorchSharp (C#) |
// |---|---|
// | `class LinearRegression(torch.nn.Module)` | `class LinearRegression : Module<Tensor, Tensor>` |
// | `super().__init__()` | `: base(nameof(LinearRegression))` |
// | assigning `self.linear = ...` registers it | `RegisterComponents()` after creating the fields |
// | `torch.nn.Linear(in_features=1, out_features=1, bias=True)` | `Linear(1, 1, hasBias: true)` |
// | `X.to(device)`, `model.to(device)` | the same: `X.to(device)`, `model.to(device)` |
// | `model(X)` | `model.forward(X)` (or `model.call(X)` to run hooks) |
// | `for param in model.parameters(): print(param)` | `foreach (var param in model.parameters()) Console.WriteLine(FormatTensor(param));` |
// | `torch.optim.SGD(model.parameters(), lr=1e-3)` | `torch.optim.SGD(model.parameters(), lr)` |
// | `torch.nn.MSELoss()` / `loss_function(pred, y)` | `MSELoss()` / `lossFunction.forward(pred, y)` |
// | `torch.linalg.lstsq(A, B).solution` | `torch.linalg.lstsq(A, B).Solution` |
// | `X[:3]` | `X[..3]` |
// | `model(X).detach().numpy()` | `model.forward(X).detach().cpu().data<float>().ToArray()` (`ToArray` in the helpers) |
// | `plt.scatter` / `plt.plot` | ScottPlot: `PlotData` / `PlotFit` (helpers) |

// %% [markdown]
// ## Exercises
//
// 1. Train with `lr = 1e-2` and with `lr = 1e-4` (in the `parameters` cell). Which run gets closer to the least-squares solution in 10,000 epochs, and why?
// 2. Train with `lr = 0.1`. What does the training cell report, and why does a larger step make gradient descent diverge?
// 3. Change the noise from `* 3` to `* 10`. How do the least-squares parameters move away from 3 and 10, and does training still find them?
// 4. Replace `torch.optim.SGD` with `torch.optim.Adam(model.parameters(), 0.1)` and compare the loss curves.
// 5. Extend the model to two input features (`Linear(2, 1)`) with data `y = 3x₁ − 2x₂ + 10 + noise`, and draw the matching two-input neuron diagram.

class LinearRegression : Module<Tensor, Tensor>
{
    private Linear linear;

    public LinearRegression() : base(nameof(LinearRegression))
    {
        linear = Linear(1, 1, hasBias: true); // in_features = 1, out_features = 1
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => linear.forward(x);
}

record InteractiveChart(PlotlyChart Chart, ScottPlot.Plot Picture);
