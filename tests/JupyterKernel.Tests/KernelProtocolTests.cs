namespace JupyterKernel.Tests;

/// <summary>Our kernel driven by jupyter_client, Jupyter's own client library, the way front ends drive kernels.</summary>
[Collection("jupyter")]
public class KernelProtocolTests(PrivateJupyter jupyter)
{
    [Fact]
    public void kernel_info_describes_csharp()
    {
        var (info, _) = jupyter.Scenario("kernel_info");
        Assert.Equal("5.3", (string?)info["protocol_version"]);
        var language = info["language_info"]!;
        Assert.Equal("C#", (string?)language["name"]);
        Assert.Equal("csharp", (string?)language["pygments_lexer"]);
        Assert.Equal(".cs", (string?)language["file_extension"]);
        Assert.Equal("text/x-csharp", (string?)language["mimetype"]);
        Assert.False(string.IsNullOrEmpty((string?)language["version"]));
    }

    [Fact]
    public void kernel_info_offers_help_links_for_the_help_menu()
    {
        var (info, _) = jupyter.Scenario("kernel_info");
        var links = info["help_links"]!.AsArray();
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.StartsWith("https://", (string?)link!["url"]));
    }

    [Fact]
    public void run_all_with_an_error_in_the_second_cell_answers_ok_error_aborted_and_runs_nothing_after_it()
    {
        var (result, _) = jupyter.Scenario("run_all_stop_on_error");

        Assert.Equal(["ok", "error", "aborted"], result["statuses"]!.AsArray().Select(s => (string?)s));
        Assert.Empty(result["third_shown"]!.AsArray());
        Assert.Equal("ok", (string?)result["after"]);
        Assert.Equal("after the queue\n", (string?)result["after_stdout"]);
    }

    [Fact]
    public void an_interrupt_during_a_package_restore_ends_the_dotnet_restore_and_the_kernel_goes_on()
    {
        var (result, _) = jupyter.Scenario("interrupt_restore");

        Assert.True((bool)result["restore_started"]!, "the restore never started");
        Assert.Equal("error", (string?)result["interrupted"]!["status"]);
        Assert.Empty(result["restores_left"]!.AsArray());
        Assert.Equal("42\n", (string?)result["after_stdout"]);
    }

    [Fact]
    public void user_expressions_are_evaluated_after_a_cell_that_succeeds_and_not_after_one_that_fails()
    {
        var (result, _) = jupyter.Scenario("user_expressions");

        var expressions = result["ok"]!["user_expressions"]!;
        Assert.Equal("ok", (string?)expressions["twice"]!["status"]);
        Assert.Equal("0.06", (string?)expressions["twice"]!["data"]!["text/plain"]);
        Assert.Equal("error", (string?)expressions["missing"]!["status"]);
        Assert.Contains("CS0103", (string?)expressions["missing"]!["evalue"]);
        Assert.Empty(result["failed"]!["user_expressions"]!.AsObject());
        Assert.Empty(result["ok"]!["payload"]!.AsArray());
        Assert.Empty(result["failed"]!["payload"]!.AsArray());
    }

    [Fact]
    public void a_cell_shows_streams_displays_and_its_value_as_jupyter_messages_as_run_stores_them()
    {
        var (result, _) = jupyter.Scenario("outputs");
        var shown = result["shown"]!.AsArray().Select(o => o!.AsObject()).ToList();
        Assert.Equal(["stream", "display_data", "update_display_data", "execute_result"], shown.Select(o => (string?)o["type"]));
        Assert.Equal("stderr", (string?)shown[0]["name"]);
        Assert.Equal("careful\n", (string?)shown[0]["text"]);
        Assert.Equal("first", (string?)shown[1]["data"]!["text/plain"]);
        Assert.Equal("second", (string?)shown[2]["data"]!["text/plain"]);
        Assert.Contains("42", shown[3]["data"]!.AsObject().Select(p => (string?)p.Value).First());
    }

    [Fact]
    public void an_update_of_what_display_returned_names_its_display_id_in_update_display_data_from_any_cell()
    {
        var (result, _) = jupyter.Scenario("outputs");
        var shown = result["shown"]!.AsArray();
        var displayId = DisplayId(shown[1]!);
        Assert.False(string.IsNullOrEmpty(displayId), "display_data carries no transient display_id");
        Assert.Equal(displayId, DisplayId(shown[2]!));

        var later = Assert.Single(result["updated"]!.AsArray())!;
        Assert.Equal("update_display_data", (string?)later["type"]);
        Assert.Equal(displayId, DisplayId(later));
        Assert.Equal("third", (string?)later["data"]!["text/plain"]);
    }

    [Fact]
    public void an_update_of_what_the_Display_extension_returned_is_one_more_display_data()
    {
        var (result, _) = jupyter.Scenario("outputs");
        var extension = result["extension"]!.AsArray();
        Assert.Equal(["display_data", "display_data"], extension.Select(o => (string?)o!["type"]));
        Assert.Equal(["one", "two"], extension.Select(o => (string?)o!["data"]!["text/plain"]));
        Assert.NotEqual(DisplayId(extension[0]!), DisplayId(extension[1]!));
    }

    [Fact]
    public void an_interrupted_endless_loop_ends_with_an_error_and_the_kernel_keeps_its_state()
    {
        var (result, _) = jupyter.Scenario("interrupt");
        Assert.Equal("error", (string?)result["interrupted"]!["status"]);
        Assert.Equal("ok", (string?)result["after"]!["status"]);
        Assert.Equal("8\n", (string?)result["after_stdout"]);
        Assert.True((bool)result["loop_stopped"]!, "the interrupted loop kept running on its thread");
    }

    [Fact]
    public void errors_name_the_cells_own_line_numbers()
    {
        var (result, _) = jupyter.Scenario("line_numbers");
        Assert.Contains(result["runtime"]!["traceback"]!.AsArray(), line => ((string?)line)!.EndsWith(":line 6"));
        Assert.StartsWith("(3,13): error CS0029", (string?)result["compile"]!["evalue"]);
    }

    [Fact]
    public void a_restart_starts_a_new_process_with_a_fresh_state()
    {
        var (result, _) = jupyter.Scenario("restart");
        Assert.True((bool)result["new_process"]!);
        Assert.Contains("CS0103", (string?)result["lost"]!["evalue"]);
        Assert.Equal("42\n", (string?)result["fresh_stdout"]);
    }

    [Fact]
    public void completion_offers_roslyns_members_and_the_sessions_variables()
    {
        var (result, _) = jupyter.Scenario("complete");
        Assert.Contains("WriteLine", Matches(result["console"]!));
        Assert.Equal(8, (int)result["console"]!["cursor_start"]!);
        Assert.Contains("learningRate", Matches(result["variable"]!));
        Assert.Contains("ToString", Matches(result["member"]!));
    }

    [Fact]
    public void is_complete_says_incomplete_for_an_open_brace_or_a_dangling_operator()
    {
        var (result, _) = jupyter.Scenario("is_complete");
        Assert.Equal("incomplete", (string?)result["open_brace"]);
        Assert.Equal("incomplete", (string?)result["dangling"]);
        Assert.Equal("complete", (string?)result["statement"]);
        Assert.Equal("        ", (string?)result["nested_indent"]);
    }

    [Fact]
    public void console_readline_asks_the_front_end_on_stdin_when_it_allows_input()
    {
        var (result, _) = jupyter.Scenario("stdin");
        Assert.Equal("hello Ada\n", (string?)result["stdout"]);
        Assert.Equal("error", (string?)result["refused"]!["status"]);
        Assert.Contains("allow_stdin", (string?)result["refused"]!["evalue"]);
    }

    [Fact]
    public void a_ctrl_d_answer_to_console_readline_is_the_end_of_input()
    {
        var (result, _) = jupyter.Scenario("stdin");
        Assert.Equal("True\n", (string?)result["end_of_input_stdout"]);
    }

    [Fact]
    public void a_message_with_a_wrong_signature_is_rejected_and_logged()
    {
        var (result, stderr) = jupyter.Scenario("signature");
        Assert.False((bool)result["forged_reply"]!);
        Assert.False((bool)result["forged_ran"]!);
        Assert.Equal("ok", (string?)result["still_serving"]);
        Assert.Contains("wrong HMAC signature", stderr);
    }

    [Fact]
    public void a_cell_that_overflows_the_stack_tells_the_front_end_the_kernel_died()
    {
        var (result, _) = jupyter.Scenario("crash");
        Assert.Equal("DeadKernelError", (string?)result["told"]);
    }

    [Fact]
    public void inspect_shows_the_symbols_signature()
    {
        var (result, _) = jupyter.Scenario("inspect");
        Assert.True((bool)result["sqrt"]!["found"]!);
        Assert.Contains("Math.Sqrt(double)", (string?)result["sqrt"]!["data"]!["text/plain"]);
    }

    [Fact]
    public void inspect_shows_the_doc_summary_of_the_reference_pack_after_the_signature()
    {
        var (result, _) = jupyter.Scenario("inspect");
        var text = (string?)result["write_line"]!["data"]!["text/plain"] ?? "";
        var lines = text.Split('\n');
        Assert.Contains("Console.WriteLine(string?)", lines[0]);
        var summary = ReferencePackSummary("System.Console", "M:System.Console.WriteLine(System.String)");
        Assert.Equal(summary, lines[1]);
        Assert.Contains(summary, (string?)result["write_line"]!["data"]!["text/markdown"]);
    }

    [Fact]
    public void inspect_of_a_symbol_without_docs_shows_its_signature_alone()
    {
        var (result, _) = jupyter.Scenario("inspect");
        Assert.True((bool)result["undocumented"]!["found"]!);
        Assert.Equal("Twice(int)", (string?)result["undocumented"]!["data"]!["text/plain"]);
    }

    [Fact]
    public void history_lists_the_executed_cells_and_comm_info_answers()
    {
        var (result, _) = jupyter.Scenario("history");
        var inputs = result["history"]!.AsArray().Select(entry => (string?)entry![2]).ToList();
        Assert.Equal(["var a = 1;", "var b = a + 1;"], inputs);
        Assert.Equal("ok", (string?)result["comm_info"]!["status"]);
    }

    [Fact]
    public void what_the_kernel_compiles_to_warm_up_is_not_visible_to_cells()
    {
        var (result, _) = jupyter.Scenario("warm_up");

        Assert.Equal("error", (string?)result["seen"]!["status"]);
        Assert.Contains("CS0103", (string?)result["seen"]!["evalue"]);
    }

    [Fact]
    public void a_comm_opened_for_a_target_the_kernel_lacks_is_closed_and_the_kernel_goes_on()
    {
        var (result, _) = jupyter.Scenario("comm_open");

        Assert.Equal("c0ffee", (string?)result["comm_close"]?["comm_id"]);
        Assert.Equal("ok", (string?)result["after"]);
    }

    /// <summary>
    /// A member's summary in the SDK's reference pack of the runtime running the tests (the kernel's runtime too),
    /// whitespace collapsed; the summary is plain text there.
    /// </summary>
    private static string ReferencePackSummary(string assembly, string member)
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        var version = Version.Parse(Path.GetFileName(runtime).Split('-')[0]);
        var xml = Directory.GetFiles(Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref"), assembly + ".xml", SearchOption.AllDirectories)
            .First(f => f.Contains($"{Path.DirectorySeparatorChar}net{version.Major}.{version.Minor}{Path.DirectorySeparatorChar}"));
        var summary = System.Xml.Linq.XDocument.Load(xml).Descendants("member")
            .Single(m => (string?)m.Attribute("name") == member).Element("summary")!.Value;
        return string.Join(' ', summary.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static string? DisplayId(JsonNode message) => (string?)message["transient"]?["display_id"];

    private static List<string?> Matches(JsonNode reply) => reply["matches"]!.AsArray().Select(m => (string?)m).ToList();
}
