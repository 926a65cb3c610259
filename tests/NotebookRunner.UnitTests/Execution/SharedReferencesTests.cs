using Microsoft.CodeAnalysis;
using NotebookRunner.Execution;

namespace NotebookRunner.UnitTests.Execution;

/// <summary>The notebooks of one process compile against one reference object per assembly file, until the file changes.</summary>
public class SharedReferencesTests
{
    // Two different assemblies of the runtime, to stand for a library before and after it is rebuilt.
    static readonly string Before = typeof(System.Text.Json.JsonSerializer).Assembly.Location;
    static readonly string After = typeof(System.Xml.XmlDocument).Assembly.Location;

    [Fact]
    public void the_same_file_gives_the_same_reference_object()
    {
        var references = new SharedReferences();

        Assert.Same(references.FromFile(Before), references.FromFile(Before));
    }

    [Fact]
    public void a_reference_a_resolver_made_for_a_file_is_replaced_by_the_shared_one()
    {
        var references = new SharedReferences();
        var shared = references.FromFile(Before);

        Assert.Same(shared, references.Share(MetadataReference.CreateFromFile(Before)));
    }

    [Fact]
    public void a_file_that_changed_gives_a_new_reference_to_its_new_content()
    {
        using var scratch = new ScratchFolder("shared-references");
        var library = scratch.Path("Library.dll");
        File.Copy(Before, library);
        var references = new SharedReferences();
        var first = references.FromFile(library);

        File.Copy(After, library, overwrite: true);
        File.SetLastWriteTimeUtc(library, DateTime.UtcNow.AddMinutes(1));
        var second = references.FromFile(library);

        Assert.NotSame(first, second);
        Assert.Equal("System.Private.Xml.dll", ((AssemblyMetadata)second.GetMetadata()).GetModules()[0].Name);
    }

    [Fact]
    public void a_second_notebook_compiles_against_the_reference_objects_of_the_first()
    {
        using var scratch = new ScratchFolder("shared-references");
        var shared = new SharedCompilation();
        using var first = new ScriptSubmissions(scratch.Path("first.ipynb"), shared);
        using var second = new ScriptSubmissions(scratch.Path("second.ipynb"), shared);

        first.Run("Enumerable.Range(0, 3).Sum()", 1);
        second.Run("Enumerable.Range(0, 4).Sum()", 1);

        var firstReferences = first.Started().Script.GetCompilation().References.OfType<PortableExecutableReference>().ToList();
        var secondReferences = second.Started().Script.GetCompilation().References.OfType<PortableExecutableReference>().ToList();
        Assert.NotEmpty(firstReferences);
        Assert.All(firstReferences, reference => Assert.Contains(secondReferences, other => ReferenceEquals(other, reference)));
    }
}
