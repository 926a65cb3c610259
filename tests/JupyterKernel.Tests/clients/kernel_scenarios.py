"""Drives an installed kernel through one scenario with jupyter_client, as a front end would; prints a JSON result.

usage: kernel_scenarios.py SCENARIO KERNEL_STDERR_FILE [KERNEL_NAME]
Scenarios: kernel_info, outputs, interrupt, line_numbers, restart, complete, inspect, is_complete, stdin, signature, crash, history, comm_open, warm_up,
run_all_stop_on_error, interrupt_restore, six_times_seven, user_expressions.
"""
import json
import os
import sys
import time

from jupyter_client.manager import KernelManager
from jupyter_client.session import Session

scenario, stderr_path = sys.argv[1], sys.argv[2]
kernel_name = sys.argv[3] if len(sys.argv) > 3 else ".net-csharp"
TIMEOUT = 120


def start(env=None):
    manager = KernelManager(kernel_name=kernel_name)
    manager.start_kernel(stderr=open(stderr_path, "ab"), cwd=os.getcwd(), **({"env": env} if env else {}))
    client = manager.client()
    client.start_channels()
    client.wait_for_ready(timeout=TIMEOUT)
    return manager, client


def execute(client, code, **options):
    """Runs code; returns the reply's content and the cell's outputs (iopub messages other than status/input)."""
    outputs = []

    def keep(message):
        if message["msg_type"] not in ("status", "execute_input"):
            outputs.append({"type": message["msg_type"], **message["content"]})

    reply = client.execute_interactive(code, timeout=TIMEOUT, output_hook=keep, **options)
    return reply["content"], outputs


def restore_processes(cache):
    """Processes whose command line names the kernel's restore cache (its `dotnet restore`)."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                command = f.read().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if cache in command:
            found.append(command)
    return found


def shell_reply(client, message_id):
    reply = client.get_shell_msg(timeout=TIMEOUT)
    while reply["parent_header"].get("msg_id") != message_id:
        reply = client.get_shell_msg(timeout=TIMEOUT)
    return reply["content"]


def stdout_of(outputs):
    return "".join(o["text"] for o in outputs if o["type"] == "stream" and o["name"] == "stdout")


restore_cache = os.path.join(os.getcwd(), "restore-cache")
manager, client = start({**os.environ, "NOTEBOOK_RUNNER_CACHE": restore_cache} if scenario == "interrupt_restore" else None)
result = {}
try:
    if scenario == "kernel_info":
        result = client.kernel_info(reply=True, timeout=TIMEOUT)["content"]

    elif scenario == "interrupt":
        execute(client, "var kept = 7;\npublic static class Spins { public static long Count; }")
        message_id = client.execute("while (true) { Spins.Count++; }")
        time.sleep(2)
        manager.interrupt_kernel()
        reply = client.get_shell_msg(timeout=30)
        while reply["parent_header"].get("msg_id") != message_id:
            reply = client.get_shell_msg(timeout=30)
        after, outputs = execute(client, "Console.WriteLine(kept + 1);")
        _, spinning = execute(client, "var seen = Spins.Count; System.Threading.Thread.Sleep(500); Console.WriteLine(Spins.Count == seen);")
        result = {"interrupted": reply["content"], "after": after, "after_stdout": stdout_of(outputs),
                  "loop_stopped": stdout_of(spinning) == "True\n"}

    elif scenario == "outputs":
        _, shown = execute(client, 'Console.Error.WriteLine("careful");\nvar shown = display("first");\nshown.Update("second");\n6 * 7')
        _, updated = execute(client, 'shown.Update("third");')
        _, extension = execute(client, 'var other = "one".Display();\nother.Update("two");')
        result = {"shown": shown, "updated": updated, "extension": extension}

    elif scenario == "line_numbers":
        runtime, _ = execute(client, 'var total = 0;\nfor (var i = 0; i < 3; i++)\n{\n    total += i;\n}\nthrow new InvalidOperationException("at line six");')
        compile, _ = execute(client, 'foreach (var c in "ab")\n{\n    int z = "s";\n}')
        result = {"runtime": runtime, "compile": compile}

    elif scenario == "restart":
        execute(client, "var before = 1;")
        first_pid = manager.provisioner.process.pid
        manager.restart_kernel(now=False)
        client.wait_for_ready(timeout=TIMEOUT)
        lost, _ = execute(client, "Console.WriteLine(before);")
        fresh, outputs = execute(client, "Console.WriteLine(40 + 2);")
        result = {"new_process": manager.provisioner.process.pid != first_pid, "lost": lost, "fresh": fresh,
                  "fresh_stdout": stdout_of(outputs)}

    elif scenario == "complete":
        execute(client, "var learningRate = 0.03;")
        result = {
            "console": client.complete("Console.Wri", reply=True, timeout=TIMEOUT)["content"],
            "variable": client.complete("var y = learn", reply=True, timeout=TIMEOUT)["content"],
            "member": client.complete("learningRate.ToStr", reply=True, timeout=TIMEOUT)["content"],
        }

    elif scenario == "inspect":
        def inspect(code, cursor_pos):
            return client.inspect(code, cursor_pos=cursor_pos, reply=True, timeout=TIMEOUT)["content"]
        execute(client, "int Twice(int x) => 2 * x;")
        result = {"sqrt": inspect("Math.Sqrt(2)", 7), "write_line": inspect('Console.WriteLine("hi")', 10),
                  "undocumented": inspect("Twice(21)", 2)}

    elif scenario == "is_complete":
        def status(code):
            return shell_reply(client, client.is_complete(code))["status"]
        result = {"open_brace": status("if (true) {"), "statement": status("var x = 1;"),
                  "dangling": status("var y = 1 +")}
        result["nested_indent"] = shell_reply(client, client.is_complete("for (var i = 0; i < 3; i++)\n{\n    if (i > 0) {")).get("indent")

    elif scenario == "stdin":
        def answer(message):
            client.input("Ada")
        content, outputs = execute(client, 'var name = Console.ReadLine();\nConsole.WriteLine("hello " + name);',
                                   allow_stdin=True, stdin_hook=answer)
        refused, _ = execute(client, "Console.ReadLine()", allow_stdin=False)

        def end_of_input(message):
            client.input("\x04")
        _, ended = execute(client, "Console.WriteLine(Console.ReadLine() is null);", allow_stdin=True, stdin_hook=end_of_input)
        result = {"reply": content, "stdout": stdout_of(outputs), "refused": refused, "end_of_input_stdout": stdout_of(ended)}

    elif scenario == "signature":
        forged = Session(key=b"not-the-connection-file-key", username="forger")
        sent = forged.send(client.shell_channel.socket, "execute_request",
                           {"code": "System.IO.File.WriteAllText(\"forged.txt\", \"x\");", "silent": False,
                            "store_history": True, "user_expressions": {}, "allow_stdin": False})
        time.sleep(3)
        got_reply = False
        try:
            # Replies to other requests (a second kernel_info of wait_for_ready) may be waiting too.
            while not got_reply:
                got_reply = client.get_shell_msg(timeout=2)["parent_header"].get("msg_id") == sent["header"]["msg_id"]
        except Exception:
            pass
        still_serving = client.kernel_info(reply=True, timeout=TIMEOUT)["content"]["status"]
        result = {"forged_reply": got_reply, "forged_ran": os.path.exists("forged.txt"), "still_serving": still_serving}

    elif scenario == "crash":
        import nbformat
        from nbclient import NotebookClient
        from nbclient.exceptions import DeadKernelError
        client.stop_channels()
        manager.shutdown_kernel(now=True)
        notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("int Deeper(int n) => Deeper(n + 1) + 1;\nDeeper(0)")])
        try:
            NotebookClient(notebook, kernel_name=kernel_name, timeout=TIMEOUT, startup_timeout=TIMEOUT).execute()
            result = {"told": "nothing"}
        except DeadKernelError as e:
            result = {"told": "DeadKernelError", "message": str(e)}
        except Exception as e:
            result = {"told": type(e).__name__, "message": str(e)}

    elif scenario == "history":
        execute(client, "var a = 1;")
        execute(client, "var b = a + 1;")
        result = shell_reply(client, client.history(hist_access_type="tail", n=10))
        result["comm_info"] = client.comm_info(reply=True, timeout=TIMEOUT)["content"] if hasattr(client, "comm_info") else None

    elif scenario == "comm_open":
        # What Jupyter Notebook's widgets extension sends on connect: a comm for a target this kernel does not have.
        message = client.session.msg("comm_open", {"comm_id": "c0ffee", "target_name": "jupyter.widget.control", "data": {}})
        client.shell_channel.send(message)
        closed = None
        deadline = time.monotonic() + 30
        while closed is None and time.monotonic() < deadline:
            try:
                reply = client.get_iopub_msg(timeout=5)
            except Exception:  # queue.Empty: nothing more on iopub
                break
            if reply["msg_type"] == "comm_close" and reply["parent_header"].get("msg_id") == message["header"]["msg_id"]:
                closed = reply["content"]
        content, _ = execute(client, "1 + 1")
        result = {"comm_close": closed, "after": content["status"]}

    elif scenario == "warm_up":
        # The kernel compiles a throwaway cell declaring `seed` as it starts; give it time to finish, then look for it.
        time.sleep(3)
        seen, _ = execute(client, "seed")
        result = {"seen": seen}

    elif scenario == "run_all_stop_on_error":
        # What a front end's Run All sends: every cell at once, each with stop_on_error.
        cells = ["var first = 1;", 'throw new InvalidOperationException("second fails");', 'Console.WriteLine("third ran");']
        ids = [client.execute(code, stop_on_error=True) for code in cells]
        statuses = [shell_reply(client, message_id)["status"] for message_id in ids]
        shown = {message_id: [] for message_id in ids}
        while True:
            try:
                message = client.get_iopub_msg(timeout=2)
            except Exception:  # queue.Empty: every message of the three has arrived
                break
            parent = message["parent_header"].get("msg_id")
            if parent in shown and message["msg_type"] != "status":
                shown[parent].append(message["msg_type"])
        after, outputs = execute(client, 'Console.WriteLine("after the queue");')
        result = {"statuses": statuses, "third_shown": shown[ids[2]], "after": after["status"],
                  "after_stdout": stdout_of(outputs)}

    elif scenario == "interrupt_restore":
        # A NuGet feed that accepts connections and never answers: the restore waits until it is stopped.
        import socket
        feed = socket.socket()
        feed.bind(("127.0.0.1", 0))
        feed.listen(16)
        url = f"https://127.0.0.1:{feed.getsockname()[1]}/v3/index.json"
        message_id = client.execute(f'#i "{url}"\n#r "nuget: No.Such.Package.From.A.Silent.Feed, 1.0.0"')
        deadline = time.monotonic() + 60
        while not restore_processes(restore_cache) and time.monotonic() < deadline:
            time.sleep(0.2)
        started = bool(restore_processes(restore_cache))
        manager.interrupt_kernel()
        interrupted = shell_reply(client, message_id)
        time.sleep(1)
        after, outputs = execute(client, "Console.WriteLine(6 * 7);")
        result = {"restore_started": started, "interrupted": interrupted, "restores_left": restore_processes(restore_cache),
                  "after_stdout": stdout_of(outputs)}

    elif scenario == "six_times_seven":
        content, outputs = execute(client, "6 * 7")
        result = {"status": content["status"],
                  "value": " ".join(v for o in outputs if o["type"] == "execute_result" for v in o["data"].values())}

    elif scenario == "user_expressions":
        ok, _ = execute(client, "var lr = 0.03;", user_expressions={"twice": "2 * lr", "missing": "nothere"})
        failed, _ = execute(client, 'throw new Exception("no");', user_expressions={"twice": "2 * lr"}, stop_on_error=False)
        result = {"ok": ok, "failed": failed}

    else:
        raise SystemExit(f"unknown scenario {scenario}")
finally:
    if scenario != "crash":
        client.stop_channels()
        manager.shutdown_kernel(now=False)
print(json.dumps(result))
