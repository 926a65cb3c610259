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
using TorchSharp.Modules;
using static TorchSharp.torch;
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
// - what the trained parameters converge to (the least-squares fit of the data), why the last stretch of training is so slow, and how to plot the fitted line.

// %% [markdown]
// ## Setup
//
// First we reference the NuGet packages: TorchSharp (the CPU build of libtorch), ScottPlot for the static charts and XPlot.Plotly for the interactive chart of the appendix.

// %%
// #r "nuget: TorchSharp-cpu, 0.107.0"
// #r "nuget: ScottPlot, 5.1.59"
// #r "nuget: XPlot.Plotly, 4.1.0"

// %% [markdown]
// The shared helpers give us the plotting functions (`PlotData`, `PlotFit`, `PlotLoss`), `CheckFinite` for the training loop, `ToDoubles` (a tensor's values as a flat `double[]`, like PyTorch's `.flatten().tolist()`) and `FormatTensor`, which prints a tensor exactly as PyTorch's `print` does.

// %%
Helpers.Initialize();  // #load "../helpers/helpers.csx"

// %% [markdown]
// We import TorchSharp in the notebook itself (a `#load`ed file's `using`s do not flow into the cells). `using static TorchSharp.torch;` lets us name the type `Tensor` without a prefix; functions keep their `torch.` prefix (`torch.rand`, `torch.nn.Linear`, `torch.optim.SGD`), as in the Python source. `TorchSharp.Modules` holds the layer classes, here the type `Linear`.

// %%
// using TorchSharp; is at the top of this file: C# puts using directives first.
// using TorchSharp.Modules; is at the top of this file: C# puts using directives first.
// using static TorchSharp.torch; is at the top of this file: C# puts using directives first.

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
// A model derives from `Module<Tensor, Tensor>` (PyTorch: `torch.nn.Module`): it takes a tensor and returns one. Its only layer is `Linear(1, 1)`: one input neuron, one output neuron, with a bias. `RegisterComponents()` finds the `linear` field and registers its parameters with the module, the step PyTorch does automatically when you assign `self.linear`. `forward` computes the network's output.

// %%
// LinearRegression is declared at the end of this file: C# puts types after the top-level statements.

// %% [markdown]
// ## 4. The model and the loss
//
// Creating the model initialises its weight and bias randomly (drawn from the generator after `X` and the noise: first the weight, then the bias); `.to(device)` moves them to the chosen device. Before training the parameters are just random numbers; PyTorch prints each one as `Parameter containing:` followed by the tensor.
//
// Training changes the parameters in place, and `state_dict()` hands out the parameter tensors themselves, so we keep clones of these starting values in `initialState`: the training cell starts from them every time it runs.

// %%
var model = new LinearRegression().to(device);
var initialState = model.state_dict().ToDictionary(entry => entry.Key, entry => entry.Value.detach().clone());

foreach (var param in model.parameters())
    Console.WriteLine(FormatTensor(param));

// %% [markdown]
// The loss is the mean squared error between prediction and target, `nn.MSELoss` in both libraries.

// %%
var lossFunction = torch.nn.MSELoss();

// %% [markdown]
// ## 5. Train
//
// The training cell first puts the starting parameters back (`load_state_dict` copies `initialState` into the model) and builds the optimizer from the model's parameters with the current `lr`. So running this cell again, for example after changing `lr` in the parameters cell, is a fresh training run with that `lr`, not a continuation of the last one.
//
// `torch.optim.SGD` updates each parameter with `p -= lr * p.grad`. The tutorial calls it stochastic gradient descent, the optimizer's name, but here every step computes the gradient on all 100 samples, so this is full-batch gradient descent; it becomes stochastic when each step sees a random minibatch (notebook 03).
//
// Each step runs inside a dispose scope, which frees the step's temporary tensors at the end of the `using` block (notebook 02 explains why); the parameters survive because they were created outside the scope and the optimizer updates them in place. Each step: 1) the forward pass computes a prediction for every `x` (both `X` and the prediction are 100×1); 2) the loss function measures the error; 3) `backward()` computes the gradients; 4) `optimizer.step()` updates the parameters; 5) `optimizer.zero_grad()` clears the gradients, otherwise they would accumulate into the next step. `CheckFinite` stops the loop with a message naming the epoch and the learning rate if the loss becomes NaN or infinite. Epochs count from 1; we print the loss of epoch 1 and of every 1000th epoch (each computed before that epoch's update) and keep all of them for a plot.

// %%
model.load_state_dict(initialState);                      // start from the parameters printed in section 4
var optimizer = torch.optim.SGD(model.parameters(), lr);  // with the lr of the parameters cell
var losses = new List<double>();
for (int epoch = 1; epoch <= epochs; epoch++)
{
    using (torch.NewDisposeScope())
    {
        var predictY = model.forward(X);              // 1. forward pass
        var loss = lossFunction.forward(predictY, y); // 2. loss
        loss.backward();                              // 3. backpropagation
        optimizer.step();                             // 4. update the parameters
        optimizer.zero_grad();                        // 5. clear the gradients

        var lossValue = loss.item<float>();
        losses.Add(lossValue);
        CheckFinite(lossValue, epoch, lr);
        if (epoch == 1 || epoch % 1000 == 0)
            Console.WriteLine($"epoch {epoch,5}: loss {lossValue:F4}");
    }
}

// %% [markdown]
// On a logarithmic y axis both phases of training are visible: a steep drop in the first few dozen epochs, from 693 at epoch 1, then a slow tail that lasts thousands of epochs (16 at epoch 1000, 6.05 at epoch 6000, 5.97 at epoch 10,000) and is still falling at the end. Section 6 explains both phases.

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
var solution = torch.linalg.lstsq(design, y).Solution;                      // [2, 1]: w, then b
var leastSquares = ToDoubles(solution);
var trained = model.parameters().SelectMany(p => ToDoubles(p)).ToArray();   // weight, then bias
var truth = new[] { 3.0, 10.0 };
var names = new[] { "w", "b" };
Console.WriteLine("        true   trained   least squares   trained - least squares");
for (int i = 0; i < names.Length; i++)
    Console.WriteLine($"{names[i],-4}  {truth[i],7:F4}   {trained[i],7:F4}   {leastSquares[i],13:F4}   {trained[i] - leastSquares[i],23:F4}");
Console.WriteLine($"MSE of the least-squares line: {lossFunction.forward(design.matmul(solution), y).item<float>():F4}");

// %% [markdown]
// Training heads for the least-squares column, not for the true one. The least-squares line is the best line for these 100 noisy samples; the noise has moved it away from the line that generated them (w = 3, b = 10), and no amount of training changes that: gradient descent can only reach the minimum of the error it is given. The least-squares MSE, 5.9687, is the floor the loss curve approaches (5.9705 at epoch 10,000).
//
// After 10,000 epochs training has not quite arrived, and not only in the bias: the weight is still 0.0128 above its least-squares value and the bias 0.0868 below. Why is the last stretch so slow?
//
// ### Why the tail is slow: the weight and the bias are coupled
//
// The MSE is a quadratic function of the parameters, `L(w, b) = mean((w·x + b − y)²)`. Its matrix of second derivatives, the Hessian `H = 2/n · [[Σx², Σx], [Σx, n]]`, is the same everywhere, and one step of gradient descent multiplies the error `(w − w*, b − b*)` (the distance from the least-squares values `w*`, `b*`) by `I − lr·H`, exactly. Along each eigenvector of `H`, a direction in the `(w, b)` plane, the error shrinks by the factor `1 − lr·λ` per epoch, where the eigenvalue `λ` is the curvature of the loss in that direction. The next cell computes `H` from the data, its curvatures and directions with `torch.linalg.eigh`, and from them predicts the error that 10,000 epochs leave when training starts from the parameters of section 4.

// %%
var D = design.to(torch.float64);                                   // the columns [x, 1], in double precision
var hessian = 2 * D.T.matmul(D) / 100;                              // second derivatives of the MSE in (w, b)
var (curvatures, directions) = torch.linalg.eigh(hessian);         // ascending curvatures; directions are columns
var start = initialState.Values.SelectMany(p => ToDoubles(p)).ToArray();   // weight, then bias
var startError = torch.from_array(start.Zip(leastSquares, (s, l) => s - l).ToArray());
var shrink = 1 - lr * curvatures;                                   // one step multiplies each component by this
var predictedError = directions.matmul(shrink.pow(epochs) * directions.T.matmul(startError));
Console.WriteLine($"mean of x: {X.mean().ToDouble():F2}");
string Numbers(IEnumerable<double> values, string format) => string.Join(", ", values.Select(v => v.ToString(format).PadLeft(6)));
Console.WriteLine("curvature   direction (w, b)    factor per epoch   factor after all epochs");
for (int k = 0; k < curvatures.shape[0]; k++)
    Console.WriteLine($"{curvatures[k].ToDouble(),9:F2}   ({Numbers(ToDoubles(directions.T[k]), "F3")})   " +
                      $"{shrink[k].ToDouble(),16:F5}   {shrink[k].pow(epochs).ToDouble(),23:G3}");
Console.WriteLine($"error left in (w, b), predicted from the curvatures: ({Numbers(ToDoubles(predictedError), "F4")})");
Console.WriteLine($"error left in (w, b), after training:                ({Numbers(trained.Zip(leastSquares, (t, l) => t - l), "F4")})");

// %% [markdown]
// The prediction matches training to four decimals. The two curvatures differ by a factor of about 150 (0.48 against 71.92). Part of that is scale: with `x` centred they would be 2 (the bias's) and 17.2 (twice the variance of `x`), a factor of about 9 (exercise 5). The rest comes from `x` not being centred: its mean is 5.16, not 0, so the mixed second derivative `2·mean(x)` couples the weight and the bias. With every `x` positive, raising the weight raises every prediction and lowering the bias lowers every prediction, so the two changes can nearly cancel. Along the slow direction (the weight up by 0.146 while the bias goes down by 0.989) the line turns about a point inside the data, at x ≈ 0.989 / 0.146 ≈ 6.8, so the predictions, and with them the loss, hardly change: a long, flat valley. Along the steep direction, mostly the weight, the loss rises fast.
//
// With `lr` = 0.001 the steep part of the error shrinks by 0.928 per epoch and is gone after a few hundred epochs (its factor after all epochs is so small that it prints as 0): that is the sharp drop at the start of the loss curve. The slow part shrinks by only 0.99952 per epoch, a factor 0.0084 in 10,000 epochs: that is the long tail. What is left lies along the slow direction, in the weight as well as in the bias (0.0128 and −0.0868 are in the ratio 0.146 : −0.989), so both errors shrink together, at the same rate; the bias is not slow on its own. Centring `x` (exercise 5) decouples the two parameters, raises the smallest curvature and leaves no separate slow tail. The steep curvature also limits the step: once `lr · 71.92 > 2` the factor `1 − lr·λ` is below −1 and the error grows at every step, so gradient descent diverges for `lr` above 2 / 71.92 ≈ 0.028 (exercise 2).

// %% [markdown]
// Finally we draw the data again with the model's predictions as a red line. Plotting needs plain numbers, so `PlotFit` detaches the prediction from the autograd graph (PyTorch: `model(X).detach().numpy()`).

// %%
using (torch.no_grad())
{
    display(PlotFit(X, y, model.forward(X), "Fitted line after training", "x", "y"));
}

// %% [markdown]
// ## PyTorch → TorchSharp
//
// | PyTorch (Python) | TorchSharp (C#) |
// |---|---|
// | `class LinearRegression(torch.nn.Module)` | `class LinearRegression : torch.nn.Module<Tensor, Tensor>` |
// | `super().__init__()` | `: base(nameof(LinearRegression))` |
// | assigning `self.linear = ...` registers it | `RegisterComponents()` after creating the fields |
// | `torch.nn.Linear(in_features=1, out_features=1, bias=True)` | `torch.nn.Linear(1, 1, hasBias: true)` |
// | `X.to(device)`, `model.to(device)` | the same: `X.to(device)`, `model.to(device)` |
// | `model(X)` | `model.forward(X)` (or `model.call(X)` to run hooks) |
// | `for param in model.parameters(): print(param)` | `foreach (var param in model.parameters()) Console.WriteLine(FormatTensor(param));` |
// | `model.state_dict()`, `model.load_state_dict(d)` | the same names: `model.state_dict()`, `model.load_state_dict(d)` |
// | `torch.optim.SGD(model.parameters(), lr=1e-3)` | `torch.optim.SGD(model.parameters(), lr)` |
// | `torch.nn.MSELoss()` / `loss_function(pred, y)` | `torch.nn.MSELoss()` / `lossFunction.forward(pred, y)` |
// | `torch.linalg.lstsq(A, B).solution` | `torch.linalg.lstsq(A, B).Solution` |
// | `torch.linalg.eigh(H)` | `torch.linalg.eigh(H)` (a C# tuple) |
// | `X[:3]` | `X[..3]` |
// | `model(X).detach().numpy()` | `model.forward(X).detach().cpu().data<float>().ToArray()` (`ToArray` in the helpers) |
// | `plt.scatter` / `plt.plot` | ScottPlot: `PlotData` / `PlotFit` (helpers) |

// %% [markdown]
// ## Exercises
//
// After changing the parameters cell, run it and then the cells from section 5 down: the training cell starts from the same initial parameters every time, so that is a fresh run with the new values. Exercises 3, 5 and 6 change the data or the model: after such a change run the notebook again from the top, so that the seeded generator draws `X`, the noise and the initial parameters in the same order as before, as the solutions do (running only the changed cell and those below it would draw different numbers). The solutions are in `solutions/04-nn-module-solutions.ipynb`.
//
// 1. Train with `lr = 1e-2` and with `lr = 1e-4`. Which run gets closer to the least-squares solution in 10,000 epochs? Explain it with the "factor after all epochs" column of section 6.
// 2. Train with `lr = 0.1`. What does the training cell report? Use the curvatures of section 6 to explain why a step this large makes gradient descent diverge, and find the largest `lr` that still converges.
// 3. Change the noise from `* 3` to `* 10` in the cell that makes `y`. How far do the least-squares parameters move from 3 and 10, and does training still reach them?
// 4. Replace `torch.optim.SGD` with `torch.optim.Adam(model.parameters(), 0.1)` in the training cell and compare the loss curves.
// 5. Centre the input: add a cell `X = X - X.mean();` after the cell that makes `y`, and run the notebook from the top. What do the curvatures and the slow tail of the loss curve become? What do the least-squares weight and bias mean now?
// 6. Extend the model to two input features (`Linear(2, 1)`) with data `y = 3x₁ − 2x₂ + 10 + noise`, and draw the matching two-input neuron diagram. Change these cells: `X` (`torch.rand(100, 2) * 10`), `y` (`X.cpu().matmul(torch.from_array(new[,] { { 3f }, { -2f } }))` in place of `3 * X.cpu()`), `Linear(2, 1)` in the class, and in section 6 `truth` and `names` (three entries: w₁, w₂, b); the curvature cell adapts by itself (three curvatures, directions with three components, w₁, w₂, b). Run the notebook from the top, skipping the two plotting cells `PlotData` and `PlotFit`: they draw a single input against `y`, and given two columns they stop with an `ArgumentException` saying so.

// %% [markdown]
// ## Differences from the source
//
// - **The same numbers on every run.** The tutorial never seeds its generator; we seed with 42, so its printed values (`X[:3]` starting with 3.7992, the initial and trained parameters) differ from ours.
// - **"SGD" is full-batch gradient descent.** The tutorial calls `torch.optim.SGD` stochastic gradient descent (随机梯度下降); every step here sees all 100 samples, so it is plain gradient descent.
// - **Reruns start afresh.** The source builds the optimizer once, after the model; here the training cell puts back the initial parameters and builds the optimizer, so rerunning it after changing `lr` repeats training instead of continuing it.
// - **"结果符合预期" (the result is as expected).** The tutorial ends with parameters near 3 and 10 and calls that the expected result. We compare the trained values with the least-squares fit, which is what gradient descent converges to, and explain why after 10,000 epochs the weight and the bias are still 0.0128 and 0.0868 away from it.
// - **Added:** the loss printed every 1000 epochs and drawn on a log scale, the least-squares table, the curvature analysis of the slow tail, the interactive chart of the appendix, and a device choice (CUDA when available).
// - **C# for Python:** `Module<Tensor, Tensor>` with `RegisterComponents()` for `nn.Module`, `model.forward(X)` for `model(X)`, ScottPlot for matplotlib.
//
// ## Glossary / 术语表
//
// | English | 中文 |
// |---|---|
// | neuron | 神经元 |
// | weight | 权重 |
// | bias | 偏置 |
// | linear layer (`Linear`) | 线性层 |
// | input / output features | 输入 / 输出神经元（特征）个数 |
// | forward pass | 前向传播 |
// | backpropagation | 反向传播 |
// | model parameters | 模型参数 |
// | optimizer | 优化器（原文：梯度下降器） |
// | stochastic gradient descent | 随机梯度下降 |
// | full-batch gradient descent | 全批量梯度下降 |
// | learning rate | 学习率 |
// | loss function | 损失函数 |
// | mean squared error (MSE) | 均方误差 |
// | epoch | 轮次（训练轮数） |
// | least squares | 最小二乘 |
// | curvature (of the loss) | （损失的）曲率 |
// | Hessian matrix | 黑塞矩阵（海森矩阵） |
// | eigenvalue / eigenvector | 特征值 / 特征向量 |
// | centring the input | 输入中心化 |

// %% [markdown]
// ## Appendix: an interactive loss curve
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
// The chart plots every 10th epoch (1, 11, 21, …) on a logarithmic y axis; its picture is `PlotLoss` of the same losses.

// %%
var every10 = Enumerable.Range(0, losses.Count).Where(i => i % 10 == 0).ToArray();   // list positions; epoch = position + 1
var lossChart = Chart.Plot(new Scatter { x = every10.Select(i => i + 1), y = every10.Select(i => losses[i]), mode = "lines" });
lossChart.WithLayout(new Layout.Layout
{
    title = "Training loss (MSE), interactive",
    xaxis = new Xaxis { title = "epoch" },
    yaxis = new Yaxis { title = "loss (log scale)", type = "log" },
});
lossChart.WithSize(600, 400);
lossChart.WithId("training-loss-chart");
display(new InteractiveChart(lossChart, PlotLoss(losses, "Training loss (MSE)")));

class LinearRegression : torch.nn.Module<Tensor, Tensor>
{
    private Linear linear;

    public LinearRegression() : base(nameof(LinearRegression))
    {
        linear = torch.nn.Linear(1, 1, hasBias: true); // in_features = 1, out_features = 1
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => linear.forward(x);
}

record InteractiveChart(PlotlyChart Chart, ScottPlot.Plot Picture);
