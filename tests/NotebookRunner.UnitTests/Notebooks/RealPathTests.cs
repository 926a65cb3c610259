using NotebookRunner.Notebooks;

namespace NotebookRunner.UnitTests.Notebooks;

/// <summary>Two paths that reach the same file through links resolve to one real path, as the kernel walks them.</summary>
public sealed class RealPathTests : IDisposable
{
    private readonly ScratchFolder scratch = new("realpath");

    public void Dispose() => scratch.Dispose();

    [Fact]
    public void a_path_through_a_symlinked_folder_is_the_path_in_its_target()
    {
        Directory.CreateDirectory(scratch.Path("real"));
        File.WriteAllText(scratch.Path("real", "a.ipynb"), "{}");
        Directory.CreateSymbolicLink(scratch.Path("link"), scratch.Path("real"));

        Assert.Equal(RealPath.Of(scratch.Path("real", "a.ipynb")), RealPath.Of(scratch.Path("link", "a.ipynb")));
        Assert.True(RealPath.Same(scratch.Path("link", "a.ipynb"), scratch.Path("real", "a.ipynb")));
    }

    [Fact]
    public void a_symlinked_file_and_a_relative_link_resolve_to_their_target()
    {
        File.WriteAllText(scratch.Path("target.ipynb"), "{}");
        File.CreateSymbolicLink(scratch.Path("absolute"), scratch.Path("target.ipynb"));
        File.CreateSymbolicLink(scratch.Path("relative"), "target.ipynb");

        var target = RealPath.Of(scratch.Path("target.ipynb"));

        Assert.Equal(target, RealPath.Of(scratch.Path("absolute")));
        Assert.Equal(target, RealPath.Of(scratch.Path("relative")));
    }

    [Fact]
    public void components_that_do_not_exist_yet_are_kept_after_the_resolved_part()
    {
        Directory.CreateDirectory(scratch.Path("real"));
        Directory.CreateSymbolicLink(scratch.Path("link"), scratch.Path("real"));

        Assert.Equal(Path.Combine(RealPath.Of(scratch.Path("real")), "new", "out.ipynb"), RealPath.Of(scratch.Path("link", "new", "out.ipynb")));
    }

    [Fact]
    public void dot_and_dot_dot_are_walked_like_the_kernel_walks_them()
    {
        Directory.CreateDirectory(scratch.Path("a", "b"));

        Assert.Equal(RealPath.Of(scratch.Path("a", "x.ipynb")), RealPath.Of(scratch.Path("a", "b", ".", "..", "x.ipynb")));
    }

    [Fact]
    public void a_relative_path_is_taken_from_the_current_folder() =>
        Assert.Equal(RealPath.Of(Path.Combine(Environment.CurrentDirectory, "nb.ipynb")), RealPath.Of("nb.ipynb"));

    [Fact]
    public void a_link_loop_ends_instead_of_recursing_forever()
    {
        File.CreateSymbolicLink(scratch.Path("one"), scratch.Path("two"));
        File.CreateSymbolicLink(scratch.Path("two"), scratch.Path("one"));

        var resolved = RealPath.Of(scratch.Path("one"));

        Assert.StartsWith(RealPath.Of(scratch.Root), resolved);
    }

    [Fact]
    public void different_files_are_not_the_same()
    {
        File.WriteAllText(scratch.Path("a.ipynb"), "{}");
        File.WriteAllText(scratch.Path("b.ipynb"), "{}");

        Assert.False(RealPath.Same(scratch.Path("a.ipynb"), scratch.Path("b.ipynb")));
    }
}
