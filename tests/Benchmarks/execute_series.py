"""Executes notebooks one after another with nbclient, a fresh kernel for each, as Jupyter's own executor does.

usage: execute_series.py KERNEL_NAME OUTPUT_DIR NOTEBOOK...
Prints one JSON object: each notebook's seconds, kernel start and shutdown included. Exits 1 with nbclient's error
if a cell fails, so a broken notebook is never timed as a fast one.
"""
import json
import os
import sys
import time

import nbformat
from nbclient import NotebookClient

kernel_name, output_dir, notebooks = sys.argv[1], sys.argv[2], sys.argv[3:]
seconds = {}
for path in notebooks:
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, kernel_name=kernel_name, timeout=600, startup_timeout=120,
                            resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
    started = time.monotonic()
    try:
        client.execute()
    finally:
        nbformat.write(notebook, os.path.join(output_dir, os.path.basename(path)))
    seconds[os.path.splitext(os.path.basename(path))[0]] = time.monotonic() - started
print(json.dumps(seconds))
