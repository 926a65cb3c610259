using System.Globalization;

namespace Notebooks.Tests;

/// helpers.csx's MakeRegression, run in a notebook through the real runner, against scikit-learn's own arrays.
public class MakeRegressionTests
{
    // y is a dot product that NumPy hands to BLAS, which may sum in another order than the C# loop (and log may
    // round differently off glibc): allow 1e-12 relative to max(1, |value|), far below any digit the notebooks show.
    private const double Tolerance = 1e-12;
    private const string Fixture = "make-regression.ipynb";

    private static readonly string RepoRoot = Repository.Root;

    private static JsonArray ReferenceCases() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepoRoot, "data", "reference", "make_regression.json")))!["cases"]!.AsArray();

    public static TheoryData<string> CaseNames => new(ReferenceCases().Select(c => (string)c!["name"]!));

    [Theory, MemberData(nameof(CaseNames))]
    public void make_regression_returns_scikit_learns_arrays_for_every_reference_argument_set(string caseName)
    {
        var reference = ReferenceCases().Single(c => (string)c!["name"]! == caseName)!;
        var args = reference["args"]!;
        var variables = RunFixture(
            ("nSamples", Integer(args["n_samples"])), ("nFeatures", Integer(args["n_features"])),
            ("nInformative", Integer(args["n_informative"])), ("bias", Real(args["bias"])), ("noise", Real(args["noise"])),
            ("shuffle", ((bool)args["shuffle"]!).ToString()), ("randomState", Integer(args["random_state"])));

        var nSamples = (long)args["n_samples"]!;
        var nFeatures = (long)args["n_features"]!;
        AssertArray(caseName, "X", [nSamples, nFeatures], Values.Flat(reference["X"]), variables["X"]);
        AssertArray(caseName, "y", [nSamples], Values.Flat(reference["y"]), variables["y"]);
        // scikit-learn squeezes coef to shape [] when n_features is 1; MakeRegression keeps it [nFeatures].
        AssertArray(caseName, "coef", [nFeatures], Values.Flat(reference["coef"]), variables["coef"]);
    }

    [Fact]
    public void make_regression_with_notebook_03s_arguments_returns_the_dataset_stored_in_data()
    {
        var variables = RunFixture(
            ("nSamples", "100"), ("nFeatures", "1"), ("nInformative", "10"), ("bias", "0"), ("noise", "20"),
            ("shuffle", "True"), ("randomState", "1"));

        var rows = File.ReadAllLines(Path.Combine(RepoRoot, "data", "make_regression.csv")).Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => line.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())
            .ToArray();
        var coef = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoRoot, "data", "make_regression.coef.json")))!["coef"];
        AssertArray("data/make_regression.csv", "X", [rows.Length, 1], rows.Select(r => r[0]).ToArray(), variables["X"]);
        AssertArray("data/make_regression.csv", "y", [rows.Length], rows.Select(r => r[1]).ToArray(), variables["y"]);
        AssertArray("data/make_regression.coef.json", "coef", [1], Values.Flat(coef), variables["coef"]);
    }

    private static JsonNode RunFixture(params (string Name, string Value)[] parameters)
    {
        var report = FixtureNotebookRun.Report(Fixture, parameters);
        return report["variables"]!;
    }

    private static void AssertArray(string source, string name, long[] shape, double[] expected, JsonNode? actualNode)
    {
        Assert.True(actualNode is JsonObject, $"{source}: the notebook reported no tensor {name}");
        var actualShape = actualNode!["shape"]!.AsArray().Select(d => (long)d!).ToArray();
        Assert.True(actualShape.SequenceEqual(shape),
            $"{source}: {name} has shape [{string.Join(", ", actualShape)}], expected [{string.Join(", ", shape)}]");
        var actual = Values.Flat(actualNode);
        Assert.True(actual.Length == expected.Length, $"{source}: {name} has {actual.Length} values, expected {expected.Length}");
        for (int i = 0; i < expected.Length; i++)
        {
            var difference = Math.Abs(actual[i] - expected[i]);
            Assert.True(difference <= Tolerance * Math.Max(1.0, Math.Abs(expected[i])),
                $"{source}: {name}[{i}] = {actual[i]:R}, scikit-learn {expected[i]:R} (|difference| {difference:R} " +
                $"> {Tolerance} x max(1, |value|))");
        }
    }

    private static string Integer(JsonNode? node) => ((long)node!).ToString(CultureInfo.InvariantCulture);

    private static string Real(JsonNode? node) => ((double)node!).ToString("R", CultureInfo.InvariantCulture);
}
