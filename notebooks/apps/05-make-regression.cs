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
#:include ../../tests/NotebookRunner/Execution/FormattedOutput.cs
#:include ../../tests/NotebookRunner/Execution/PolyglotFormatterSetup.cs
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
// 2. How to generate a regression dataset with `make_regression`, why the data must be converted to `float32`, and why the one-dimensional `y` must become a column before it meets the model's output.
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
// The shared helpers of the series: plotting (`PlotData`, `PlotFit`, `PlotLoss`), `FormatTensor` (prints tensors as PyTorch does), `ToDoubles` (a tensor's values as a `double[]`), `CheckFinite` (stops a diverging loop) and `MakeRegression`, a port of scikit-learn's `make_regression`.

// %%
Helpers.Initialize();  // #load "../helpers/helpers.csx"

// %% [markdown]
// A `#load`ed file's `using`s do not flow into the notebook, so we import TorchSharp here. `using static TorchSharp.torch` lets us name the type `Tensor` without a prefix; functions keep their `torch.` prefix (`torch.nn.Linear`, `torch.linalg.lstsq`), as in PyTorch code (the original writes `nn.Linear` after `import torch.nn as nn`).

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

// %%
var (XNumpy, yNumpy, coef) = MakeRegression(nSamples: 100, nFeatures: 1, noise: 20, randomState: 1);
Console.WriteLine($"XNumpy: [{string.Join(", ", XNumpy.shape)}] {XNumpy.dtype}, yNumpy: [{string.Join(", ", yNumpy.shape)}] {yNumpy.dtype}");
Console.WriteLine($"true coefficients: {string.Join(", ", ToDoubles(coef).Select(c => c.ToString("F4")))}");

// %% [markdown]
// scikit-learn gives `float64` (double) arrays, and the model's weights are `float32`; TorchSharp, like PyTorch, refuses to multiply a `float64` input by `float32` weights, so we convert the data to `float32`.
//
// `yNumpy` is one-dimensional: shape `[100]`, one value per sample and no second axis (the original says it "only has one row"; a 1-D tensor has neither rows nor columns). The model's output has shape `[100, 1]`, a column. Put a `[100, 1]` column and a `[100]` vector into one elementwise operation and broadcasting treats the vector as a row, `[1, 100]`, and pairs every row of the column with every element of that row: the result is `[100, 100]`. `MSELoss` of a `[100, 1]` prediction against a `[100]` target does exactly that: it averages all 10,000 squared differences between every prediction and every target, a loss that no longer compares each sample with its own prediction. PyTorch warns ("Using a target size (torch.Size([100])) that is different to the input size (torch.Size([100, 1]))…"); TorchSharp's `MSELoss` calls libtorch's C++ `torch::nn::functional::mse_loss`, which prints the same warning (with the sizes written `[100]` and `[100, 1]`) to the standard error of the process running the notebook, where no cell output shows it. So we reshape `y` into a column, one value per row (`y.view(y.shape[0], 1)`, as the original does; `view` gives the same 100 values a new shape without copying them). A column of zeros with the shape of the model's output shows the broadcast before and after:

// %%
var X = XNumpy.to(torch.float32).to(device);
var y = yNumpy.to(torch.float32).to(device);
var column = torch.zeros(y.shape[0], 1, device: device);  // the shape of the model's output
Console.WriteLine($"[{string.Join(", ", column.shape)}] - [{string.Join(", ", y.shape)}] gives [{string.Join(", ", (column - y).shape)}]");
y = y.view(y.shape[0], 1);  // one column
Console.WriteLine($"[{string.Join(", ", column.shape)}] - [{string.Join(", ", y.shape)}] gives [{string.Join(", ", (column - y).shape)}]");
var nSamples = X.shape[0];
var nFeatures = X.shape[1];
Console.WriteLine($"X: [{nSamples}, {nFeatures}] {X.dtype}, y: [{string.Join(", ", y.shape)}] {y.dtype}");

// %% [markdown]
// The data, one dot per sample. `PlotData` draws a single feature against `y`; with more features (exercise 4) skip this cell.

// %%
display(PlotData(X, y, "make_regression: 100 samples, 1 feature, noise 20", "x (the feature)", "y (the target)"));

// %% [markdown]
// ## 1. Design the model
//
// For linear regression the model is a single layer, TorchSharp's built-in `Linear`. It needs the input size (the number of features, here 1) and the output size (1: one value per sample). Its weight and bias start random (the generator's first draws after seeding); `.to(device)` moves them to `device`. We print them as PyTorch's `print` does.
//
// Training changes the parameters in place, and `state_dict()` hands out the parameter tensors themselves, so we keep clones of the starting values in `initialState`: the training loop of step 3 starts from them every time it runs.

// %%
var inputSize = nFeatures;
var outputSize = 1L;
var model = torch.nn.Linear(inputSize, outputSize).to(device);
var initialState = model.state_dict().ToDictionary(entry => entry.Key, entry => entry.Value.detach().clone());
Console.WriteLine(FormatTensor(model.weight));
Console.WriteLine(FormatTensor(model.bias));

// %% [markdown]
// ## 2. Loss and optimizer
//
// The loss (the `criterion`) is the built-in mean squared error, `MSELoss`. Like the model it is a module: `criterion.forward(prediction, target)` computes it, where PyTorch calls `criterion(prediction, target)`.
//
// The optimizer is `torch.optim.SGD` with learning rate `lr` over the model's parameters. "Stochastic" is its name, but we give it the gradient of the loss over all 100 samples at every step, so here it performs plain (full-batch) gradient descent. We build it at the top of the training cell, next to putting the starting parameters back: so running that cell again, for example after changing `lr` in the parameters cell, is a fresh training run with that `lr`.

// %%
var criterion = torch.nn.MSELoss();

// %% [markdown]
// ## 3. The training loop
//
// The cell first puts the starting parameters back (`load_state_dict` copies `initialState` into the model) and builds the optimizer. Then, each epoch: forward pass and loss, backward pass (`loss.backward()` computes the gradients), update (`optimizer.step()`), and then empty the gradients with `optimizer.zero_grad()`: `backward()` *adds* to `.grad`, so never forget this. Epochs count from 1; every 10th epoch we print the loss, computed before that epoch's update. `CheckFinite` stops the loop with a clear message if the loss becomes NaN or infinite (try a large `lr`).
//
// Each iteration creates tensors whose native (libtorch) memory .NET's garbage collector does not see, so on its own it would free them late; a dispose scope frees everything created inside its `using` block when the block ends. The model's parameters survive: they were created outside the scope and are updated in place.

// %%
model.load_state_dict(initialState);                      // start from the parameters printed in step 1
var optimizer = torch.optim.SGD(model.parameters(), lr);  // with the lr of the parameters cell
var losses = new List<double>();  // the loss of every epoch, for the curve
for (int epoch = 1; epoch <= epochs; epoch++)
{
    using (torch.NewDisposeScope())
    {
        var yPredicted = model.forward(X);     // forward pass
        var loss = criterion.forward(yPredicted, y);
        loss.backward();                       // backward pass: gradients
        optimizer.step();                      // update
        optimizer.zero_grad();                 // empty the gradients before the next iteration
        var value = loss.item<float>();
        CheckFinite(value, epoch, lr);
        losses.Add(value);
        if (epoch % 10 == 0)
            Console.WriteLine($"epoch: {epoch}, loss = {value:F4}");
    }
}

// %% [markdown]
// ## 4. What the loss can reach
//
// No straight line fits noisy data exactly, so the loss cannot fall to zero. The best any line can do is the least-squares fit of these 100 samples, which has a closed form: `torch.linalg.lstsq` solves it for the columns `[x, 1]` (the weights, then the bias). We print it beside the trained parameters and the true ones (`coef` from `MakeRegression`, bias 0), each with its MSE on this data (the trained MSE is after the last update; the loop printed each epoch's loss before its update).

// %%
var A = torch.cat(new[] { X, torch.ones(nSamples, 1, device: device) }, 1).to(torch.float64);  // columns x (one per feature) and 1
var solution = torch.linalg.lstsq(A, y.to(torch.float64)).Solution;       // the weights, then the bias
var lstsqValues = ToDoubles(solution);
var lstsqWeights = lstsqValues[..^1];
var lstsqBias = lstsqValues[^1];
var lstsqLoss = (A.matmul(solution) - y.to(torch.float64)).pow(2).mean().ToDouble();
double trainedLoss;
using (torch.no_grad()) { trainedLoss = criterion.forward(model.forward(X), y).ToDouble(); }
var trueLoss = (XNumpy.matmul(coef) - yNumpy).pow(2).mean().ToDouble();  // the generating line, in float64
string Numbers(IEnumerable<double> values) => string.Join(" ", values.Select(v => $"{v,8:F4}"));
Console.WriteLine($"least squares: weight {Numbers(lstsqWeights)}, bias {lstsqBias,7:F4}, MSE {lstsqLoss:F4}");
Console.WriteLine($"trained:       weight {Numbers(ToDoubles(model.weight))}, bias {model.bias.ToDouble(),7:F4}, MSE {trainedLoss:F4}");
Console.WriteLine($"true:          weight {Numbers(ToDoubles(coef))}, bias {0.0,7:F4}, MSE {trueLoss:F4}");

// %% [markdown]
// Gradient descent on the MSE heads for the least-squares fit of the sampled data, not for the parameters that generated it: the noise in these 100 samples tilts the best line away from the true coefficient (weight 82.4845 against 80.7105, bias 4.0540 against 0). The true line's MSE, 352.3513, is just the mean square of the 100 noise draws, which here happens to lie below their variance 20² = 400; the least-squares line, fitted to this very sample, does better still (332.5676), and its MSE is the floor no line can go below. After only 100 epochs at `lr` = 0.01 training is still on its way: its MSE is 552.7154, the loss curve below keeps falling towards the floor (the dashed line), and the trained weight, 65.7241, is still well below the least-squares weight.

// %%
display(PlotLoss(losses, "MSE loss", "epoch", floor: lstsqLoss, floorLabel: $"least-squares MSE {lstsqLoss:F1}"));

// %% [markdown]
// Finally the predictions for all the data. The prediction tensor requires gradients; `detach()` returns a tensor with the same values outside the computation graph, so nothing done with it is tracked (the original then calls `.numpy()` to plot). We plot the data as dots and the model as a red line, with the least-squares line dashed: the trained line follows the trend of the data, but after 100 epochs it is still flatter than the least-squares line. This picture draws one feature; with more (exercise 4) skip this cell.

// %%
var predicted = model.forward(X).detach();
var fitPlot = PlotFit(X, y, predicted, "data, trained line and least-squares line", "x (the feature)", "y (the target)");
var xEnds = new[] { X.min().ToDouble(), X.max().ToDouble() };
var lstsqLine = fitPlot.Add.ScatterLine(xEnds, xEnds.Select(v => lstsqWeights[0] * v + lstsqBias).ToArray());
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
// | `model.state_dict()`, `model.load_state_dict(d)` | the same names: `model.state_dict()`, `model.load_state_dict(d)` |
// | `torch.linalg.lstsq(A, y).solution` | `torch.linalg.lstsq(A, y).Solution` |
// | `predicted.detach().numpy()` | `predicted.detach().cpu().data<float>().ToArray()` |

// %% [markdown]
// ## Exercises
//
// After changing the parameters cell, run it and then the cells from step 3 down: the training cell starts from the same initial parameters every time, so that is a fresh run with the new values. Exercises 3, 4 and 6 change the data: after such a change run the notebook again from the top, so that the seeded generator gives the model the same initial parameters as before, as the solutions do (running only the changed cell and those below it would draw different ones). The solutions are in `solutions/05-make-regression-solutions.ipynb`.
//
// 1. Set `epochs = 1000` in the `parameters` cell. How close do the weight and the loss get to the least-squares values? Why doesn't the loss go to zero, and why doesn't the weight reach the true coefficient?
// 2. Try `lr = 0.1` and `lr = 1.5`. What happens?
// 3. Generate the data with `noise: 0`. What do the least-squares and the trained weights become?
// 4. Generate data with `MakeRegression(nSamples: 200, nFeatures: 3, noise: 5, randomState: 7)` in the first cell of step 0 and run the notebook from the top, skipping the two pictures of one feature (`PlotData` in step 0 and the fitted-line cell at the end of step 4; they stop with an error saying they draw one feature). The model becomes `Linear(3, 1)` by itself, since `inputSize` is `nFeatures`. Compare the trained weights with the returned coefficients and with `torch.linalg.lstsq`.
// 5. Replace `SGD` with `torch.optim.Adam(model.parameters(), lr)` in the training cell. How does the loss curve change?
// 6. Delete the line `y = y.view(y.shape[0], 1);` and run the notebook from the top. What shape does `y` keep, which line does the model learn, and why?

// %% [markdown]
// ## Differences from the source
//
// - **`y` is one-dimensional, not "one row".** The original says `y` "only has one row" and reshapes it into a column; it is a 1-D tensor of shape `[100]`. The real reason for `view` is the broadcasting of `MSELoss` explained in step 0 (exercise 6 shows what training does without it).
// - **"SGD" is full-batch gradient descent.** The original calls `torch.optim.SGD` stochastic gradient descent (随机梯度下降); every step here sees all 100 samples.
// - **Colours.** The original plots the data as red dots and the fitted line in blue; `PlotFit` draws the data in blue and the model in red, as in every notebook of this series, and we add the least-squares line (dashed, black).
// - **Reruns start afresh.** The original builds the optimizer in step 2; here the training cell puts back the initial parameters and builds the optimizer, so rerunning it after changing `lr` repeats training instead of continuing it.
// - **Added:** a seed for the torch generator (the original seeds only scikit-learn, `random_state=1`), the loss curve with the least-squares floor, the least-squares and true parameters beside the trained ones, and a device choice (CUDA when available).
// - **No scikit-learn in .NET:** `MakeRegression` in the helpers reproduces `datasets.make_regression` number for number.
//
// ## Glossary / 术语表
//
// | English | 中文 |
// |---|---|
// | pipeline | 流程（管道） |
// | regression dataset | 回归数据集 |
// | sample / feature | 样本 / 特征 |
// | noise | 噪声 |
// | data type (`float32`, `float64`) | 数据类型（单精度、双精度） |
// | reshape (`view`) | 重塑形状 |
// | column vector | 列向量 |
// | broadcasting | 广播 |
// | input size / output size | 输入大小 / 输出大小 |
// | forward pass / backward pass | 前向传播 / 反向传播 |
// | loss (criterion) | 损失（评价准则） |
// | mean squared error | 均方误差 |
// | optimizer | 优化器 |
// | learning rate | 学习率 |
// | gradient | 梯度 |
// | weight update | 权重更新 |
// | epoch | 轮次 |
// | least squares | 最小二乘 |
// | detach (from the computation graph) | 分离（脱离计算图） |
