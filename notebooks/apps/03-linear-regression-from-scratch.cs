// 03-linear-regression-from-scratch.cs: ../03-linear-regression-from-scratch.ipynb as a .NET file-based app, made by the notebook runner's `export`;
// edit the notebook and export it again rather than this file. Run it from this folder with
//     dotnet run 03-linear-regression-from-scratch.cs -- [-p NAME VALUE]... [--figures DIR]
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
var notebook = NotebookRunner.Export.App.NotebookApp.Start(args, "03-linear-regression-from-scratch.cs", [new NotebookRunner.Parameters.ParameterDeclaration("seed", "int", "42"), new NotebookRunner.Parameters.ParameterDeclaration("epochs", "int", "3"), new NotebookRunner.Parameters.ParameterDeclaration("lr", "double", "0.03"), new NotebookRunner.Parameters.ParameterDeclaration("batchSize", "int", "10")]);
void display(object value, params string[] mimeTypes) => notebook.Display(value, mimeTypes);

// %% [markdown]
// # 03 · Linear regression from scratch
//
// *Class reading order 01 → 02 → 03 → 04 → 05: this is the third notebook; it relies on `requires_grad`, `backward()` and `no_grad` from 01 and the manual loop of 02.*
//
// Based on the PyTorch tutorial *"从0开始线性回归"* (linear regression from scratch, after d2l.ai), rewritten in C# with TorchSharp. We build every piece ourselves: the data, the minibatch reader, the model, the loss and the optimizer.
//
// ## What you will learn
// 1. How to generate a synthetic dataset $\mathbf{y} = \mathbf{X}\mathbf{w} + b + \epsilon$.
// 2. How to read it in shuffled minibatches.
// 3. How to write a linear model, the squared loss and minibatch stochastic gradient descent by hand.
// 4. Why evaluation runs under `torch.no_grad()`, how to train, and what training can recover: the least-squares fit of the sampled data.
//
// Cells whose first line is `//@save` follow d2l's `#@save` mark, which keeps a function in d2l's own package for its later chapters (the source marks `synthetic_data` and `sgd`; we mark all five functions this notebook writes, because the helpers keep all five). No later notebook of this series calls them; the same functions are also in `helpers/helpers.csx`, so a notebook of your own can `#load` them.

// %% [markdown]
// ## Setup
//
// The first cell pulls TorchSharp (its CPU build) and ScottPlot from NuGet; pinned versions keep the results reproducible.

// %%
// #r "nuget: TorchSharp-cpu, 0.107.0"
// #r "nuget: ScottPlot, 5.1.59"

// %% [markdown]
// The shared helpers of the series: plotting (`PlotData`, `PlotLoss`, `PlotResiduals`), `FormatTensor` (prints tensors as PyTorch does) and `CheckFinite` (stops a diverging loop).

// %%
Helpers.Initialize();  // #load "../helpers/helpers.csx"

// %% [markdown]
// A `#load`ed file's `using`s do not flow into the notebook, so we import TorchSharp here. `using static TorchSharp.torch` lets us write the tensor type as plain `Tensor`; functions we still call with their prefix, `torch.normal(...)`, as PyTorch code writes them.

// %%
// using TorchSharp; is at the top of this file: C# puts using directives first.
// using static TorchSharp.torch; is at the top of this file: C# puts using directives first.

// %% [markdown]
// The knobs: `seed` for reproducibility, `epochs` (passes over the data), the learning rate `lr` and `batchSize` (examples per minibatch). Tools that run notebooks headlessly (our runner, papermill) can override this `parameters` cell.

// %% tags=["parameters"]
var seed = 42;
var epochs = 3;
var lr = 0.03;
var batchSize = 10;
notebook.Parameter("seed", ref seed);
notebook.Parameter("epochs", ref epochs);
notebook.Parameter("lr", ref lr);
notebook.Parameter("batchSize", ref batchSize);

// %% [markdown]
// `device` is the GPU when TorchSharp finds CUDA and the CPU otherwise (with the CPU package loaded above, always the CPU). Random numbers are drawn on the CPU generator and the results moved to `device`, so they are the same on either.
//
// Seeding makes every run of this notebook draw the same numbers. TorchSharp's generator is PyTorch's: PyTorch seeded with the same seed draws the same features, labels and initial weights as below (the repository's `data/reference/` holds PyTorch's values for seed 42). The original tutorial never seeds, so the numbers it would print come from an unseeded run and differ from ours.

// %%
var device = torch.cuda.is_available() ? torch.CUDA : torch.CPU;
Console.WriteLine($"device: {device}");
torch.manual_seed(seed);
if (torch.cuda.is_available()) torch.cuda.manual_seed_all(seed);  // TorchSharp's manual_seed leaves CUDA's generator alone

// %% [markdown]
// ## 1. Generating the dataset
//
// We use the linear model's parameters $\mathbf{w} = [2, -3.4]^\top$, $b = 4.2$ and a noise term $\epsilon$ to generate the dataset and its labels: $\mathbf{y} = \mathbf{X}\mathbf{w} + b + \epsilon$. The features are drawn from a standard normal distribution (`torch.normal(mean, std, size)`), the labels use a matrix product (`torch.matmul`), and the noise has standard deviation 0.01. Labels come back as a column, shape `[n, 1]`.

// %%
//@save
(Tensor X, Tensor y) SyntheticData(Tensor w, double b, long numExamples)
{
    // Generate y = Xw + b + noise, with the draws in d2l's order: X first, then the noise.
    var X = torch.normal(0, 1, new long[] { numExamples, w.shape[0] });
    var y = torch.matmul(X, w) + b;
    y += torch.normal(0, 0.01, y.shape);
    return (X, y.reshape(-1, 1));
}

// %% [markdown]
// Generate 1000 examples with two features each (on the CPU generator), then move them to `device`. The true weights are built with `torch.from_array`, as in notebook 02.

// %%
var trueW = torch.from_array(new float[] { 2, -3.4f });
var trueB = 4.2;
var (features, labels) = SyntheticData(trueW, trueB, 1000);
features = features.to(device);
labels = labels.to(device);
Console.WriteLine($"features: [{string.Join(", ", features.shape)}], labels: [{string.Join(", ", labels.shape)}]");
Console.WriteLine($"first example: features {FormatTensor(features[0])}, label {FormatTensor(labels[0])}");

// %% [markdown]
// The labels against the second feature (`features.select(1, 1)` takes column 1 along dimension 1, Python's `features[:, 1]`): a clear linear relation (slope −3.4) plus the spread that the first feature adds.

// %%
display(PlotData(features.select(1, 1), labels, "labels vs the second feature", "x₂ (second feature)", "y (label)"));

// %% [markdown]
// ## 2. Reading the dataset
//
// Training works on minibatches: `DataIter` shuffles the example indices and yields `batchSize` features and labels at a time, so each pass visits the examples in a random order. `index_select(0, batchIndices)` takes the rows at those indices (Python's `features[batch_indices]`).
//
// The original shuffles with Python's `random.shuffle`, a generator separate from torch's; we pass in a `System.Random` for the same job. It is not Python's generator, so even with both seeded the minibatch order differs from a Python run, and the trained `w` and `b` agree with Python's only approximately (both end near the least-squares fit).

// %%
//@save
IEnumerable<(Tensor X, Tensor y)> DataIter(int batchSize, Tensor features, Tensor labels, System.Random random)
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

// %% [markdown]
// One `System.Random` seeded with `seed` drives the shuffles. Here is the first minibatch: 10 feature rows and their 10 labels.

// %%
var random = new System.Random(seed);
var (firstX, firstY) = DataIter(batchSize, features, labels, random).First();
display(firstX);
display(firstY);

// %% [markdown]
// ## 3. Initializing the model parameters
//
// The weights start as small random numbers, $\mathcal{N}(0, 0.01^2)$, and the bias at zero. Both require gradients, because training updates them. The weights are drawn on the CPU generator and moved to `device` before they start requiring gradients, so that `w` is a leaf of the computation graph (a tensor moved to a GPU after `requires_grad` would be the result of an operation, and its `.grad` would stay empty). We also keep a copy of these starting values for the training loop.

// %%
var w = torch.normal(0, 0.01, new long[] { 2, 1 }).to(device).requires_grad_(true);
var b = torch.zeros(1, device: device, requires_grad: true);
var initialW = w.detach().clone();
var initialB = b.detach().clone();
display(w);
display(b);

// %% [markdown]
// ## 4. Defining the model
//
// The linear regression model: the matrix–vector product of the features and the weights, plus the bias (broadcast to every example).

// %%
//@save
Tensor LinReg(Tensor X, Tensor w, Tensor b)
{
    // The linear regression model.
    return torch.matmul(X, w) + b;
}

// %% [markdown]
// ## 5. Defining the loss function
//
// The squared loss $\frac{1}{2}(\hat{y} - y)^2$ per example. We reshape `y` to the shape of `yHat`, so that a row of labels and a column of predictions are never broadcast against each other.

// %%
//@save
Tensor SquaredLoss(Tensor yHat, Tensor y)
{
    // Squared loss, one value per example.
    return (yHat - y.reshape(yHat.shape)).pow(2) / 2;
}

// %% [markdown]
// ## 6. Defining the optimization algorithm
//
// Minibatch stochastic gradient descent: step each parameter against its gradient, scaled by the learning rate; dividing by `batchSize` turns the summed loss's gradient into a mean. The update runs under `no_grad` (it must not be recorded in the graph) and changes the parameters in place; afterwards the gradients are zeroed because `backward()` accumulates them.

// %%
//@save
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

// %% [markdown]
// > In deep learning, training and evaluation are two separate but closely linked processes. Training needs gradients to update the parameters; in evaluation, computing gradients is an unnecessary burden. `torch.no_grad()` exists for exactly this: it runs the forward pass without recording gradients, which saves memory and speeds up inference.
//
// We use it below for the full-data loss after each epoch.

// %% [markdown]
// ## 7. Training
//
// Every minibatch step creates tensors (predictions, losses, gradient wrappers) in native memory that .NET's garbage collector does not track. `torch.NewDisposeScope()` disposes all tensors created inside its `using` block when the block ends; `w` and `b` survive because they were created outside the scope and are updated in place. An outer scope per epoch also frees the minibatches `DataIter` produced.
//
// In each step: compute the minibatch loss `l` (shape `[batchSize, 1]`, not a scalar), sum it and call `backward()` to get the gradients of `w` and `b`, then update them with `Sgd`. After each epoch (counted from 1) we evaluate the loss on all the data under `no_grad`; `CheckFinite` stops training with a clear message if it becomes NaN or infinite. The cell starts by setting `w` and `b` back to the starting values of section 3 (in place, under `no_grad`) and the shuffles back to a `System.Random` seeded with `seed`, so rerunning it (say after changing `lr`) gives what a fresh run with that `lr` gives, instead of continuing from parameters that have already converged. Its first minibatch is therefore the one shown in section 2.

// %%
Func<Tensor, Tensor, Tensor, Tensor> net = LinReg;
Func<Tensor, Tensor, Tensor> loss = SquaredLoss;
var losses = new List<double>();  // the mean minibatch loss of every step, for the curve
using (torch.no_grad())
{
    w.copy_(initialW);
    b.copy_(initialB);
}
random = new System.Random(seed);
for (int epoch = 1; epoch <= epochs; epoch++)
{
    using (torch.NewDisposeScope())
    {
        foreach (var (X, y) in DataIter(batchSize, features, labels, random))
        {
            using (torch.NewDisposeScope())
            {
                var l = loss(net(X, w, b), y);  // minibatch loss of X and y
                // l has shape (batchSize, 1), not a scalar: sum its elements, then compute the gradients of [w, b]
                l.sum().backward();
                Sgd(new[] { w, b }, lr, batchSize);  // update the parameters with their gradients
                losses.Add(l.mean().item<float>());
            }
        }
        using (torch.no_grad())
        {
            var trainL = loss(net(features, w, b), labels);
            var value = trainL.mean().item<float>();
            CheckFinite(value, epoch, lr);
            Console.WriteLine($"epoch {epoch}, loss {value:F6}");
        }
    }
}

// %% [markdown]
// The minibatch loss of every step, on a logarithmic axis: it falls steadily, about one order of magnitude every 40 steps, through the first two epochs (200 steps) and into the third, then fluctuates around the level the noise leaves, about $\frac{1}{2}\cdot 0.01^2 = 5\cdot 10^{-5}$.

// %%
display(PlotLoss(losses, "minibatch loss", "step"));

// %% [markdown]
// Labels plotted against the model's predictions would lie on the line $y = \hat{y}$ so closely that the errors are invisible at that scale. The residuals $y - \hat{y}$ (computed under `no_grad`) show them at their own scale: what is left after the fit should be the noise, scattered around zero with a standard deviation near 0.01 and no pattern along the predictions.

// %%
Tensor yHat;
using (torch.no_grad())
{
    yHat = LinReg(features, w, b);
}
Console.WriteLine($"standard deviation of the residuals: {(labels - yHat).std().ToDouble():F4}");
display(PlotResiduals(yHat, labels, "residuals after training"));

// %% [markdown]
// Since we generated the data ourselves, we know the true parameters and can measure how well training recovered them.

// %%
Console.WriteLine($"error in estimating w: {FormatTensor((trueW.to(device) - w.reshape(trueW.shape)).detach())}");
Console.WriteLine($"error in estimating b: {FormatTensor((trueB - b).detach())}");

// %% [markdown]
// Gradient descent minimises the loss on the sampled data. Its minimum is the least-squares fit of these 1000 examples, which the noise moves slightly away from the parameters that generated them, $\mathbf{w} = [2, -3.4]$, $b = 4.2$. `torch.linalg.lstsq` computes that fit in closed form (the columns of `A` are the two features and a 1 for the bias); we print it beside the trained and the true parameters.

// %%
var A = torch.cat(new[] { features, torch.ones(features.shape[0], 1, device: device) }, 1).to(torch.float64);
var solution = torch.linalg.lstsq(A, labels.to(torch.float64)).Solution;
Console.WriteLine($"least squares: w = [{solution[0, 0].ToDouble():F5}, {solution[1, 0].ToDouble():F5}], b = {solution[2, 0].ToDouble():F5}");
Console.WriteLine($"trained:       w = [{w[0, 0].ToDouble():F5}, {w[1, 0].ToDouble():F5}], b = {b[0].ToDouble():F5}");
Console.WriteLine($"true:          w = [{trueW[0].ToDouble():F5}, {trueW[1].ToDouble():F5}], b = {trueB:F5}");

// %% [markdown]
// What the table shows: the least-squares fit is at most 0.00021 from the true parameters (noise of standard deviation 0.01 moves the best fit of 1000 examples very little), while the trained values are up to 0.0009 from both. Minibatch SGD with a constant learning rate follows the gradient of only `batchSize` examples at each step, so `w` and `b` keep jittering around the least-squares fit by more than that fit's distance from the truth. At this noise level the table cannot show which of the two training heads for; notebook 02, whose noise is ten times larger and whose every step uses all the data, shows that it is the least-squares fit.

// %% [markdown]
// ## PyTorch → TorchSharp
//
// | PyTorch | TorchSharp |
// |---|---|
// | `torch.normal(0, 1, (n, 2))` | `torch.normal(0, 1, new long[] { n, 2 })` |
// | `random.shuffle(indices)` | `random.Shuffle(indices)` with a `System.Random` (a different generator) |
// | `torch.tensor(indices[i:j])` | `torch.from_array(indices[i..j], device)` |
// | `features[batch_indices]` | `features.index_select(0, batchIndices)` |
// | a generator with `yield` | `IEnumerable<(Tensor, Tensor)>` with `yield return` |
// | `with torch.no_grad(): param -= lr * param.grad / batch_size` | `using (torch.no_grad()) { param.sub_(lr * param.grad / batchSize); }` |
// | `float(train_l.mean())` | `trainL.mean().item<float>()` |
// | `torch.linalg.lstsq(A, y).solution` | `torch.linalg.lstsq(A, y).Solution` |

// %% [markdown]
// ## Exercises
// 1. What happens if the weights are initialized to zero? Does the algorithm still work?
// 2. Try several learning rates (e.g. `0.001`, `0.3`, `3`) in the `parameters` cell, then rerun the training cell and the cells below it. How fast does the loss fall, and when does training diverge?
// 3. Why does `Sgd` divide by `batchSize`? What changes if `l.mean().backward()` is used instead of `l.sum().backward()`?
// 4. What happens to `DataIter` if the number of examples is not divisible by the batch size? Try 1003 examples.
// 5. Run with a different `seed` and compare the errors in `w` and `b`, and the least-squares fit, with those above.
//
// The answers, with their code and outputs, are in `solutions/03-linear-regression-from-scratch-solutions.ipynb`.

// %% [markdown]
// ## Differences from the source
//
// - **One minibatch printed.** The source prints every minibatch of the first pass with `time.sleep(2)` between them (100 batches, over three minutes); we print the first one.
// - **Shuffling.** The source shuffles with Python's `random.shuffle`; we use a `System.Random` seeded with `seed`. The two generators differ, so the minibatch order, and with it the trained values, agree with a Python run only approximately.
// - **Seeded.** The source never seeds; this notebook draws PyTorch's features, labels and initial weights for its `seed`.
// - **Tensors from arrays, index tensors.** The source's `torch.tensor([2, -3.4])` and `torch.tensor(indices[...])` are `torch.from_array` (notebook 02 says why), and `features[batch_indices]` is `index_select`.
// - **Added:** the plot of the data, the loss curve, the residuals, the comparison with the true parameters and with the least-squares fit, dispose scopes, and a training cell that starts from the initial parameters and the same shuffles whenever it runs.

// %% [markdown]
// ## Glossary
//
// | English | 中文 |
// |---|---|
// | dataset | 数据集 |
// | feature | 特征 |
// | label | 标签 |
// | noise | 噪声 |
// | normal distribution | 正态分布 |
// | matrix multiplication | 矩阵乘法 |
// | minibatch | 小批量 |
// | batch size | 批量大小 |
// | model parameters | 模型参数 |
// | linear regression model | 线性回归模型 |
// | squared loss | 平方损失 (均方损失) |
// | optimization algorithm | 优化算法 |
// | minibatch stochastic gradient descent | 小批量随机梯度下降 |
// | learning rate | 学习率 |
// | epoch | 迭代周期 |
// | training / evaluation | 训练 / 评估 |
// | inference | 推理 |
// | residual | 残差 |
// | least squares | 最小二乘 |
