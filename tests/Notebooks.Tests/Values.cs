namespace Notebooks.Tests;

/// Flattens a report variable or a reference value ({"shape", "values"} or a plain number) to doubles.
public static class Values
{
    public static double[] Flat(JsonNode? node) => node switch
    {
        JsonObject o when o["values"] is JsonArray a => a.Select(v => v!.GetValue<double>()).ToArray(),
        JsonArray a => a.Select(v => v!.GetValue<double>()).ToArray(),
        JsonValue v => [v.GetValue<double>()],
        _ => [],
    };

    public static double MaxAbsDifference(double[] a, double[] b) =>
        a.Zip(b, (x, y) => Math.Abs(x - y)).DefaultIfEmpty(double.PositiveInfinity).Max();
}
