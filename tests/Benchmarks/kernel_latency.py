"""A front end's view of a kernel's latency, through jupyter_client as JupyterLab and nbclient use it.

usage: kernel_latency.py KERNEL_NAME CODE TRIVIAL_CELLS
Starts a fresh kernel and times (1) from the start request to the end of the first cell's execution, (2) the same
first cell from the moment the kernel is ready (its kernel_info reply, when a front end enables the cell) and
(3) each of TRIVIAL_CELLS more executions of CODE on the now started kernel, after one untimed. A cell ends when its
execute_reply has come and iopub reported the kernel idle, as execute_interactive waits for. Prints one JSON object.
"""
import json
import sys
import time

from jupyter_client.manager import KernelManager

kernel_name, code, trivial_cells = sys.argv[1], sys.argv[2], int(sys.argv[3])


def execute(client):
    reply = client.execute_interactive(code, timeout=120, output_hook=lambda message: None)
    if reply["content"]["status"] != "ok":
        sys.exit(f"kernel_latency.py: {kernel_name} answered {code!r} with {reply['content']}")


started = time.monotonic()
manager = KernelManager(kernel_name=kernel_name)
manager.start_kernel()
client = manager.client()
client.start_channels()
try:
    client.wait_for_ready(timeout=120)
    ready = time.monotonic()
    execute(client)
    first = time.monotonic() - started
    first_after_ready = time.monotonic() - ready
    execute(client)
    trivial = []
    for _ in range(trivial_cells):
        clock = time.monotonic()
        execute(client)
        trivial.append(time.monotonic() - clock)
finally:
    client.stop_channels()
    manager.shutdown_kernel(now=False)
print(json.dumps({"first": first, "first_after_ready": first_after_ready, "trivial": trivial}))
