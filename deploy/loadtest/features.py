"""The 27 features of fenqi's decision bundle from one application, as FenqiDecision derives them
(FeatureLedger.fillForm): instalment ÷ income, instalment ÷ income × term and the application
trend; lender-history fields default to a customer the lender has never seen."""

FEATURES = [
    "declaredIncome", "bureauScore", "debtToIncome", "creditHistoryMonths", "priorDelinquencies",
    "age", "cityTier", "requestedAmount", "termMonths", "instalmentToIncome", "burdenTimesTerm",
    "externalApplications3m", "deviceApplicants", "openLoans", "applications1m", "applications3m",
    "applications6m", "bookings6m", "bookedPrincipal6m", "contacts3m", "missedPayments3m",
    "missedPayments6m", "monthsSinceLastBooking", "monthsSinceLastMiss", "applicationTrend",
    "lineUtilisation", "tenureMonths",
]

DEFAULTS = {"deviceApplicants": 1, "monthsSinceLastBooking": 99, "monthsSinceLastMiss": 99}


def features(a):
    get = lambda k: float(a.get(k, DEFAULTS.get(k, 0.0)))
    income = max(get("declaredIncome"), 1.0)
    burden = get("instalment") / income
    return [
        get("declaredIncome"), get("bureauScore"), get("debtToIncome"), get("creditHistoryMonths"),
        get("priorDelinquencies"), get("age"), get("cityTier"), get("requestedAmount"),
        get("termMonths"), burden, burden * get("termMonths"), get("externalApplications"),
        get("deviceApplicants"), get("openLoans"), get("applications1m"), get("applications3m"),
        get("applications6m"), get("bookings6m"), get("bookedPrincipal6m"), get("contacts3m"),
        get("missedPayments3m"), get("missedPayments6m"), get("monthsSinceLastBooking"),
        get("monthsSinceLastMiss"), get("applications1m") - get("applications6m") / 6.0,
        get("lineUtilisation"), get("tenureMonths"),
    ]


def random_application(rng):
    term = int(rng.choice([3, 6, 9, 12, 24]))
    amount = float(rng.uniform(500, 20000))
    return {
        "arm": "moderate", "declaredIncome": float(rng.lognormal(9.0, 0.5)),
        "bureauScore": float(rng.uniform(350, 850)), "debtToIncome": float(rng.uniform(0, 0.8)),
        "creditHistoryMonths": float(rng.uniform(0, 240)), "priorDelinquencies": float(rng.poisson(0.3)),
        "age": float(rng.uniform(18, 70)), "cityTier": int(rng.integers(0, 5)),
        "requestedAmount": amount, "termMonths": term, "instalment": amount * 1.1 / term,
        "externalApplications": float(rng.poisson(1.0)),
    }
