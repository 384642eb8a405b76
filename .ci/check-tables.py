"""Checks that every CSV of a run folder loads in pandas with numeric dtypes for numeric columns, and
that the run's workbook (report.xlsx, when written) opens in openpyxl with one sheet per CSV table
holding the same numbers as numbers.

A column is numeric when any of its cells parses as a number; then every non-empty cell must parse
(text such as "12.3%" or "n/m" in a numeric column fails). Empty cells are "not meaningful".

Usage: check-tables.py RUN_FOLDER...
"""

import math
import sys
from pathlib import Path

import openpyxl
import pandas as pd

# Columns that are text even though some values look numeric (names, labels, JSON paths).
TEXT_HINTS = ("arm", "name", "segment", "label", "metric", "method", "decision", "item", "unit",
              "channel", "horizon", "control_arm", "kind", "parameter", "path", "reason", "note",
              "not_computable", "status", "policy", "model", "scenario", "bucket", "stage", "merchant")


def is_number(text):
    try:
        float(text)
        return True
    except ValueError:
        return False


def check_csv(path):
    problems = []
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame = pd.read_csv(path)
    for column in raw.columns:
        cells = [c for c in raw[column] if c != ""]
        numeric = [c for c in cells if is_number(c)]
        if not numeric or column in TEXT_HINTS and len(numeric) < len(cells):
            continue
        if column.split("_")[-1] in ("true", "false") or set(cells) <= {"true", "false"}:
            continue
        bad = [c for c in cells if not is_number(c)]
        if bad:
            problems.append(f"{path.name}: column {column} mixes numbers with text such as {bad[0]!r}")
        elif not pd.api.types.is_numeric_dtype(frame[column]):
            problems.append(f"{path.name}: column {column} loads as {frame[column].dtype}, not a number")
    return problems


def check_workbook(folder, tables):
    problems = []
    book = openpyxl.load_workbook(folder / "report.xlsx", read_only=True)
    names = sorted(book.sheetnames)
    expected = sorted(t.stem[:31] for t in tables)
    if names != expected:
        return [f"report.xlsx: sheets {names} differ from the CSV tables {expected}"]
    for table in tables:
        raw = pd.read_csv(table, dtype=str, keep_default_na=False)
        rows = list(book[table.stem[:31]].iter_rows(values_only=True))
        if list(rows[0]) != list(raw.columns):
            problems.append(f"report.xlsx/{table.stem}: header differs from {table.name}")
            continue
        if len(rows) - 1 != len(raw):
            problems.append(f"report.xlsx/{table.stem}: {len(rows) - 1} rows, {table.name} has {len(raw)}")
            continue
        for r, (cells, values) in enumerate(zip(raw.itertuples(index=False), rows[1:]), start=2):
            for column, text, value in zip(raw.columns, cells, values):
                if text == "":
                    ok = value is None
                elif is_number(text) and text not in ("true", "false"):
                    ok = isinstance(value, (int, float)) and math.isclose(value, float(text), rel_tol=1e-12, abs_tol=1e-300)
                else:
                    ok = value == text or value == text.lstrip("'")
                if not ok:
                    problems.append(f"report.xlsx/{table.stem} row {r} {column}: {value!r}, CSV has {text!r}")
                    break
    return problems


def main(folders):
    problems = []
    for name in folders:
        folder = Path(name)
        tables = sorted(folder.glob("*.csv"))
        for table in tables:
            problems += check_csv(table)
        if (folder / "report.xlsx").exists():
            problems += check_workbook(folder, tables)
        else:
            problems.append(f"{folder.name}: no report.xlsx")
    for p in problems:
        print("FAIL", p)
    if problems:
        sys.exit(1)
    print(f"ok   {len(folders)} run folders: every CSV loads in pandas with numeric dtypes; report.xlsx matches")


if __name__ == "__main__":
    main(sys.argv[1:])
