"""Executes every notebook in this folder headless against a run folder; exits non-zero on the
first error. Used by .ci/run:  python Notebooks/execute.py Results/reference"""
import os
import pathlib
import sys

import nbformat
from nbclient import NotebookClient

here = pathlib.Path(__file__).resolve().parent
run = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else here.parent / "Results" / "reference").resolve()
os.environ["FENQI_RUN"] = str(run)
os.environ.setdefault("MPLBACKEND", "Agg")
failed = 0
for path in sorted(here.glob("*.ipynb")):
    nb = nbformat.read(path, as_version=4)
    try:
        NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(here)}}).execute()
        print(f"ok   Notebooks/{path.name} against {run.name}")
    except Exception as error:  # report every notebook, then fail
        failed += 1
        print(f"FAIL Notebooks/{path.name}: {str(error)[-2000:]}")
sys.exit(1 if failed else 0)
