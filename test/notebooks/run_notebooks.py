"""Executes tutorial notebooks top to bottom with nbclient on the tsgis kernel.

Run with Debian's /usr/bin/python3 (python3-nbclient) and JUPYTER_PATH pointing at a kernelspec
installed by `tsgis-kernel install --prefix`. Arguments: `--runs N` (how many times each notebook
runs in a row against the same portal, to prove it cleans up after itself), `--output-dir D`
(save the executed notebooks there) and the notebook paths.
The portal URL reaches the notebooks through the TSGIS_PORTAL_URL environment variable, which the
kernel inherits.

Prints one JSON object {"runs": [{"notebook", "run", "cells", "error"}]} on stdout, where `error`
is null or {"cell", "source", "ename", "evalue", "traceback"} for the first failing cell, and
exits 1 when any run failed. Timeouts only stop a hung cell; nothing here measures durations.
"""

import argparse
import json
import os
import re
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

CELL_TIMEOUT = 300
STARTUP_TIMEOUT = 120
ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")


def plain(text):
    return ANSI_ESCAPE.sub("", text)


def first_error(nb):
    """The first code cell holding an error output, as a report entry."""
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                return {
                    "cell": index,
                    "source": cell.source,
                    "ename": output.get("ename", ""),
                    "evalue": plain(output.get("evalue", "")),
                    "traceback": [plain(line) for line in output.get("traceback", [])],
                }
    return None


def run_once(path, run, output_dir):
    nb = nbformat.read(path, as_version=4)
    code_cells = sum(1 for cell in nb.cells if cell.cell_type == "code")
    client = NotebookClient(
        nb,
        kernel_name="tsgis",
        timeout=CELL_TIMEOUT,
        startup_timeout=STARTUP_TIMEOUT,
        allow_errors=False,
        # The kernel starts in the notebook's folder, so relative paths and imports work as in
        # JupyterLab.
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}},
    )
    entry = {"notebook": path, "run": run, "cells": code_cells, "error": None}
    try:
        client.execute()
    except CellExecutionError as error:
        entry["error"] = first_error(nb) or {
            "cell": None,
            "source": "",
            "ename": getattr(error, "ename", type(error).__name__),
            "evalue": plain(getattr(error, "evalue", str(error))),
            "traceback": plain(str(error)).splitlines(),
        }
    except (CellTimeoutError, DeadKernelError, RuntimeError) as error:
        entry["error"] = {
            "cell": None,
            "source": "",
            "ename": type(error).__name__,
            "evalue": plain(str(error)),
            "traceback": [],
        }
    if output_dir:
        os.makedirs(output_dir, exist_ok=True)
        name = os.path.splitext(os.path.basename(path))[0]
        nbformat.write(nb, os.path.join(output_dir, f"{name}.run{run}.ipynb"))
    return entry


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--output-dir", help="also save each executed notebook here, for reading")
    parser.add_argument("notebooks", nargs="+")
    args = parser.parse_args()
    report = {"runs": []}
    for path in args.notebooks:
        for run in range(1, args.runs + 1):
            entry = run_once(path, run, args.output_dir)
            report["runs"].append(entry)
            status = "ok" if entry["error"] is None else "FAILED"
            print(f"[notebooks] {os.path.basename(path)} run {run}: {status}", file=sys.stderr, flush=True)
            if entry["error"] is not None:
                break  # a second run of a broken notebook says nothing new
    json.dump(report, sys.stdout)
    sys.exit(0 if all(entry["error"] is None for entry in report["runs"]) else 1)


if __name__ == "__main__":
    main()
