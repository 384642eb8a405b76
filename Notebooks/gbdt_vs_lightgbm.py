"""Side-by-side benchmark: Fenqi's GBDT against LightGBM on the same file and hyper-parameters.

Usage (from the repository root, after `swift build -c release`):

    python3 -m venv .build-lightgbm
    .build-lightgbm/bin/pip install -r Notebooks/requirements-lightgbm.txt
    .build-lightgbm/bin/python Notebooks/gbdt_vs_lightgbm.py [--rows 1000000] [--threads 2] [--runs 3]

It writes the synthetic data set once with `fenqi-bench gbdt --write`, then alternates the two
trainers `--runs` times each on that file (last fifth of the rows for validation, 100 trees,
31 leaves, learning rate 0.1, min_data_in_leaf 20, 255 bins, no bagging; LightGBM otherwise at its
defaults) and prints the median training time, prediction throughput and validation AUC of each.
Training time includes binning for both (LightGBM's Dataset construction; Fenqi's bin fitting),
never file parsing. The data's values have four decimals, so both parsers read the same numbers.
"""

import argparse
import json
import os
import statistics
import subprocess
import tempfile
import time

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score


def run_lightgbm(frame, threads, trees, leaves):
    cut = len(frame) * 4 // 5
    x = frame.drop(columns=["y"]).to_numpy(dtype=np.float64)
    y = frame["y"].to_numpy(dtype=np.float64)
    params = {
        "objective": "binary",
        "num_leaves": leaves,
        "learning_rate": 0.1,
        "min_data_in_leaf": 20,
        "min_sum_hessian_in_leaf": 1e-3,
        "lambda_l2": 0.0,
        "max_bin": 255,
        "bagging_fraction": 1.0,
        "feature_fraction": 1.0,
        "num_threads": threads,
        "verbose": -1,
    }
    start = time.perf_counter()
    train = lgb.Dataset(x[:cut], label=y[:cut], free_raw_data=False)
    booster = lgb.train(params, train, num_boost_round=trees)
    train_seconds = time.perf_counter() - start
    start = time.perf_counter()
    scores = booster.predict(x[cut:], raw_score=True, num_threads=threads)
    predict_seconds = time.perf_counter() - start
    return {
        "train_seconds": train_seconds,
        "predict_rows_per_second": (len(y) - cut) / predict_seconds,
        "valid_auc": roc_auc_score(y[cut:], scores),
    }


def run_fenqi(bench, path, threads, trees, leaves):
    out = subprocess.run(
        [bench, "gbdt", "--data", path, "--threads", str(threads),
         "--trees", str(trees), "--leaves", str(leaves)],
        check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--trees", type=int, default=100)
    parser.add_argument("--leaves", type=int, default=31)
    parser.add_argument("--bench", default=".build/release/fenqi-bench")
    parser.add_argument("--data", help="reuse this CSV instead of writing a new one")
    args = parser.parse_args()

    path = args.data
    if path is None:
        path = os.path.join(tempfile.mkdtemp(), "gbdt.csv")
        subprocess.run([args.bench, "gbdt", "--write", path, "--rows", str(args.rows)],
                       check=True, capture_output=True)
    frame = pd.read_csv(path)

    fenqi, light = [], []
    for _ in range(args.runs):
        fenqi.append(run_fenqi(args.bench, path, args.threads, args.trees, args.leaves))
        light.append(run_lightgbm(frame, args.threads, args.trees, args.leaves))

    def median(runs, key):
        return statistics.median(r[key] for r in runs)

    print(f"data: {len(frame):,} rows x {frame.shape[1] - 1} features, "
          f"{args.trees} trees, {args.leaves} leaves, {args.threads} threads, "
          f"medians of {args.runs} alternating runs; LightGBM {lgb.__version__}")
    print(f"{'':28}{'Fenqi':>12}{'LightGBM':>12}{'ratio':>10}")
    for key, label in [("train_seconds", "training seconds"),
                       ("predict_rows_per_second", "prediction rows/s"),
                       ("valid_auc", "validation AUC")]:
        a, b = median(fenqi, key), median(light, key)
        ratio = a / b if key != "valid_auc" else a - b
        suffix = "x" if key != "valid_auc" else " (diff)"
        print(f"{label:28}{a:12.4f}{b:12.4f}{ratio:10.4f}{suffix}")


if __name__ == "__main__":
    main()
