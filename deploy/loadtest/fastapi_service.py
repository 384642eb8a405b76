"""The comparison service: FastAPI + LightGBM answering POST /v1/decisions like fenqi serve —
the request validated field by field (pydantic), the 27 features derived, the PD predicted, the
top three reasons from LightGBM's per-feature contributions, approve below the bundle's threshold.
It runs no fraud screen (fenqi's isolation forest and rules), so it does less work per request.

  FENQI_LIGHTGBM=model.txt FENQI_BUNDLE=bundle.json uvicorn fastapi_service:app --workers 2
"""
import json
import os

import lightgbm as lgb
import numpy as np
from fastapi import FastAPI
from pydantic import BaseModel, ConfigDict, Field

from features import FEATURES, features

booster = lgb.Booster(model_file=os.environ["FENQI_LIGHTGBM"])
bundle = json.load(open(os.environ["FENQI_BUNDLE"]))
threshold = bundle["arms"]["moderate"]["threshold"]
reasons = {d["name"]: (d.get("reasonCode"), d.get("reason")) for d in bundle["featureDefinitions"]}


class Application(BaseModel):
    model_config = ConfigDict(extra="forbid")
    arm: str
    declaredIncome: float = Field(ge=0, le=100_000_000)
    bureauScore: float = Field(ge=0, le=1000)
    debtToIncome: float = Field(ge=0, le=10)
    creditHistoryMonths: float = Field(ge=0, le=1200)
    priorDelinquencies: float = Field(ge=0, le=1000)
    age: float = Field(ge=18, le=100)
    cityTier: int = Field(ge=0, le=4)
    requestedAmount: float = Field(ge=0, le=10_000_000)
    termMonths: int = Field(ge=1, le=120)
    instalment: float = Field(ge=0, le=10_000_000)
    externalApplications: float = Field(ge=0, le=1000)


app = FastAPI()


@app.post("/v1/decisions")
def decide(a: Application):
    x = np.array([features(a.model_dump())])
    pd = float(booster.predict(x)[0])
    contributions = booster.predict(x, pred_contrib=True)[0][:-1]
    top = np.argsort(-contributions)[:3]
    return {
        "arm": a.arm, "decision": "approved" if pd < threshold else "declined", "pd": pd,
        "threshold": threshold,
        "reasons": [
            {"code": reasons.get(FEATURES[i], (None, None))[0], "feature": FEATURES[i],
             "reason": reasons.get(FEATURES[i], (None, None))[1], "contribution": float(contributions[i])}
            for i in top
        ],
    }
