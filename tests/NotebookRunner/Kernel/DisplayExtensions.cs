using Microsoft.DotNet.Interactive;
using NotebookRunner.Execution;

// Polyglot declares Display() in namespace System so that it is in scope without a using; so do we.
namespace System;

public static class DisplayExtensions
{
    public static DisplayedValue Display(this object? value, params string[] mimeTypes)
    {
        var output = CellOutputs.AddDisplay(value, mimeTypes);
        return new DisplayedValue(value, mimeTypes, output);
    }
}
