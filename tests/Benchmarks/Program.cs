using System.Globalization;
using System.Text;
using Benchmarks;
using static Benchmarks.Statistics;

// dotnet tests/Benchmarks/bin/Release/net10.0/Benchmarks.dll [--repetitions N | memory | ops | kernels [--repetitions N] | speed [--repetitions N]]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args.Length == 3 && args[0] == "memory-child")
{
    MemoryProbe.RunChild(int.Parse(args[1]), args[2] == "scoped");
    return 0;
}
if (args.Length == 1 && args[0] == "memory")
{
    WriteArtifact("benchmarks-memory.md", "Memory: peak RSS of notebook 02's loop", MemoryProbe.Table());
    return 0;
}
if (args.Length == 1 && args[0] == "ops")
{
    var hasPython = PythonOrSayWhyNot();
    WriteArtifact("benchmarks-ops.md", "Where a step's time goes: notebook 02's step, piece by piece",
        $"Compiled C# (Release, no notebook cell) against PyTorch, µs per call: per round the median of 5 batches of 20000, then the median of {OpCosts.Rounds} alternating rounds; {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.\n\n" + OpCosts.Table(FindRepoRoot(), hasPython));
    return 0;
}
if (args is ["kernels", ..])
{
    var kernelRepetitions = args is [_, "--repetitions", var n] && int.TryParse(n, out var k) && k >= 1 ? k : args.Length == 1 ? 3 : 0;
    var runner = Path.Combine(FindRepoRoot(), "tests/NotebookRunner/bin/Debug/net10.0/NotebookRunner.dll");
    if (kernelRepetitions == 0 || !File.Exists(runner))
    {
        Console.Error.WriteLine(kernelRepetitions == 0 ? "usage: Benchmarks.dll kernels [--repetitions N]" : $"{runner} is missing: build the runner first with `dotnet build tests/NotebookRunner`.");
        return 2;
    }
    WriteArtifact("benchmarks-kernels.md", "Jupyter kernels: the series through nbclient", KernelComparison.Table(FindRepoRoot(), runner, kernelRepetitions));
    return 0;
}
if (args is ["speed", ..])
{
    var speedRepetitions = args is [_, "--repetitions", var n] && int.TryParse(n, out var k) && k >= 1 ? k : args.Length == 1 ? 3 : 0;
    var runner = Path.Combine(FindRepoRoot(), "tests/NotebookRunner/bin/Debug/net10.0/NotebookRunner.dll");
    if (speedRepetitions == 0 || !File.Exists(runner))
    {
        Console.Error.WriteLine(speedRepetitions == 0 ? "usage: Benchmarks.dll speed [--repetitions N]" : $"{runner} is missing: build the runner first with `dotnet build tests/NotebookRunner`.");
        return 2;
    }
    if (!DebianPython.Imports(DebianPython.Jupyter, out var missing))
    {
        Console.Error.WriteLine($"Benchmarks speed: {missing}");
        return 2;
    }
    WriteArtifact("benchmarks-speed.md", "Speed: the series against the PyTorch originals, memory against Microsoft's engine, kernel latency",
        SpeedMode.Report(FindRepoRoot(), runner, speedRepetitions));
    return 0;
}
const string Usage = "usage: Benchmarks.dll [--repetitions N (at least 1, default 5) | memory | ops | kernels [--repetitions N] | speed [--repetitions N]]";
var repetitions = 5;
if (args.Length == 2 && args[0] == "--repetitions" && int.TryParse(args[1], out var asked) && asked >= 1) repetitions = asked;
else if (args.Length != 0)
{
    Console.Error.WriteLine($"Benchmarks: cannot use the arguments '{string.Join(' ', args)}'; {Usage}");
    return 2;
}

var repoRoot = FindRepoRoot();
var runnerDll = Path.Combine(repoRoot, "tests/NotebookRunner/bin/Debug/net10.0/NotebookRunner.dll");
if (!File.Exists(runnerDll))
{
    Console.Error.WriteLine($"{runnerDll} is missing: build the runner first with `dotnet build tests/NotebookRunner`.");
    return 2;
}
var notebooks = Directory.GetFiles(Path.Combine(repoRoot, "notebooks"), "*.ipynb").Order()
    .Select(p => Path.GetRelativePath(repoRoot, p)).ToList();
var withPython = PythonOrSayWhyNot();

using var scratch = new ScratchFolder("benchmarks");
var outDir = scratch.Root;
var csharp = notebooks.ToDictionary(n => n, _ => new List<NotebookTiming>());
var python = notebooks.ToDictionary(n => n, _ => new List<double>());
var seriesInOneProcess = new List<double>();
for (var rep = 0; rep <= repetitions; rep++)  // rep 0 is the warm-up (package restore, native load, JIT, file cache)
{
    Console.Error.WriteLine(rep == 0 ? "warm-up" : $"repetition {rep}/{repetitions}");
    foreach (var notebook in notebooks)  // each notebook right next to its PyTorch loop, so both meet the same machine
    {
        var timing = NotebookTiming.Run(repoRoot, runnerDll, notebook, outDir);
        var torch = withPython ? PyTorchLoops.Run(repoRoot, Path.GetFileNameWithoutExtension(notebook)) : double.NaN;
        if (rep == 0) continue;
        csharp[notebook].Add(timing);
        if (withPython) python[notebook].Add(torch);
    }
    // The README's command: all five notebooks in one runner process.
    var series = Runner.Run(repoRoot, runnerDll, "run", "notebooks", "-o", Path.Combine(outDir, "series"));
    if (rep > 0) seriesInOneProcess.Add(series);
}

var table = new StringBuilder();
table.AppendLine($"Median of {repetitions} alternating repetitions after a warm-up; {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.");
table.AppendLine("C# = the run time of the notebook's `training` cell as the runner executes it (its compile time is in the runner's overhead); PyTorch = the source tutorial's loop in Debian python3-torch 1.13, one fresh process per loop as the runner runs one per notebook.");
table.AppendLine("Runner overhead = process wall time minus the cells' own run time: Roslyn compiling cells, formatting values, restore and native load, start-up.");
table.AppendLine();
table.AppendLine("| notebook | steps | C# steps/s | PyTorch steps/s | ratio C#/PyTorch | notebook wall s | process wall s | runner overhead s | of which compile s | format s |");
table.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var n in notebooks)
{
    var runs = csharp[n];
    var cs = Median(runs.Select(r => r.StepsPerSecond));
    var py = Median(python[n]);
    table.AppendLine($"| {Path.GetFileNameWithoutExtension(n)} | {runs[0].Steps} | {cs:F0} | {(withPython ? py.ToString("F0") : "n/a")} | {(withPython ? (cs / py).ToString("F2") : "n/a")} | {Median(runs.Select(r => r.NotebookSeconds)):F2} | {Median(runs.Select(r => r.ProcessSeconds)):F2} | {Median(runs.Select(r => r.OverheadSeconds)):F2} | {Median(runs.Select(r => r.CompileSeconds)):F2} | {Median(runs.Select(r => r.FormatSeconds)):F2} |");
}
double Series(Func<NotebookTiming, double> seconds) => Median(Enumerable.Range(0, repetitions).Select(i => notebooks.Sum(n => seconds(csharp[n][i]))));
table.AppendLine($"| **series, a process per notebook** | | | | | {Series(r => r.NotebookSeconds):F2} | {Series(r => r.ProcessSeconds):F2} | {Series(r => r.OverheadSeconds):F2} | {Series(r => r.CompileSeconds):F2} | {Series(r => r.FormatSeconds):F2} |");
table.AppendLine($"| **series, one process (`run notebooks`, the README's command)** | | | | | | {Median(seriesInOneProcess):F2} | | | |");

WriteArtifact("benchmarks.md", "Benchmarks", table.ToString());
return 0;

static bool PythonOrSayWhyNot()
{
    if (DebianPython.Imports(DebianPython.PyTorch, out var problem)) return true;
    Console.Error.WriteLine(problem + " -- showing the C# side alone.");
    return false;
}

static void WriteArtifact(string fileName, string title, string table)
{
    Console.WriteLine(table);
    var path = Path.Combine(FindRepoRoot(), "artifacts", fileName);
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    File.WriteAllText(path, $"# {title}\n\n{table}");
    Console.Error.WriteLine($"wrote {path}");
}

static string FindRepoRoot() => TestSupport.Repository.Root;
