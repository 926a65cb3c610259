"""Executes a notebook with nbclient on an installed kernel, as Jupyter's own tooling does; writes the result.

usage: execute_notebook.py NOTEBOOK OUTPUT [KERNEL_NAME]
Prints the seconds the execution took (kernel start included). Exits 1 with nbclient's error if a cell fails.
"""
import os
import sys
import time

import nbformat
from nbclient import NotebookClient

notebook_path, output_path = sys.argv[1], sys.argv[2]
kernel_name = sys.argv[3] if len(sys.argv) > 3 else ".net-csharp"
notebook = nbformat.read(notebook_path, as_version=4)
client = NotebookClient(notebook, kernel_name=kernel_name, timeout=600, startup_timeout=120,
                        resources={"metadata": {"path": os.path.dirname(os.path.abspath(notebook_path))}})
started = time.monotonic()
try:
    client.execute()
finally:
    nbformat.write(notebook, output_path)
print(f"{time.monotonic() - started:.3f}")
