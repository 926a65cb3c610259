// 01-autograd-requires-grad.cs: ../01-autograd-requires-grad.ipynb as a .NET file-based app, made by the notebook runner's `export`;
// edit the notebook and export it again rather than this file. Run it from this folder with
//     dotnet run 01-autograd-requires-grad.cs -- [-p NAME VALUE]... [--figures DIR]
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
var notebook = NotebookRunner.Export.App.NotebookApp.Start(args, "01-autograd-requires-grad.cs", [new NotebookRunner.Parameters.ParameterDeclaration("seed", "int", "42"), new NotebookRunner.Parameters.ParameterDeclaration("epochs", "int", "3000"), new NotebookRunner.Parameters.ParameterDeclaration("lr", "double", "0.01")]);
void display(object value, params string[] mimeTypes) => notebook.Display(value, mimeTypes);

// %% [markdown]
// # 01 · Autograd and `requires_grad`: linear regression by hand
//
// *Class reading order 01 → 02 → 03 → 04 → 05: this is the first notebook; the other four rely on its `requires_grad`, `backward()` and `no_grad`.*
//
// Based on the PyTorch tutorial *"Pytorch完成线性回归"* (linear regression with PyTorch), rewritten in C# with TorchSharp.
//
// ## What you will learn
// 1. What `requires_grad` does: a tensor that requires gradients records every operation done with it.
// 2. How `backward()` computes gradients, and where they end up (`x.grad`).
// 3. How to train a linear regression `y = wx + b` by hand with these tools.

// %% [markdown]
// ## Setup
//
// The first cell pulls TorchSharp (its CPU build) and ScottPlot from NuGet; pinned versions keep the results reproducible.

// %%
// #r "nuget: TorchSharp-cpu, 0.107.0"
// #r "nuget: ScottPlot, 5.1.59"

// %% [markdown]
// `#load` runs a C# script file in this notebook; `helpers/helpers.csx` holds the shared helpers of the series: plotting (`PlotData`, `PlotFit`, `PlotLoss`), `FormatTensor` (prints tensors as PyTorch does) and `CheckFinite` (stops a diverging loop).

// %%
Helpers.Initialize();  // #load "../helpers/helpers.csx"

// %% [markdown]
// A `#load`ed file's `using`s do not flow into the notebook, so we import TorchSharp here. `using static TorchSharp.torch` lets us write the tensor type as plain `Tensor`; functions we still call with their prefix, `torch.ones(...)`, as PyTorch code writes them.

// %%
// using TorchSharp; is at the top of this file: C# puts using directives first.
// using static TorchSharp.torch; is at the top of this file: C# puts using directives first.

// %% [markdown]
// The knobs: `seed` fixes the random numbers, `epochs` (the number of passes over the data, one update each) and `lr` drive the training in section 3. Tools that run notebooks headlessly (our runner, papermill) can override this `parameters` cell.

// %% tags=["parameters"]
var seed = 42;
var epochs = 3000;
var lr = 0.01;
notebook.Parameter("seed", ref seed);
notebook.Parameter("epochs", ref epochs);
notebook.Parameter("lr", ref lr);

// %% [markdown]
// `device` is the GPU when TorchSharp finds CUDA and the CPU otherwise (with the CPU package loaded above, always the CPU). Random numbers are drawn on the CPU generator and the results moved to `device`, so they are the same on either.
//
// Seeding makes every run of this notebook draw the same numbers. TorchSharp's generator is PyTorch's: PyTorch seeded with the same seed draws the same numbers as this notebook, in the same order (the repository's `data/reference/` holds PyTorch's values for seed 42). The original tutorial never seeds, so the values it prints come from an unseeded run and differ from ours.

// %%
var device = torch.cuda.is_available() ? torch.CUDA : torch.CPU;
Console.WriteLine($"device: {device}");
torch.manual_seed(seed);
if (torch.cuda.is_available()) torch.cuda.manual_seed_all(seed);  // TorchSharp's manual_seed leaves CUDA's generator alone

// %% [markdown]
// ## 1. The forward pass
//
// If a tensor's `requires_grad` is `true`, TorchSharp tracks every operation done with it. You can read this as: the tensor is a *parameter*; later we will compute gradients for it and update it.
//
// ### 1.1 The computation
//
// We compute, for the four entries $x_i$ of a 2×2 tensor (the 1/4 is the mean over the four numbers):
//
// $$o = \frac{1}{4}\sum_i z_i, \qquad z_i = 3(x_i+2)^2, \qquad z_i\big|_{x_i=1} = 27$$
//
// Since `x` is the parameter we want gradients for, we must set `requires_grad` when we create it: its **default is `false`**. `device: device` creates it on `device`. A cell shows the value of its last line, so the cell below ends with `x` to show it (Python's `print(x)`).

// %%
var x = torch.ones(2, 2, requires_grad: true, device: device);  // initialise x and track its history
display(x);

// %% [markdown]
// Every result computed from `x` requires gradients as well. In PyTorch each result also carries a `grad_fn` (here `<AddBackward0>`) naming the operation that made it; these links form the computation graph that `backward()` walks. TorchSharp does not expose the `grad_fn`, so `FormatTensor` prints `y` without PyTorch's `grad_fn=<AddBackward0>` suffix (and without `requires_grad=True`, which PyTorch prints only on leaves, tensors created by you rather than by an operation); `y.requires_grad` and `y.is_leaf` show that `y` is part of the graph.

// %%
var y = x + 2;
Console.WriteLine($"y.requires_grad = {y.requires_grad}, y.is_leaf = {y.is_leaf}");
display(y);

// %% [markdown]
// Square and multiply by 3 gives $z_i = 27$, and the mean gives $o = 27$ (the original names it `out`, a keyword in C#). PyTorch prints these two with `grad_fn=<MulBackward0>` and `grad_fn=<MeanBackward0>`; as with `y`, TorchSharp has no `grad_fn` to show, so they print without a suffix.
//
// Only a cell's last line is shown by itself (`x` and `y` above); `display(z)` shows a value from the middle of a cell. It is the notebook's counterpart of Python's `print`, and the helpers make it show tensors as `print` does.

// %%
var z = y * y * 3;
var o = z.mean();
display(z);
display(o);

// %% [markdown]
// ### 1.2 `requires_grad` and `requires_grad_()`
//
// A tensor made by `randn` (random numbers from the standard normal distribution, moved to `device` by `.to(device)`) does not require gradients, and neither does anything computed from it. `requires_grad_(true)` switches tracking on *in place* (the trailing underscore means in place).

// %%
var a = torch.randn(2, 2).to(device);
a = (a * 3) / (a - 1);
Console.WriteLine($"before: a.requires_grad = {a.requires_grad}");
a.requires_grad_(true); // in place
Console.WriteLine($"after:  a.requires_grad = {a.requires_grad}");
var sumOfSquares = (a * a).sum();
Console.WriteLine($"sumOfSquares.requires_grad = {sumOfSquares.requires_grad}"); // in PyTorch, sumOfSquares.grad_fn is <SumBackward0>

// %% [markdown]
// To stop tracking history (and the memory it uses), wrap code in `torch.no_grad()`. This is **especially useful when evaluating a model**: the model has trainable parameters with `requires_grad = true`, but evaluation needs no gradients.

// %%
Tensor c;
using (torch.no_grad())
{
    c = (a * a).sum(); // no history is recorded here
}
Console.WriteLine($"c.requires_grad = {c.requires_grad}");
display(c);

// %% [markdown]
// ## 2. Computing gradients
//
// For $o$ from section 1.1, `o.backward()` runs backpropagation and computes $\frac{do}{dx}$; `x.grad` holds the result. Why 4.5? Because
//
// $$\frac{\partial o}{\partial x_i} = \frac{1}{4}\cdot 3\cdot 2(x_i+2) = \frac{3}{2}(x_i+2),$$
//
// which is $\frac{3}{2}\cdot 3 = 4.5$ at $x_i = 1$.
//
// `backward()` frees the graph it walks (PyTorch does the same), so calling `o.backward()` a second time would fail, and it *adds* to `x.grad` rather than overwriting it. So that this cell gives the same answer however often you run it, it rebuilds `o` from `x` and zeroes `x.grad` first.

// %%
o = ((x + 2) * (x + 2) * 3).mean();  // o of section 1.1 again
x.grad?.zero_();                       // x.grad is null until the first backward()
o.backward();
display(x.grad);

// %% [markdown]
// ### Scalar and non-scalar outputs
//
// `backward()` without arguments works when the output is a scalar, like a loss. For a non-scalar output we must pass a gradient tensor of the output's shape, $v$; TorchSharp then computes the vector–Jacobian product $v^\top J$. Most losses are scalars, so this is rare in practice. TorchSharp's `backward` takes $v$ in a list, one gradient per output, hence `new[] { ... }`; `torch.ones_like(y2)` is a tensor of ones with `y2`'s shape. Here `y2 = 2x` elementwise, and with $v$ all ones each entry of the gradient is 2.

// %%
var x2 = torch.ones(2, 2, requires_grad: true, device: device);
var y2 = x2 * 2;            // a 2x2 output, not a scalar
y2.backward(new[] { torch.ones_like(y2) });
display(x2.grad);

// %% [markdown]
// ### Gradients accumulate
//
// `backward()` computes gradients for every leaf tensor with `requires_grad = true` that the output was computed from, and **adds** them to `.grad`; it does not update the parameter. Calling it twice without zeroing doubles the gradient, which is why a training loop zeroes gradients before each backward pass.
//
// To print one entry we read it as a C# number: `x3.grad[0, 0]` is a tensor holding one value, and `ToDouble()` returns that value as a `double` (PyTorch: `x3.grad[0, 0].item()`).

// %%
var x3 = torch.ones(2, 2, requires_grad: true, device: device);
for (int i = 0; i < 2; i++)
{
    var o3 = (3 * (x3 + 2).pow(2)).mean();
    o3.backward();
    Console.WriteLine($"after backward #{i + 1}: x3.grad[0,0] = {x3.grad[0, 0].ToDouble()}");
}
x3.grad.zero_();
Console.WriteLine($"after zero_(): x3.grad[0,0] = {x3.grad[0, 0].ToDouble()}");

// %% [markdown]
// ### `.data`, `detach()` and converting to arrays
//
// In PyTorch `tensor.data` returns the values without the history (and equals the tensor when `requires_grad` is false); in TorchSharp use `detach()`, which returns a tensor sharing the values but outside the graph.
//
// To read the values into a C# array, `data<float>()` gives the raw elements (`float` must be the tensor's element type: float32 is `float`) and `ToArray()` copies them. PyTorch's `.numpy()` refuses a tensor that requires gradients, which is why the source writes `tensor.detach().numpy()`; TorchSharp's `data<float>()` refuses neither such a tensor nor one on the GPU (it copies that one to the CPU itself), so `x.data<float>()` works on `x` as it is.

// %%
var xDetached = x.detach();
Console.WriteLine($"x.requires_grad = {x.requires_grad}, x.detach().requires_grad = {xDetached.requires_grad}");
float[] values = x.data<float>().ToArray();  // x requires gradients; data<float>() reads its values anyway
Console.WriteLine(string.Join(", ", values));

// %% [markdown]
// ## 3. Linear regression by hand
//
// Now we use these tools on our own data. The model is $y = wx + b$ with parameters $w$ and $b$. The data come from $y = 3x + 0.8$, so training should bring $w$ close to 3 and $b$ close to 0.8. The steps:
// 1. prepare the data,
// 2. compute the prediction,
// 3. compute the loss, zero the parameters' gradients, backpropagate,
// 4. update the parameters.
//
// Step 1: 50 random inputs $x$ (`inputs`; `torch.rand` draws uniformly from [0, 1)) and their exact targets $y = 3x + 0.8$ (`targets`), new names so that section 1's `x` and `y` keep their meaning; then random initial `w` and `b` that require gradients. They are moved to `device` before `requires_grad_(true)`, so they stay leaves of the graph and receive `.grad`. We keep copies of the starting values for the training loop: `detach().clone()` copies the values into a new tensor outside the graph. Rerunning this cell draws new data.

// %%
var inputs = torch.rand(50).to(device);
var targets = 3 * inputs + 0.8;
var w = torch.rand(1).to(device).requires_grad_(true);
var b = torch.rand(1).to(device).requires_grad_(true);
var initialW = w.detach().clone();
var initialB = b.detach().clone();
Console.WriteLine($"initial w = {w.ToDouble():F4}, b = {b.ToDouble():F4}");
display(PlotData(inputs, targets, "data: y = 3x + 0.8", "x", "y"));

// %% [markdown]
// Steps 2–4 in a loop. Each step uses all 50 examples, so one step is one epoch (a pass over the data); epochs are counted from 1. The loss is the mean squared error; we zero the gradients (they accumulate!), call `backward()`, and update `w` and `b` in place under `no_grad` (the source's `w.data -= lr * w.grad.data`). The loss is printed at epoch 1 and every 500 epochs, before that epoch's update; `CheckFinite` stops the loop with a clear message if it becomes NaN or infinite.
//
// Each training step creates temporary tensors (prediction, loss, gradient wrappers) backed by native memory that .NET's garbage collector does not see. `torch.NewDisposeScope()` frees every tensor created inside its `using` block when the block ends; `w` and `b` live on because they were created outside it and are updated in place. The cell first sets `w` and `b` back to their starting values, so rerunning it (say after changing `lr`) trains from the start, as a fresh run with that `lr` would.

// %%
using (torch.no_grad())  // start from the initial w and b
{
    w.copy_(initialW);
    b.copy_(initialB);
}
var losses = new List<double>();  // the loss of every epoch, for the curve
for (int epoch = 1; epoch <= epochs; epoch++)
{
    using (torch.NewDisposeScope())
    {
        var yPredict = inputs * w + b;                  // 2. prediction
        var loss = (yPredict - targets).pow(2).mean();  // 3. loss
        w.grad?.zero_();                                //    zero the gradients (null before the first backward)
        b.grad?.zero_();
        loss.backward();                                //    backpropagate
        using (torch.no_grad())                         // 4. update, without recording history
        {
            w.sub_(lr * w.grad);
            b.sub_(lr * b.grad);
        }
        var value = loss.ToDouble();
        CheckFinite(value, epoch, lr);
        losses.Add(value);
        if (epoch == 1 || epoch % 500 == 0)
            Console.WriteLine($"epoch {epoch,4}  loss {value:G5}");
    }
}

// %% [markdown]
// The loss of every epoch on a logarithmic axis: after a fast drop over the first hundred or so epochs it falls by a constant factor per epoch (about 3.3 every 500 epochs in the printout), a straight line on this axis, so it is still falling when training stops.

// %%
display(PlotLoss(losses, "training loss (MSE)", "epoch"));

// %% [markdown]
// The data (dots) and the line predicted with the trained `w` and `b`; we predict under `no_grad` because no gradients are needed.

// %%
Tensor predict;
using (torch.no_grad())
{
    predict = inputs * w + b;
}
display(PlotFit(inputs, targets, predict, "fitted line after training", "x", "y"));

// %% [markdown]
// Gradient descent converges to the least-squares fit of the sampled data, not to the parameters that generated it. Here the targets carry no noise, so the two coincide: `torch.linalg.lstsq` (the closed-form least-squares solution for the columns `[x, 1]`) gives 3 and 0.8 up to float rounding. `torch.stack(..., 1)` puts `inputs` and a tensor of ones side by side as the two columns of `A`. `lstsq` solves in double precision here (`.to(torch.float64)`), and `view(-1, 1)` turns the targets into the column `lstsq` expects. The trained values are close to them but not equal, because the loss was still falling when the loop stopped. The original, run unseeded on other random data, printed `w tensor([2.9280], requires_grad=True)` and `b tensor([0.8372], requires_grad=True)`.

// %%
var A = torch.stack(new[] { inputs, torch.ones_like(inputs) }, 1).to(torch.float64);  // columns x and 1
var solution = torch.linalg.lstsq(A, targets.to(torch.float64).view(-1, 1)).Solution;
Console.WriteLine($"least squares: w = {solution[0, 0].ToDouble():F4}, b = {solution[1, 0].ToDouble():F4}");
Console.WriteLine($"trained:       w = {w.ToDouble():F4}, b = {b.ToDouble():F4}");
Console.WriteLine($"true:          w = {3.0:F4}, b = {0.8:F4}");

// %% [markdown]
// ## PyTorch → TorchSharp
//
// | PyTorch | TorchSharp | Note |
// |---|---|---|
// | `torch.ones(2, 2, requires_grad=True)` | `torch.ones(2, 2, requires_grad: true)` | named argument |
// | `print(z)` | `display(z)`, or `z` as a cell's last line | |
// | `y.grad_fn` | — | no public counterpart; check `y.requires_grad` and `y.is_leaf` instead |
// | `out = z.mean()` | `var o = z.mean();` | `out` is a C# keyword (`@out` would work) |
// | `with torch.no_grad():` | `using (torch.no_grad()) { ... }` | a disposable scope |
// | `x.data` | `x.detach()`, or in-place ops under `no_grad` | `.data` is not a tensor in TorchSharp (`data<T>()` reads the raw elements) |
// | `x.detach().numpy()` | `x.data<float>().ToArray()` | a `float[]`; needs neither `detach()` nor `cpu()` |
// | `loss.item()` | `loss.ToDouble()` | a `double`, whatever the tensor's element type |
// | `x.grad.data.zero_()` | `x.grad.zero_()` | |
// | `a.requires_grad_(True)` | `a.requires_grad_(true)` | same, in place |
// | `torch.linalg.lstsq(A, B).solution` | `torch.linalg.lstsq(A, B).Solution` | |

// %% [markdown]
// ## Exercises
// 1. Run the training for 10,000 epochs (`epochs` in the `parameters` cell). How close do `w` and `b` get to 3 and 0.8?
// 2. Try `lr = 0.1` and `lr = 1.5` (in the `parameters` cell, then rerun the training cell and the cells below it). What happens to the loss curve, and why?
// 3. Remove the two `zero_()` lines from the loop. What happens to the gradients and to the training, and why?
// 4. Add noise to the data, `targets = 3 * inputs + 0.8 + 0.1 * torch.randn(50).to(device)`. Can the model still recover `w` and `b`? Compare the trained values with `torch.linalg.lstsq` and with 3 and 0.8. What is the lowest loss it reaches?
// 5. Compute by hand the gradient of `o = (x * x).sum()` at `x = torch.ones(2, 2)` and check it with `backward()`.
//
// The answers, with their code and outputs, are in `solutions/01-autograd-requires-grad-solutions.ipynb`.

// %% [markdown]
// ## Differences from the source
//
// - **Typos fixed.** The source writes `torch.no_gard()`, `x.gard` and `backword()`; these are `no_grad`, `grad` and `backward`. After `z = y*y*3` it prints `print(x)` but shows the values of `z`; we display `z`.
// - **No `grad_fn`.** The source's printed results carry `grad_fn=<...>` and it prints `b.grad_fn`; TorchSharp exposes no `grad_fn`, so our results print without it and we show `requires_grad` and `is_leaf` instead.
// - **Names.** The source's `out` is `o` here (`out` is a C# keyword), its sum in section 1.2 is `sumOfSquares` (the source calls it `b`, the name the parameter gets later), and the data of section 3 are `inputs` and `targets` (the source reuses `x` and `y`).
// - **Seeded.** The source never seeds, so its printed values (`w` 2.9280, `b` 0.8372) come from other random data; this notebook draws PyTorch's numbers for its `seed`.
// - **The loop.** The source's `loss_fn` and `optimize` functions are written out in the loop, and its `w.data -= ...` updates are in-place updates under `no_grad`. The source prints the loss at `i % 500 == 0` counting from 0; we count epochs from 1, as the other notebooks do.
// - **Added:** a device choice, the non-scalar `backward(v)` the source mentions but skips, a demonstration that gradients accumulate, the loss curve, and the least-squares comparison. The source's matplotlib plot (red dots, a line) is a ScottPlot picture (blue dots, a red line).

// %% [markdown]
// ## Glossary
//
// | English | 中文 |
// |---|---|
// | tensor | 张量 |
// | parameter | 参数 |
// | forward pass | 向前计算 (前向传播) |
// | computation graph | 计算图 |
// | leaf tensor | 叶子张量 |
// | gradient | 梯度 |
// | backpropagation, backward pass | 反向传播 |
// | derivative | 导数 |
// | scalar / vector | 标量 / 向量 |
// | in place | 就地修改 |
// | gradient accumulation | 梯度累加 |
// | linear regression | 线性回归 |
// | loss function | 损失函数 |
// | mean squared error | 均方误差 |
// | learning rate | 学习率 |
// | epoch | 轮 (迭代周期) |
// | least squares | 最小二乘 |
