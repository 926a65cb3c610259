// 05-make-regression.cs: ../05-make-regression.ipynb as a .NET file-based app, made by the notebook runner's `export`;
// edit the notebook and export it again rather than this file. Run it from this folder with
//     dotnet run 05-make-regression.cs -- [-p NAME VALUE]... [--figures DIR]
// It prints what the notebook's outputs show as text and saves each picture as a PNG (`figure: PATH` lines).
#:package TorchSharp-cpu@0.107.0
#:package ScottPlot@5.1.59
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
using static TorchSharp.torch;
using static Helpers;

// -p NAME VALUE sets a variable of the parameters cell, with the runner's types and rules.
var notebook = NotebookRunner.Export.App.NotebookApp.Start(args, "05-make-regression.cs", [new NotebookRunner.Parameters.ParameterDeclaration("seed", "int", "42"), new NotebookRunner.Parameters.ParameterDeclaration("epochs", "int", "100"), new NotebookRunner.Parameters.ParameterDeclaration("lr", "double", "0.01")]);
void display(object value, params string[] mimeTypes) => notebook.Display(value, mimeTypes);

// %% [markdown]
// # 05 · Linear regression with the three-step pipeline
//
// *Class reading order 01 → 02 → 03 → 04 → 05: this is the last notebook; it repeats 04's `Linear`/`MSELoss`/`SGD` pipeline on scikit-learn's data.*
//
// Based on the PyTorch tutorial *"L7 – Linear regression"* (ShowMeAI, PyTorch crash course), rewritten in C# with TorchSharp. We implemented linear regression step by step in earlier notebooks; here we apply all of those concepts again, quickly, with TorchSharp's building blocks.
//
// ## What you will learn
// 1. The typical three-step pipeline: (1) design the model (input size, output size, forward pass), (2) construct the loss and the optimizer, (3) the training loop: forward pass, backward pass, weight update.
// 2. How to generate a regression dataset with `make_regression`, and why the data must be converted to `float32` and `y` reshaped into a column.
// 3. How to train `Linear(nFeatures, 1)` with `MSELoss` and `SGD`, and plot the data and the fitted line.
// 4. What gradient descent converges to: the least-squares fit of the sampled data, not the parameters that generated it.

// %% [markdown]
// ## Setup
//
// The first cell pulls TorchSharp (its CPU build) and ScottPlot from NuGet; pinned versions keep the results reproducible.

// %%
// #r "nuget: TorchSharp-cpu, 0.107.0"
// #r "nuget: ScottPlot, 5.1.59"

// %% [markdown]
// The shared helpers of the series: plotting (`PlotData`, `PlotFit`, `PlotLoss`), `FormatTensor` (prints tensors as PyTorch does), `CheckFinite` (stops a diverging loop) and `MakeRegression`, a port of scikit-learn's `make_regression`.

// %%
Helpers.Initialize();  // #load "../helpers/helpers.csx"

// %% [markdown]
// A `#load`ed file's `using`s do not flow into the notebook, so we import TorchSharp here. `using static TorchSharp.torch` lets us write `ones(...)`, `rand(...)` like `torch.ones(...)` in Python.

// %%
// using TorchSharp; is at the top of this file: C# puts using directives first.
// using static TorchSharp.torch; is at the top of this file: C# puts using directives first.

// %% [markdown]
// The knobs: `seed` for reproducibility, `epochs` training iterations and the learning rate `lr`. Tools that run notebooks headlessly (our runner, papermill) can override this `parameters` cell.

// %% tags=["parameters"]
var seed = 42;
var epochs = 100;
var lr = 0.01;
notebook.Parameter("seed", ref seed);
notebook.Parameter("epochs", ref epochs);
notebook.Parameter("lr", ref lr);

// %% [markdown]
// `device` is the GPU when TorchSharp finds CUDA and the CPU otherwise (with the CPU package loaded above, always the CPU). Random numbers are drawn on the CPU generator and the results moved to `device`, so they are the same on either.
//
// Seeding makes every run of this notebook draw the same numbers. TorchSharp's generator is PyTorch's: PyTorch seeded with the same seed draws the same numbers (here, the linear layer's initial weights; the values PyTorch draws for seed 42 are in the repository's `data/reference/`). The original tutorial never seeds its torch generator, so the numbers it shows come from an unseeded run and differ from ours.

// %%
var device = torch.cuda.is_available() ? torch.CUDA : torch.CPU;
Console.WriteLine($"device: {device}");
torch.manual_seed(seed);
if (torch.cuda.is_available()) torch.cuda.manual_seed_all(seed);  // TorchSharp's manual_seed leaves CUDA's generator alone

// %% [markdown]
// ## 0. Prepare the data
//
// The original generates a regression dataset with scikit-learn: `datasets.make_regression(n_samples=100, n_features=1, noise=20, random_state=1)`: standard normal features, a random coefficient for each informative feature, `y = X·coef + bias` plus Gaussian noise of standard deviation `noise`. There is no scikit-learn in .NET; `MakeRegression` from the helpers, loaded above as the original imports `datasets`, reproduces it with the same parameters and returns the same numbers for the same `randomState` (its own NumPy-compatible generator, not torch's), plus the true coefficients `coef`.
//
// scikit-learn gives `float64` (double) arrays; the model's weights are `float32`, and mixing the two raises errors later, so we convert to `float32`. `y` comes as a single row of values; we reshape it into a column, one value per row (`y.view(y.shape[0], 1)` in the original), to match the model's output shape `[nSamples, 1]`.

// %%
var (XNumpy, yNumpy, coef) = MakeRegression(nSamples: 100, nFeatures: 1, noise: 20, randomState: 1);
Console.WriteLine($"XNumpy: [{string.Join(", ", XNumpy.shape)}] {XNumpy.dtype}, yNumpy: [{string.Join(", ", yNumpy.shape)}] {yNumpy.dtype}");
var X = XNumpy.to(torch.float32).to(device);
var y = yNumpy.to(torch.float32).to(device);
y = y.view(y.shape[0], 1);  // one column
var nSamples = X.shape[0];
var nFeatures = X.shape[1];
Console.WriteLine($"X: [{nSamples}, {nFeatures}] {X.dtype}, y: [{string.Join(", ", y.shape)}] {y.dtype}, true coefficient {coef[0].ToDouble():F4}");
display(PlotData(X, y, "make_regression: 100 samples, 1 feature, noise 20", "x (the feature)", "y (the target)"));

// %% [markdown]
// ## 1. Design the model
//
// For linear regression the model is a single layer, TorchSharp's built-in `Linear`. It needs the input size (the number of features, here 1) and the output size (1: one value per sample). Its weight and bias start random; `.to(device)` moves them to `device`.
//
// The optimizer of step 2 is built in the same cell: it holds this model's parameter tensors, so a model rebuilt without a new optimizer would train nothing (the optimizer would keep updating the old model's parameters). Rerunning this cell starts training afresh.

// %%
var inputSize = nFeatures;
var outputSize = 1L;
var model = torch.nn.Linear(inputSize, outputSize).to(device);
var optimizer = torch.optim.SGD(model.parameters(), lr);
Console.WriteLine($"initial weight {model.weight.ToDouble():F4}, bias {model.bias.ToDouble():F4}");

// %% [markdown]
// ## 2. Loss and optimizer
//
// The loss (the `criterion`) is the built-in mean squared error, `MSELoss`, a callable module. The optimizer, built above with the model, is `torch.optim.SGD` with learning rate `lr` over the model's parameters. "Stochastic" is its name, but we give it the gradient of the loss over all 100 samples at every step, so here it performs plain (full-batch) gradient descent.

// %%
var criterion = torch.nn.MSELoss();

// %% [markdown]
// ## 3. The training loop
//
// Each epoch: forward pass and loss, backward pass (`loss.backward()` computes the gradients), update (`optimizer.step()`), and then empty the gradients with `optimizer.zero_grad()`: `backward()` *adds* to `.grad`, so never forget this. Every 10th epoch we print the loss. `CheckFinite` stops the loop with a clear message if the loss becomes NaN or infinite (try a large `lr`).
//
// Each iteration creates tensors in native memory that .NET's garbage collector does not see; `torch.NewDisposeScope()` frees everything created inside it at the end of the iteration. The model's parameters survive: they were created outside the scope and are updated in place. Rerunning this cell continues training from where the model is.

// %%
var losses = new List<double>();  // the loss of every epoch, for the curve
for (int epoch = 0; epoch < epochs; epoch++)
{
    using var scope = torch.NewDisposeScope();
    var yPredicted = model.forward(X);     // forward pass
    var loss = criterion.forward(yPredicted, y);
    loss.backward();                       // backward pass: gradients
    optimizer.step();                      // update
    optimizer.zero_grad();                 // empty the gradients before the next iteration
    var value = loss.item<float>();
    CheckFinite(value, epoch + 1, lr);
    losses.Add(value);
    if ((epoch + 1) % 10 == 0)
        Console.WriteLine($"epoch: {epoch + 1}, loss = {value:F4}");
}

// %% [markdown]
// ## 4. What the loss can reach
//
// No straight line fits noisy data exactly, so the loss cannot fall to zero. The best any line can do is the least-squares fit of these 100 samples, which has a closed form: `torch.linalg.lstsq` solves it for the columns `[x, 1]` (weight and bias). We print it beside the trained parameters and the true ones (`coef` from `MakeRegression`, bias 0), each with its MSE on this data (the trained MSE is after the last update; the loop printed each epoch's loss before its update).

// %%
var A = torch.cat(new[] { X, torch.ones_like(X) }, 1).to(torch.float64);  // columns x and 1
var solution = torch.linalg.lstsq(A, y.to(torch.float64)).Solution;
var lstsqWeight = solution[0, 0].ToDouble();
var lstsqBias = solution[1, 0].ToDouble();
var lstsqLoss = (A.matmul(solution) - y.to(torch.float64)).pow(2).mean().ToDouble();
Tensor trainedLoss;
using (torch.no_grad()) { trainedLoss = criterion.forward(model.forward(X), y); }
Console.WriteLine($"least squares: weight {lstsqWeight,8:F4}, bias {lstsqBias,7:F4}, MSE {lstsqLoss:F4}");
Console.WriteLine($"trained:       weight {model.weight.ToDouble(),8:F4}, bias {model.bias.ToDouble(),7:F4}, MSE {trainedLoss.ToDouble():F4}");
var trueLoss = (XNumpy.matmul(coef) - yNumpy).pow(2).mean().ToDouble();  // the generating line, in float64
Console.WriteLine($"true:          weight {coef[0].ToDouble(),8:F4}, bias {0.0,7:F4}, MSE {trueLoss:F4}");

// %% [markdown]
// Gradient descent on the MSE converges to the least-squares fit of the sampled data, not to the parameters that generated it: the noise in these 100 samples tilts the best line away from the true coefficient. The true line's MSE is just the mean square of the 100 noise draws, which here happens to lie below their variance 20² = 400; the least-squares line, fitted to this very sample, does better still, and its MSE is the floor no line can go below. After only 100 epochs at `lr` = 0.01, training is still on its way: the loss curve below keeps falling towards that floor (the dashed line), and the trained weight is still well below the least-squares weight.

// %%
var lossPlot = PlotLoss(losses, "MSE loss", "epoch");
var floor = lossPlot.Add.HorizontalLine(Math.Log10(lstsqLoss));  // PlotLoss draws log10 of the loss on its log axis
floor.LinePattern = ScottPlot.LinePattern.Dashed;
floor.LegendText = $"least-squares MSE {lstsqLoss:F1}";
lossPlot.ShowLegend();
display(lossPlot);

// %% [markdown]
// Finally the predictions for all the data. The prediction tensor requires gradients; `detach()` makes a new tensor outside the computation graph, so this operation is not tracked (the original then calls `.numpy()` to plot). We plot the data as dots and the model as a red line, with the least-squares line dashed: the trained line follows the trend of the data, but after 100 epochs it is still flatter than the least-squares line.

// %%
var predicted = model.forward(X).detach();
var fitPlot = PlotFit(X, y, predicted, "data, trained line and least-squares line", "x (the feature)", "y (the target)");
var xEnds = new[] { X.min().ToDouble(), X.max().ToDouble() };
var lstsqLine = fitPlot.Add.ScatterLine(xEnds, xEnds.Select(v => lstsqWeight * v + lstsqBias).ToArray());
lstsqLine.LinePattern = ScottPlot.LinePattern.Dashed;
lstsqLine.LineWidth = 2;
lstsqLine.Color = ScottPlot.Colors.Black;
lstsqLine.LegendText = "least squares";
display(fitPlot);

// %% [markdown]
// ## PyTorch → TorchSharp
//
// | PyTorch | TorchSharp |
// |---|---|
// | `from sklearn import datasets`; `datasets.make_regression(...)` | `MakeRegression(...)` from `helpers.csx` (same numbers) |
// | `torch.from_numpy(X_numpy.astype(np.float32))` | `XNumpy.to(torch.float32)` (already a tensor) |
// | `y.view(y.shape[0], 1)` | `y.view(y.shape[0], 1)` |
// | `model(X)`, `criterion(y_pred, y)` | `model.forward(X)`, `criterion.forward(yPred, y)` (or `call`) |
// | `nn.Linear`, `nn.MSELoss`, `torch.optim.SGD` | `torch.nn.Linear`, `torch.nn.MSELoss`, `torch.optim.SGD` |
// | `torch.linalg.lstsq(A, y).solution` | `torch.linalg.lstsq(A, y).Solution` |
// | `predicted.detach().numpy()` | `predicted.detach().cpu().data<float>().ToArray()` |

// %% [markdown]
// ## Exercises
// 1. Set `epochs = 1000` in the `parameters` cell. How close do the weight and the loss get to the least-squares values? Why doesn't the loss go to zero, and why doesn't the weight reach the true coefficient?
// 2. Try `lr = 0.1` and `lr = 1.5`. What happens?
// 3. Generate the data with `noise: 0`. What do the least-squares and the trained weights become?
// 4. Generate data with `MakeRegression(nSamples: 200, nFeatures: 3, noise: 5, randomState: 7)` and train `Linear(3, 1)`. Compare the weights with the returned coefficients and with `torch.linalg.lstsq`.
// 5. Replace `SGD` with `torch.optim.Adam(model.parameters(), lr)`. How does the loss curve change?
