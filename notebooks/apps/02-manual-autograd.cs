// 02-manual-autograd.cs: ../02-manual-autograd.ipynb as a .NET file-based app, made by the notebook runner's `export`;
// edit the notebook and export it again rather than this file. Run it from this folder with
//     dotnet run 02-manual-autograd.cs -- [-p NAME VALUE]... [--figures DIR]
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
var notebook = NotebookRunner.Export.App.NotebookApp.Start(args, "02-manual-autograd.cs", [new NotebookRunner.Parameters.ParameterDeclaration("seed", "int", "42"), new NotebookRunner.Parameters.ParameterDeclaration("epochs", "int", "10000"), new NotebookRunner.Parameters.ParameterDeclaration("lr", "double", "0.003")]);
void display(object value, params string[] mimeTypes) => notebook.Display(value, mimeTypes);

// %% [markdown]
// # 02 · Linear regression with manual autograd
//
// *Class reading order 01 → 02 → 03 → 04 → 05: this is the second notebook; it relies on `requires_grad` and `backward()` from 01.*
//
// We generate a small synthetic dataset from known weights and a known bias, then fit a linear model to it with plain gradient descent: we write the forward pass ourselves, let autograd compute the gradients, and update the parameters by hand. This is the C# / TorchSharp version of the PyTorch tutorial *"PyTorch实现线性回归"*.
//
// What you will learn:
// - how to create tensors (random data, parameters with `requires_grad`) and put them on a device chosen at run time;
// - why all tensors in one computation must live on the same device;
// - the manual training loop: forward pass, mean squared error, `backward()`, an update under `no_grad`, and zeroing the gradients;
// - what gradient descent converges to: the least-squares fit of the sample, not the parameters that generated it;
// - why gradients must be zeroed (we watch them accumulate when they are not);
// - why every TorchSharp training step runs inside a dispose scope;
// - how the PyTorch calls you know map to TorchSharp.

// %% [markdown]
// ## Setup
//
// First we reference the NuGet packages: TorchSharp (the CPU build of libtorch) for tensors and autograd, ScottPlot for the charts.

// %%
// #r "nuget: TorchSharp-cpu, 0.107.0"
// #r "nuget: ScottPlot, 5.1.59"

// %% [markdown]
// The shared helpers give us the plotting functions, `CheckFinite` for the training loop and `FormatTensor`, which prints a tensor exactly as PyTorch's `print` does.

// %%
Helpers.Initialize();  // #load "../helpers/helpers.csx"

// %% [markdown]
// A `#load`ed file's `using`s do not flow into the notebook, so we import TorchSharp here. `using static TorchSharp.torch;` lets us write the tensor type as plain `Tensor`; functions we still call with their prefix, `torch.rand(...)`, as PyTorch code writes them.

// %%
// using TorchSharp; is at the top of this file: C# puts using directives first.
// using static TorchSharp.torch; is at the top of this file: C# puts using directives first.

// %% [markdown]
// The knobs of this notebook: the random seed, the number of epochs and the learning rate. The cell is tagged `parameters`, so a runner can override them (`-p lr 0.01`).

// %% tags=["parameters"]
var seed = 42;
var epochs = 10000;
var lr = 0.003;
notebook.Parameter("seed", ref seed);
notebook.Parameter("epochs", ref epochs);
notebook.Parameter("lr", ref lr);

// %% [markdown]
// Like the tutorial, we use CUDA when `torch.cuda.is_available()` and the CPU otherwise, and print which one we got. This notebook references `TorchSharp-cpu`, whose libtorch has no CUDA, so it prints `cpu`; with a CUDA build of TorchSharp (see the README) the same cells put the data and the parameters on the GPU. Seeding makes every run draw the same numbers: PyTorch seeded with 42 draws exactly the numbers printed below (`data/reference/02-manual-autograd.json` holds them, written by `data/make_reference.py`). The tutorial never seeds, so the numbers it prints (a first loss of 59.03) come from an unseeded run and differ from ours.

// %%
var device = torch.cuda.is_available() ? torch.CUDA : torch.CPU;
Console.WriteLine($"device: {device}");

torch.manual_seed(seed);
if (torch.cuda.is_available()) torch.cuda.manual_seed_all(seed);

// %% [markdown]
// ## 1. Generate the training data
//
// We draw 100 samples with 3 features each, uniformly in [0, 1). The targets come from weights we choose ourselves, `[1.1, 2.2, 3.3]`, and a bias of `4.4`, plus a little Gaussian noise (`0.1 * randn`) to mimic real measurements.
//
// `torch.from_array` turns a C# array into a tensor of the same shape and element type, as `torch.tensor` does for a Python list. TorchSharp has `torch.tensor` too, but in Microsoft's .NET Interactive kernel it makes the compiler print a warning (`tests/NotebookRunner/README.md` says why), so this series builds tensors with `from_array`. `matmul` is the matrix product (Python's `@`). The cell shows the first three rows of `inputs`: Python's `inputs[:3]` is `inputs[..3]` in C#.

// %%
var inputs = torch.rand(100, 3);                                          // 100 rows, 3 features, each in [0, 1)
var weights = torch.from_array(new float[,] { { 1.1f }, { 2.2f }, { 3.3f } }); // the "true" weights, shape [3, 1]
var bias = torch.from_array(new float[] { 4.4f });                            // the "true" bias, shape [1]
var targets = inputs.matmul(weights) + bias + 0.1f * torch.randn(100, 1); // plus some noise
display(inputs[..3]);

// %% [markdown]
// The first three targets:

// %%
display(targets[..3]);

// %% [markdown]
// ## 2. Initialise the parameters
//
// `w` (3×1) and `b` (1) start at random values. The tutorial creates them with `device=device`; we draw them on the CPU and then move them with `.to(device)`, so that on a GPU they are still the numbers PyTorch draws on the CPU for this seed (a GPU has its own generator). `requires_grad_(true)` comes after the move, so `w` and `b` are leaf tensors: autograd records every operation that uses them and stores their gradients in `w.grad` and `b.grad`. We keep copies of the starting values, `initialW` and `initialB`, so that the training cell can start from them every time it runs.

// %%
var w = torch.rand(3, 1).to(device).requires_grad_(true);
var b = torch.rand(1).to(device).requires_grad_(true);
var initialW = w.detach().clone();
var initialB = b.detach().clone();
display(w);
display(b);

// %% [markdown]
// ## 3. Train
//
// Tensors on different devices cannot be combined in one operation (a CPU tensor times a CUDA tensor is an error; only a 0-d CPU tensor, a single number, is let through), so we first move the data to the parameters' device. On the CPU `.to(device)` returns the tensor unchanged, and running the cell again changes nothing.

// %%
inputs = inputs.to(device);
targets = targets.to(device);

// %% [markdown]
// **Why a dispose scope?** A TorchSharp tensor is a small .NET object that owns native (libtorch) memory. The .NET garbage collector does not see that native memory, so it frees the temporaries of each step late, and without a scope the process's memory grows with the number of steps (`tests/Benchmarks/README.md` gives the measurements). `torch.NewDisposeScope()` disposes every tensor created inside its `using` block when the block ends. `w` and `b` survive because they were created outside the scope; the loop only updates them in place (`sub_`, `zero_`).

// %% [markdown]
// The loop itself: the forward pass `inputs @ w + b`, the loss (the mean of the squared errors), `backward()` to fill `w.grad` and `b.grad`, then the update. The update must not be recorded by autograd, so it runs under `torch.no_grad()`. Finally we zero the gradients, because `backward()` *adds* to them. Each step uses all 100 samples, so one step is one epoch; epochs are counted from 1. `loss.item<float>()` reads the loss, a tensor holding one value, as a C# `float` (PyTorch's `loss.item()`; `float` must be the tensor's element type, float32). `CheckFinite` stops the loop with a message naming the epoch and the learning rate if the loss ever becomes NaN or infinite. We print the loss at epoch 1 and every 1000 epochs instead of 10,000 lines and keep all of them for a plot.
//
// The cell starts by setting `w` and `b` back to their starting values and emptying their gradients, so rerunning it (say after changing `lr`) gives what a fresh run with that `lr` gives, not more training of parameters that are already trained.

// %%
using (torch.no_grad())  // start from the initial parameters
{
    w.copy_(initialW);
    b.copy_(initialB);
}
w.grad?.zero_();  // with no gradient left from an earlier run (null before the first backward)
b.grad?.zero_();
var losses = new List<double>();
for (int epoch = 1; epoch <= epochs; epoch++)
{
    using (torch.NewDisposeScope())
    {
        var outputs = inputs.matmul(w) + b;
        var loss = torch.mean(torch.square(outputs - targets));
        var lossValue = loss.item<float>();
        losses.Add(lossValue);
        CheckFinite(lossValue, epoch, lr);
        if (epoch == 1 || epoch % 1000 == 0 || epoch == epochs)
            Console.WriteLine($"epoch {epoch,5}: loss {lossValue:F6}");

        loss.backward();

        using (torch.no_grad()) // the update itself must not be tracked
        {
            w.sub_(lr * w.grad);
            b.sub_(lr * b.grad);
        }

        // zero the gradients, otherwise they keep accumulating
        w.grad.zero_();
        b.grad.zero_();
    }
}

// %% [markdown]
// On a logarithmic y axis the whole run is visible: the loss drops by more than two orders of magnitude within the first 1000 epochs (from 47 to about 0.1), keeps falling more slowly for several thousand epochs, and levels off near 0.0085 after about 7000.

// %%
display(PlotLoss(losses, "Training loss (MSE)", "epoch"));

// %% [markdown]
// The trained parameters, printed as PyTorch prints them (`print(w)`):

// %%
Console.WriteLine("trained w: " + FormatTensor(w));
Console.WriteLine("trained b: " + FormatTensor(b));

// %% [markdown]
// ## 4. What gradient descent converges to
//
// The loop minimises the mean squared error on *these 100 samples*. That minimum has a closed form, the least-squares solution, which `torch.linalg.lstsq` computes; a column of ones appended to `inputs` (`torch.cat` along dimension 1) makes its last coefficient the bias. We print it beside the trained parameters and the true ones. `ToDoubles`, from the helpers, copies a tensor's values into a C# `double[]`; LINQ's `Concat` joins the three values of `w` and the one of `b` into one list of four.

// %%
var design = torch.cat(new[] { inputs, torch.ones(100, 1, device: device) }, 1); // [x1, x2, x3, 1]
var leastSquares = ToDoubles(torch.linalg.lstsq(design, targets).Solution);
var trained = ToDoubles(w).Concat(ToDoubles(b)).ToArray();
var truth = ToDoubles(weights).Concat(ToDoubles(bias)).ToArray();
var names = new[] { "w[0]", "w[1]", "w[2]", "b" };
Console.WriteLine("        true   trained   least squares");
for (int i = 0; i < names.Length; i++)
    Console.WriteLine($"{names[i],-4}  {truth[i],6:F4}   {trained[i],7:F4}   {leastSquares[i],13:F4}");

using (torch.no_grad())
{
    var lsPrediction = design.matmul(torch.from_array(leastSquares.Select(v => (float)v).ToArray(), device).reshape(4, 1));
    Console.WriteLine($"MSE of the trained parameters: {torch.mean(torch.square(inputs.matmul(w) + b - targets)).item<float>():F6}");
    Console.WriteLine($"MSE of least squares:          {torch.mean(torch.square(lsPrediction - targets)).item<float>():F6}");
}

// %% [markdown]
// The trained parameters head for the least-squares column, not for the true one: gradient descent minimises the error on this sample, and the least-squares parameters are that minimum (their MSE, 0.008489, is the lowest any choice of `w` and `b` can reach here). The true parameters are not, because the noise in the targets moves the best fit of 100 noisy samples away from the parameters that generated them (here by up to 0.06), and no amount of training removes that difference. After 10,000 epochs training is not quite finished: `w[0]` is still 0.02 from its least-squares value (closer to the true 1.1 only by accident); with `epochs = 50000` all four trained values agree with the least-squares ones to within 0.001.

// %% [markdown]
// ## 5. Why the gradients must be zeroed
//
// `backward()` adds the new gradient to whatever is already in `.grad`. To see it, we take copies of the trained parameters (so `w` and `b` stay as they are) and call `backward()` three times on the same loss without zeroing: the gradient grows by the same amount each time. In the training loop this would make every step use the sum of all past gradients.

// %%
var wCopy = w.detach().clone().requires_grad_(true);
var bCopy = b.detach().clone().requires_grad_(true);
for (int k = 1; k <= 3; k++)
{
    var demoLoss = torch.mean(torch.square(inputs.matmul(wCopy) + bCopy - targets));
    demoLoss.backward();
    Console.WriteLine($"after backward #{k}: bCopy.grad = {bCopy.grad.item<float>():F6}");
}

// %% [markdown]
// Zeroing the gradient in place resets it, which is what the training loop does after every update:

// %%
bCopy.grad.zero_();
Console.WriteLine($"after zero_(): bCopy.grad = {bCopy.grad.item<float>():F6}");

// %% [markdown]
// ## PyTorch → TorchSharp
//
// The calls of this notebook that differ between the two libraries:
//
// | PyTorch (Python) | TorchSharp (C#) |
// |---|---|
// | `torch.device("cuda" if torch.cuda.is_available() else "cpu")` | `torch.cuda.is_available() ? torch.CUDA : torch.CPU` |
// | `torch.rand((3, 1), requires_grad=True, device=device)` | `torch.rand(3, 1, device: device, requires_grad: true)`: the same call, drawn by `device`'s generator; or `torch.rand(3, 1).to(device).requires_grad_(true)`: drawn on the CPU, then moved (this notebook's form, section 2) |
// | `torch.tensor([[1.1], [2.2], [3.3]])` | `torch.from_array(new float[,] { { 1.1f }, { 2.2f }, { 3.3f } })` |
// | `inputs @ w` | `inputs.matmul(w)` (C# has no `@` operator) |
// | `x[:3]` | `x[..3]` |
// | `with torch.no_grad():` | `using (torch.no_grad()) { ... }` |
// | `w -= lr * w.grad` | `w.sub_(lr * w.grad)` |
// | `loss.item()` | `loss.item<float>()` (or `loss.ToDouble()`) |
// | `torch.linalg.lstsq(A, B).solution` | `torch.linalg.lstsq(A, B).Solution` |
// | `x.numpy()` | `x.data<float>().ToArray()` (`ToArray(x)` in the helpers) |
// | (Python frees a tensor when its last reference goes) | `using (torch.NewDisposeScope()) { ... }` around each step |
// | `print(w)` | `display(w)` or `FormatTensor(w)` (helpers) |
//
// Why the series draws on the CPU first: a CUDA device has its own random generator, so `torch.rand(3, 1, device: device, ...)` on a GPU draws other numbers than on the CPU. Drawing on the CPU and moving the result gives the numbers PyTorch draws on the CPU for this seed (the ones `data/reference/` holds) on either device; the keyword form is the shorter one when that does not matter.

// %% [markdown]
// ## Exercises
//
// 1. Change `lr` to `0.03` and to `0.0003` (in the `parameters` cell, then rerun the training cell and the cells below it). How do the loss curve and the final `w`, `b` change? What happens with `lr = 1`?
// 2. Remove the two `zero_()` calls at the end of the training loop and run it again. Explain the loss curve using what section 5 showed.
// 3. Increase the noise from `0.1` to `1.0`. How far are the least-squares parameters from `[1.1, 2.2, 3.3]` and `4.4` now, and how close does training get to the least-squares ones?
// 4. Set `epochs = 50000`. Which column of section 4's table do the trained parameters approach, and why not the other one?
// 5. Remove the `using (torch.NewDisposeScope())` line (keep the block's braces), set `epochs = 100000` and watch the process memory (e.g. with `top`). Then put the scope back.
//
// The answers, with their code and outputs, are in `solutions/02-manual-autograd-solutions.ipynb`.

// %% [markdown]
// ## Differences from the source
//
// - **Seeded.** The source never seeds, so its losses (a first loss of 59.03) come from other random numbers; this notebook draws PyTorch's numbers for its `seed`.
// - **The bias.** The source's true bias is `torch.tensor(4.4)`, a 0-d tensor; ours is `from_array(new float[] { 4.4f })`, shape `[1]`. Both broadcast the same way in `inputs @ weights + bias`, so the targets are the same numbers.
// - **Drawing on the CPU.** The source creates `w` and `b` with `device=device`; we draw them on the CPU and move them (see the table above), so a GPU run gives the same numbers.
// - **Printing.** The source prints the loss of all 10,000 epochs; we print epoch 1, every 1000th and the last, and plot all of them.
// - **Added:** the least-squares comparison (section 4), the demonstration that gradients accumulate (section 5), a dispose scope around each step, and a training cell that starts from the initial parameters whenever it runs.

// %% [markdown]
// ## Glossary
//
// | English | 中文 |
// |---|---|
// | training data | 训练数据 |
// | feature | 特征 |
// | label, target | 标签 (目标值) |
// | weight | 权重 |
// | bias | 偏置 |
// | noise | 噪声 (误差) |
// | device | 设备 |
// | hyperparameter | 超参数 |
// | epoch | 轮 (迭代次数) |
// | learning rate | 学习率 |
// | forward pass | 前向传播 |
// | backpropagation | 反向传播 |
// | computation graph | 计算图 |
// | partial derivative | 偏导数 |
// | zeroing the gradients | 梯度清零 |
// | mean squared error | 均方误差 |
// | least squares | 最小二乘 |
// | gradient descent | 梯度下降 |
