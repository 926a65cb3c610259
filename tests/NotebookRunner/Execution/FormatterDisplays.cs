using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Formatting;
using NotebookRunner.Notebooks;

namespace NotebookRunner.Execution;

/// <summary>
/// Puts what `display()`, `.Display()`, `.DisplayAs()` and `DisplayedValue.Update()` show into the running cell's
/// outputs as display_data, each with a display id. The Formatting package raises Formatter.OnFormatterEvent for
/// them; the event is internal (Polyglot's kernel sees it through InternalsVisibleTo), so the runner subscribes by
/// reflection.
/// Only the value our `display()` returns updates in place: it is the very DisplayedValue whose output was shown
/// (a ConditionalWeakTable maps it to that output), so its `Update()` replaces that output: in the kernel,
/// update_display_data with its display id, from any later cell too; in `run`, that output in the saved notebook,
/// as nbclient does. `.Display()` and `.DisplayAs()` (Formatting 1.0.0-beta.26120.1) raise one DisplayedValue and
/// return another, whose DisplayId is different (measured), so nobody can tell which output an update of what
/// they return belongs to: it is shown as one more display output, with an id of its own.
/// Microsoft's kernel (1.0.712001) does not update in place even for `display()`: its `display()` is
/// `value.Display(mimeTypes)`, so its DisplayedValueUpdated names an id no output has (measured). Its Jupyter
/// kernel then sends update_display_data for that unknown id, which nbclient ignores, and Polyglot's VS Code
/// extension (by its source) appends an output whose id it does not track, so there the update is one more output.
/// The runner keeps the contract DisplayedValue documents ("can be used to later update the display"); tests/Conformance.Tests' display-update fixture records the difference.
/// </summary>
public sealed class FormatterDisplays : IDisposable
{
    private static readonly EventInfo? FormatterEvent =
        typeof(Formatter).GetEvent("OnFormatterEvent", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic);

    private readonly CellOutputs _outputs;
    private readonly Action<DisplayedValue> _handler;

    // The outputs our display() showed, by the DisplayedValue it returned; an entry lives as long as the notebook can reach that value.
    private readonly ConditionalWeakTable<DisplayedValue, ShownDisplay> _shown = new();

    /// <summary>
    /// The displays of the session whose cell runs now. Formatter's event and Polyglot's `display()` are static, so a
    /// cell reaches its session through this one process-wide route, which the session points at itself before each cell.
    /// </summary>
    public static FormatterDisplays? Active { get; set; }

    /// <summary>Subscribes to the Formatting package's display event until disposed.</summary>
    public FormatterDisplays(CellOutputs outputs)
    {
        if (FormatterEvent is null)
            throw new InvalidOperationException($"{typeof(Formatter).Assembly.GetName()} has no Formatter.OnFormatterEvent; display() cannot show anything with this Formatting version");
        _outputs = outputs;
        _handler = Show;
        FormatterEvent.GetAddMethod(nonPublic: true)!.Invoke(null, [_handler]);
    }

    /// <summary>Our `display()`: shows the value and returns the DisplayedValue that output belongs to.</summary>
    public DisplayedValue Display(object? value, string[] mimeTypes)
    {
        var displayed = new DisplayedValue(value, FormattedValue.CreateManyFromObject(value, mimeTypes));
        _shown.AddOrUpdate(displayed, _outputs.AddDisplayData(DataOf(displayed), displayed.DisplayId));
        return displayed;
    }

    public void Dispose()
    {
        FormatterEvent!.GetRemoveMethod(nonPublic: true)!.Invoke(null, [_handler]);
        if (ReferenceEquals(Active, this)) Active = null;
    }

    private void Show(DisplayedValue displayed)
    {
        if (displayed.IsUpdated && _shown.TryGetValue(displayed, out var shown) && _outputs.UpdateDisplayData(shown, DataOf(displayed)))
            return;
        // A first display keeps its DisplayedValue's id; an update nobody can place gets an id of its own, so a
        // later update of the same value is appended too instead of replacing this one (as the conformance tests
        // read Microsoft's kernel's events: each update of an unknown id is one more output).
        _outputs.AddDisplayData(DataOf(displayed), displayed.IsUpdated ? null : displayed.DisplayId);
    }

    private static JsonObject DataOf(DisplayedValue displayed)
    {
        var data = new JsonObject();
        foreach (var value in displayed.FormattedValues.Where(v => !v.SuppressDisplay))
            data[value.MimeType] = value.MimeType.StartsWith("text/", StringComparison.Ordinal) ? NotebookCell.SplitLines(value.Value) : value.Value;
        return data;
    }
}
