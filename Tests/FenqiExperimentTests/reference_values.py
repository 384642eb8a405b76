"""Reference values for Tests/FenqiExperimentTests, from SciPy and statsmodels.

Regenerate (pip install scipy statsmodels numpy) with:
    python3 Tests/FenqiExperimentTests/reference_values.py
> Tests/FenqiExperimentTests/ReferenceValues.swift (after a header line),
then format it with `swift format -i Tests/FenqiExperimentTests/ReferenceValues.swift`.
"""
import numpy as np
from scipy import integrate, optimize, stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.power import NormalIndPower
from statsmodels.stats.proportion import confint_proportions_2indep, proportion_effectsize, proportions_ztest


def out(name, value):
    print(f"  static let {name} = {float(value)!r}")


print("enum Reference {")
# Two proportions: control 480/10000, treatment 560/10000.
z, p = proportions_ztest([560, 480], [10000, 10000])
out("proportionZ", z); out("proportionP", p)
lo, hi = confint_proportions_2indep(560, 10000, 480, 10000, method="wald", compare="diff")
out("proportionDiffLow", lo); out("proportionDiffHigh", hi)
lo, hi = confint_proportions_2indep(560, 10000, 480, 10000, method="log", compare="ratio")
out("proportionRelLow", lo - 1); out("proportionRelHigh", hi - 1)

# Welch from summary statistics: control n=500, mean 102.3, sd 31.7; treatment n=650, mean 106.9, sd 35.2.
r = stats.ttest_ind_from_stats(106.9, 35.2, 650, 102.3, 31.7, 500, equal_var=False)
out("welchT", r.statistic); out("welchP", r.pvalue)
vc, vt = 31.7**2 / 500, 35.2**2 / 650
df = (vc + vt) ** 2 / (vc**2 / 499 + vt**2 / 649)
crit = stats.t.ppf(0.975, df)
out("welchDiffLow", 4.6 - crit * np.sqrt(vc + vt)); out("welchDiffHigh", 4.6 + crit * np.sqrt(vc + vt))

# Distributions.
out("tQuantile", stats.t.ppf(0.975, 7.3)); out("tCDF", stats.t.cdf(-2.1, 4.5))
out("chi2Survival", stats.chi2.sf(3.7, 2))
chi = stats.chisquare([5100, 4900, 5050], f_exp=np.array([1 / 3, 1 / 3, 1 / 3]) * 15050)
out("srmStatistic", chi.statistic); out("srmP", chi.pvalue)
out("betaQuantile", stats.beta.ppf(0.025, 49, 953))

# Multiple testing.
pv = [0.01, 0.04, 0.03, 0.2, 0.005]
print("  static let holm: [Double] =", [float(x) for x in multipletests(pv, method="holm")[1]])
print("  static let bh: [Double] =", [float(x) for x in multipletests(pv, method="fdr_bh")[1]])

# Beta-binomial: control 48/1000, treatment 62/1000, uniform priors.
A, B = stats.beta(49, 953), stats.beta(63, 939)
better = integrate.quad(lambda a: A.pdf(a) * B.sf(a), 0, 1, epsabs=1e-13, limit=400)[0]
# E[(A − B)⁺] = E[A]·P(A′ > B) − E[B]·P(A > B′), A′ ~ Beta(αA + 1, βA), B′ ~ Beta(αB + 1, βB).
def greater(X, Y):
    return integrate.quad(lambda a: X.pdf(a) * Y.cdf(a), 0, 1, epsabs=1e-15, epsrel=1e-12, limit=500, points=[0.03, 0.05, 0.07, 0.1])[0]
loss = A.mean() * greater(stats.beta(50, 953), B) - B.mean() * greater(A, stats.beta(64, 939))
out("bayesBetter", better); out("bayesLoss", loss)
out("bayesControlLow", A.ppf(0.025)); out("bayesTreatmentHigh", B.ppf(0.975))

# Power (NormalIndPower): 5% baseline, 5.5% treatment.
h = proportion_effectsize(0.055, 0.05)
out("powerH", h)
out("powerN", NormalIndPower().solve_power(effect_size=h, alpha=0.05, power=0.8, ratio=1))
# solve_power's own root is loose (power 0.79997), so solve NormalIndPower.power = 0.8 tightly.
out("powerMDE", optimize.brentq(lambda e: NormalIndPower().power(effect_size=e, nobs1=20000, alpha=0.05, ratio=1) - 0.8, 1e-4, 1, xtol=1e-16))
out("powerAtN", NormalIndPower().power(effect_size=0.03, nobs1=15000, alpha=0.05, ratio=0.5))

# Ratio metric by the delta method, and CUPED, on generated data (sums printed for the Swift side).
rng = np.random.default_rng(20261124)
def arm(n, lift):
    x = rng.gamma(2.0, 50.0, n)                    # pre-period spend (covariate) / denominator
    y = 0.6 * x + rng.normal(10 + lift, 20, n)     # outcome correlated with x
    return x, y
xc, yc = arm(4000, 0.0); xt, yt = arm(4200, 1.5)
for name, x, y in [("Control", xc, yc), ("Treatment", xt, yt)]:
    print(f"  static let joint{name} = (n: {len(x)}.0, sy: {float(y.sum())!r}, syy: {float((y*y).sum())!r}, sx: {float(x.sum())!r}, sxx: {float((x*x).sum())!r}, sxy: {float((x*y).sum())!r})")
def ratio_var(x, y):
    r = y.sum() / x.sum(); n = len(x)
    c = np.cov(y, x, ddof=1)
    return r, (c[0, 0] - 2 * r * c[0, 1] + r * r * c[1, 1]) / (n * x.mean() ** 2)
(rc, vcr), (rt, vtr) = ratio_var(xc, yc), ratio_var(xt, yt)
out("ratioDifference", rt - rc); out("ratioSE", np.sqrt(vcr + vtr))
out("ratioP", 2 * stats.norm.sf(abs((rt - rc) / np.sqrt(vcr + vtr))))
xall, yall = np.concatenate([xc, xt]), np.concatenate([yc, yt])
theta = np.cov(yall, xall, ddof=1)[0, 1] / np.var(xall, ddof=1)
adj_c, adj_t = yc - theta * (xc - xall.mean()), yt - theta * (xt - xall.mean())
r = stats.ttest_ind(adj_t, adj_c, equal_var=False)
out("cupedTheta", theta); out("cupedT", r.statistic); out("cupedP", r.pvalue)
r = stats.ttest_ind(yt, yc, equal_var=False)
out("plainT", r.statistic)
ci = stats.bootstrap((yt[:300], yc[:300]), lambda a, b, axis=-1: a.mean(axis=axis) - b.mean(axis=axis), n_resamples=20000,
                     method="BCa", random_state=1).confidence_interval
out("bootstrapBCaLow", ci.low); out("bootstrapBCaHigh", ci.high)
print("  static let bootstrapControl: [Double] =", [float(v) for v in yc[:300]])
print("  static let bootstrapTreatment: [Double] =", [float(v) for v in yt[:300]])
print("}")
