"""Executes every notebook in this folder headless against each run folder given, and checks that the figures
were drawn; exits non-zero if any notebook fails. Used by .ci/run on the run of every shipped scenario:

    python Notebooks/execute.py [--fenqi .build/release/fenqi] RUN_FOLDER...

A cell that calls plt.show() must leave a PNG, or print a "skip:" note saying why this run has nothing to draw
there. With --fenqi, it first runs a small scenario whose names start like spreadsheet formulas, checks that
fenqirun reads every name back exactly, and executes the notebooks against that run too.
"""
import argparse
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile

import nbformat
from nbclient import NotebookClient

here = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(here))
sys.dont_write_bytecode = True
import fenqirun  # noqa: E402  (the notebooks' own reader)

# Figures go into the notebook as PNGs whatever MPLBACKEND the caller has (Agg would draw nothing); the
# kernels leave no __pycache__ beside fenqirun.py.
os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
os.environ["PYTHONDONTWRITEBYTECODE"] = "1"


def figures_missing(nb):
    """The code cells that call plt.show() but left neither a PNG nor a skip note."""
    missing = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code" or "plt.show()" not in cell.source:
            continue
        drawn = any("image/png" in output.get("data", {}) for output in cell.outputs)
        skipped = any(output.get("name") == "stdout" and "skip:" in output.get("text", "") for output in cell.outputs)
        if not drawn and not skipped:
            missing.append(index)
    return missing


def execute(path, run):
    """Runs one notebook against one run folder; returns an error message, or None."""
    os.environ["FENQI_RUN"] = str(run)
    nb = nbformat.read(path, as_version=4)
    try:
        NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(here)}}).execute()
    except Exception as error:  # report every notebook, then fail
        return re.sub(r"\x1b\[[0-9;]*m", "", str(error))[-2000:]  # without the traceback's colours
    figures = sum("image/png" in o.get("data", {}) for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    missing = figures_missing(nb)
    if missing or figures == 0:
        return f"no figure drawn by cells {missing} ({figures} figures in all)"
    print(f"ok   Notebooks/{path.name} against {run.name}: {figures} figure{'' if figures == 1 else 's'}")
    return None


# Names a spreadsheet would read as formulas, and one pandas would read as NaN.
ODD_ARMS = ["=HYPERLINK(\"http://example.com\",\"x\")", "-x"]
ODD_SEGMENTS = ["@segment", "+1+2", "NA", "=SUM(1,2)", "None", "-0.5 risky"]


def odd_names_run(fenqi, folder):
    """Runs Scenarios/baseline.json, small, with ODD_ARMS and ODD_SEGMENTS as names; checks the reader."""
    scenario = json.loads((here.parent / "Scenarios" / "baseline.json").read_text())
    scenario["name"] = "odd-names"
    scenario["population"]["size"] = 3000
    for arm, name in zip(scenario["arms"], ODD_ARMS):
        arm["name"] = name
    segments = scenario["population"]["segments"]
    assert len(segments) <= len(ODD_SEGMENTS), "more segments than odd names"
    for segment, name in zip(segments, ODD_SEGMENTS):
        segment["name"] = name
    path = folder / "odd-names.json"
    path.write_text(json.dumps(scenario, ensure_ascii=False))
    run = folder / "odd-names"
    subprocess.run([fenqi, "run", str(path), "--out", str(run), "--quiet"], check=True, stdout=subprocess.DEVNULL)
    data = fenqirun.Run(run)
    arms = list(data.arms.arm)
    names = set(data.segments.segment)
    expected = {s["name"] for s in segments}
    if arms != ODD_ARMS[: len(arms)] or names != expected:
        print(f"FAIL fenqirun.read_csv: read arms {arms} and segments {sorted(names)}; "
              f"the scenario has {ODD_ARMS} and {sorted(expected)}")
        return None
    print("ok   fenqirun.read_csv reads names that start like formulas (or read like NaN) back exactly")
    return run


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fenqi", help="a fenqi binary: also check the reader on names that start like formulas")
    parser.add_argument("runs", nargs="*", type=pathlib.Path, help="run folders (default: Results/reference)")
    arguments = parser.parse_args()
    runs = [r.resolve() for r in arguments.runs] or [here.parent / "Results" / "reference"]
    failed = 0
    with tempfile.TemporaryDirectory() as scratch:
        if arguments.fenqi:
            try:
                odd = odd_names_run(arguments.fenqi, pathlib.Path(scratch))
            except Exception as error:
                print(f"FAIL the odd-names run: {error}")
                odd = None
            if odd is None:
                failed += 1
            else:
                runs.append(odd)
        for run in runs:
            for path in sorted(here.glob("*.ipynb")):
                error = execute(path, run)
                if error:
                    failed += 1
                    print(f"FAIL Notebooks/{path.name} against {run.name}: {error}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
