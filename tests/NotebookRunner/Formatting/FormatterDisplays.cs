using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Formatting;
using NotebookRunner.Execution;
using NotebookRunner.Notebooks;

namespace NotebookRunner.Formatting;

/// <summary>
/// The Formatting package raises Formatter.OnFormatterEvent for every `display()`, `.Display()`, `.DisplayAs()` and
/// `DisplayedValue.Update()`; Polyglot publishes those as display outputs, and so does the runner, into the outputs
/// of the cell that is running. The event is internal (the kernel sees it through InternalsVisibleTo), so the
/// runner subscribes by reflection.
/// An update cannot replace the output it updates: in Formatting 1.0.0-beta.26120.1 `Update()` raises a new
/// DisplayedValue whose DisplayId is new too (the kernel's own DisplayedValueUpdated event names an id no display
/// had, measured), so the runner shows the updated value as one more output.
/// </summary>
public static class FormatterDisplays
{
    private static readonly EventInfo? FormatterEvent =
        typeof(Formatter).GetEvent("OnFormatterEvent", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic);

    private static readonly Action<DisplayedValue> Handler = Show;

    /// <summary>Subscribes once (again after a Formatter reset, harmlessly).</summary>
    public static void Install()
    {
        if (FormatterEvent is null)
            throw new InvalidOperationException($"{typeof(Formatter).Assembly.GetName()} has no Formatter.OnFormatterEvent; display() cannot show anything with this Formatting version");
        FormatterEvent.GetRemoveMethod(nonPublic: true)!.Invoke(null, [Handler]);
        FormatterEvent.GetAddMethod(nonPublic: true)!.Invoke(null, [Handler]);
    }

    private static void Show(DisplayedValue displayed)
    {
        var data = new JsonObject();
        foreach (var value in displayed.FormattedValues.Where(v => !v.SuppressDisplay))
            data[value.MimeType] = value.MimeType.StartsWith("text/", StringComparison.Ordinal) ? NotebookCell.SplitLines(value.Value) : value.Value;
        CellOutputs.AddDisplayData(data);
    }
}
