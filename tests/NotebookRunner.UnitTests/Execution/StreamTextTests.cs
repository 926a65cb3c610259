using NotebookRunner.Execution;

namespace NotebookRunner.UnitTests.Execution;

/// <summary>A stream output keeps what a cell printed as nbformat's lines, bounded in memory however much it prints.</summary>
public class StreamTextTests
{
    private static List<string> Lines(StreamText text) => text.ToJson().Select(l => (string)l!).ToList();

    [Fact]
    public void writes_join_into_lines_that_keep_their_newlines()
    {
        var text = new StreamText();
        text.Append("epoch 1");
        text.Append(": loss 0.5\nepoch 2: loss 0.25\n");
        text.Append("done");

        Assert.Equal(["epoch 1: loss 0.5\n", "epoch 2: loss 0.25\n", "done"], Lines(text));
    }

    [Fact]
    public void nothing_written_is_no_lines() => Assert.Empty(new StreamText().ToJson());

    [Fact]
    public void output_within_the_bounds_is_kept_whole()
    {
        var text = new StreamText();
        var line = new string('x', 999) + "\n";
        for (var i = 0; i < 1500; i++) text.Append(line); // 1.5 million characters: under head plus tail

        var lines = Lines(text);

        Assert.Equal(1500, lines.Count);
        Assert.All(lines, l => Assert.Equal(line, l));
    }

    [Fact]
    public void past_the_bounds_the_first_and_last_lines_are_kept_and_one_line_counts_those_left_out()
    {
        var text = new StreamText();
        const int total = 3000;
        for (var i = 0; i < total; i++) text.Append($"{i:D6}{new string('.', 993)}\n"); // 1000 characters a line

        var lines = Lines(text);

        var marker = Assert.Single(lines, l => l.StartsWith("[..."));
        var index = lines.IndexOf(marker);
        Assert.StartsWith("000000", lines[0]);
        Assert.StartsWith($"{total - 1:D6}", lines[^1]);
        Assert.Equal(StreamText.HeadChars / 1000, index);
        Assert.Equal(StreamText.TailChars / 1000, lines.Count - index - 1);
        var omitted = total - (lines.Count - 1);
        Assert.Equal($"[... {omitted:N0} lines left out: the runner keeps the first and the last {StreamText.HeadChars:N0} characters of a stream ...]\n",
            marker);
        Assert.StartsWith($"{index + omitted:D6}", lines[index + 1]); // the tail continues where the omission ends
    }

    [Fact]
    public void a_line_longer_than_the_tail_is_cut_saying_how_many_characters_were_left_out_and_keeps_its_newline()
    {
        var text = new StreamText();
        text.Append(new string('a', StreamText.TailChars));
        text.Append(new string('b', 500) + "\n");

        Assert.Equal(new string('a', StreamText.TailChars) + "[... 500 characters of this line left out]\n", Assert.Single(Lines(text)));
    }

    [Fact]
    public void an_unfinished_line_past_the_tail_is_cut_too()
    {
        var text = new StreamText();
        text.Append(new string('a', StreamText.TailChars + 7));

        Assert.Equal(new string('a', StreamText.TailChars) + "[... 7 characters of this line left out]", Assert.Single(Lines(text)));
    }
}
