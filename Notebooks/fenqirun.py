"""Reads a Fenqi run folder for the notebooks.

Fenqi writes a figure that is not meaningful as an empty cell (older folders: `null`) and gives a text cell that starts like a spreadsheet formula (`=`, `+`, `-`, `@`,
tab, carriage return) a leading apostrophe, leaving plain numbers such as -12.5 alone
(CSVTable.neutralised in Sources/FenqiReport). `read_csv` undoes both, so names read back exactly as the
scenario spelled them — also names like "NA" or "None", which pandas would otherwise turn into NaN.
"""
import json
import os
import pathlib
import re

import pandas as pd

# An apostrophe Fenqi put in front of a formula's first character (and not in front of a plain number).
_NEUTRALISED = re.compile(r"^'(?=[=+\-@\t\r])(?!-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$)")


def restored(cell):
    """A text cell as the scenario spelled it: the apostrophe in front of a formula character removed."""
    return _NEUTRALISED.sub("", cell, count=1) if isinstance(cell, str) else cell


def read_csv(path):
    """One of Fenqi's CSV files as a DataFrame: `null` and empty cells are NaN, text cells restored."""
    frame = pd.read_csv(path, keep_default_na=False, na_values=["", "null"])
    frame.columns = [restored(c) for c in frame.columns]
    for column in frame.columns:
        if not pd.api.types.is_numeric_dtype(frame[column]) and not pd.api.types.is_bool_dtype(frame[column]):
            frame[column] = frame[column].map(restored)
    return frame


def skip(reason):
    """Says why a section draws nothing for this run (a file or a feature it does not have)."""
    print(f"skip: {reason}")


class Run:
    """A run folder: `$FENQI_RUN`, else the committed reference run."""

    def __init__(self, folder=None):
        self.folder = pathlib.Path(folder or os.environ.get("FENQI_RUN", "../Results/reference"))
        self.summary = json.loads((self.folder / "summary.json").read_text())
        self.arms = self.table("arms.csv")
        self.periods = self.table("periods.csv")
        self.segments = self.table("segments.csv")
        self.vintages = self.table("vintages.csv")

    def table(self, name):
        """A file every run folder has."""
        return read_csv(self.folder / name)

    def optional(self, name, why):
        """A file only some runs have (None, with a printed note saying why, when this one has not)."""
        path = self.folder / name
        if path.exists():
            return read_csv(path)
        skip(f"no {name} in {self.folder.name}: {why}")
        return None

    def headline(self):
        s = self.summary
        return f"{s['scenario']} · {s['customers']:,} customers · {s['periods']} months · {len(self.arms)} arms"
