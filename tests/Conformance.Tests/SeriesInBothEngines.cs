using System.Collections.Concurrent;

namespace Conformance.Tests;

/// <summary>
/// The five notebooks run once in Microsoft's kernel (one fresh kernel per notebook, as a learner opens them)
/// and once in our runner (in the background meanwhile), shared by every test of the collection.
/// </summary>
public sealed class SeriesInBothEngines
{
    public static readonly string[] Stems =
    [
        "01-autograd-requires-grad", "02-manual-autograd", "03-linear-regression-from-scratch",
        "04-nn-module", "05-make-regression",
    ];

    private readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<EngineCell>>> _kernel = new();
    private readonly Lazy<Task<IReadOnlyDictionary<string, IReadOnlyList<EngineCell>>>> _runner;

    public SeriesInBothEngines()
    {
        _runner = new(() => Task.Run(() => OurRunner.Run(Stems.Select(RepositoryFiles.Notebook).ToList())));
    }

    public IReadOnlyList<EngineCell> InKernel(string stem)
    {
        _ = _runner.Value;
        return _kernel.GetOrAdd(stem, s => new(() => MicrosoftKernel.Run(RepositoryFiles.Notebook(s)))).Value;
    }

    public IReadOnlyList<EngineCell> InRunner(string stem) => _runner.Value.GetAwaiter().GetResult()[stem];
}

[CollectionDefinition("both engines")]
public sealed class BothEnginesCollection : ICollectionFixture<SeriesInBothEngines>;
