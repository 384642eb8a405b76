"""Fits the LightGBM model the FastAPI comparison serves: as many trees as the bundle's GBDT PD
model (binary objective, at most as many leaves per tree), on the same 27 features, trained on
applications drawn over the documented ranges and labelled by the bundle's own PD (a Bernoulli
draw per application), which fenqi serve's batch route computes.

  python train_lightgbm.py BUNDLE.json http://127.0.0.1:PORT OUT.txt
"""
import json
import sys
import urllib.request

import lightgbm as lgb
import numpy as np

from features import FEATURES, features, random_application

bundle_path, base, out = sys.argv[1:4]
bundle = json.load(open(bundle_path))
gbdt = bundle["arms"]["moderate"]["pd"]["model"]["gbdt"]
trees = len(gbdt["trees"])
leaves = max(len(t["leafValue"]) for t in gbdt["trees"])

rng = np.random.default_rng(20261129)
apps = [random_application(rng) for _ in range(20000)]
pds = []
for i in range(0, len(apps), 1000):
    body = json.dumps({"applications": apps[i:i + 1000]}).encode()
    request = urllib.request.Request(base + "/v1/decisions:batch", data=body, method="POST")
    reply = json.load(urllib.request.urlopen(request))
    pds += [d.get("pd") or 0.0 for d in reply["decisions"]]
x = np.array([features(a) for a in apps])
y = (rng.random(len(pds)) < np.array(pds)).astype(int)
params = {"objective": "binary", "num_leaves": max(2, leaves), "learning_rate": 0.1, "verbose": -1}
booster = lgb.train(params, lgb.Dataset(x, label=y), num_boost_round=trees)
booster.save_model(out)
print(f"lightgbm: {trees} trees of at most {leaves} leaves on {len(FEATURES)} features, {int(y.sum())} bads in {len(y)}")
