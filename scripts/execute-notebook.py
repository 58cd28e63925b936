"""Execute one notebook top to bottom in a fresh kernel with Jupyter's nbclient.

Called by `npm run notebooks` (src/notebook/runner.ts), not meant for direct use:
    python3 execute-notebook.py IN.ipynb OUT.ipynb --kernel NAME --cwd DIR --timeout SECONDS
Writes the executed notebook to OUT.ipynb (also after a failure, up to the failing cell) and
prints one JSON line on stdout: {"ok": true} or {"ok": false, "cell": i, "kind": ..., "message": ...}.
"""
import argparse
import json
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError


def coalesce_streams(nb) -> None:
    """Merge each cell's consecutive stdout (or stderr) outputs into one: how a cell's prints are split into
    messages depends on when the kernel flushed them, so saved outputs would differ between runs."""
    for cell in nb.cells:
        merged = []
        for out in cell.get("outputs", []):
            last = merged[-1] if merged else None
            if last is not None and out.get("output_type") == "stream" and last.get("output_type") == "stream" and last.get("name") == out.get("name"):
                last["text"] = "".join(last["text"]) + "".join(out["text"])
            else:
                merged.append(out)
        if "outputs" in cell:
            cell["outputs"] = merged


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--kernel", required=True)
    ap.add_argument("--cwd", required=True)
    ap.add_argument("--timeout", type=int, default=600)
    args = ap.parse_args()

    nb = nbformat.read(args.input, as_version=4)
    state = {"cell": None}

    def on_cell_start(cell, cell_index):
        state["cell"] = cell_index

    client = NotebookClient(
        nb,
        kernel_name=args.kernel,
        timeout=args.timeout,
        startup_timeout=120,
        record_timing=False,
        allow_errors=False,
        resources={"metadata": {"path": args.cwd}},
        on_cell_start=on_cell_start,
    )
    result = {"ok": True}
    try:
        client.execute()
    except CellTimeoutError as e:
        result = {"ok": False, "cell": state["cell"], "kind": "timeout", "message": str(e)}
    except CellExecutionError as e:
        result = {"ok": False, "cell": state["cell"], "kind": "error", "message": str(e)}
    except DeadKernelError as e:
        result = {"ok": False, "cell": state["cell"], "kind": "dead-kernel", "message": str(e)}
    except Exception as e:  # kernel failed to start, bad notebook JSON, ...
        result = {"ok": False, "cell": state["cell"], "kind": type(e).__name__, "message": str(e)}
    coalesce_streams(nb)
    nbformat.write(nb, args.output)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
