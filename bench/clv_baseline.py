"""CLV fit baseline for `npm run bench`: BG/NBD and Gamma-Gamma fitted with SciPy on the summary the
workbench wrote (x, t_x, T, monetary per customer), with the log-likelihoods as the lifetimes package
writes them (vectorised NumPy, log-parameters, BFGS from zeros). lifetimes itself takes its gradient from
autograd, which is not installable here, so SciPy's finite differences stand in: a fair upper bound on
what a Python notebook does. Prints one JSON line: median seconds of 7 fits each."""
import json
import sys
import time

import numpy as np
import pandas as pd
from scipy.optimize import minimize
from scipy.special import gammaln


def bgnbd_nll(v, x, tx, T):
    r, alpha, a, b = np.exp(v)
    a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    a2 = gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x)
    a3 = -(r + x) * np.log(alpha + T)
    a4 = np.log(a) - np.log(np.maximum(b + x - 1, 1e-300)) - (r + x) * np.log(alpha + tx)
    d = np.where(x > 0, 1.0, 0.0)
    ll = a1 + a2 + np.logaddexp(a3, np.where(d > 0, a4, -np.inf))
    return -ll.mean()


def gg_nll(v, x, m):
    p, q, g = np.exp(v)
    ll = (gammaln(p * x + q) - gammaln(p * x) - gammaln(q) + q * np.log(g) + (p * x - 1) * np.log(m)
          + (p * x) * np.log(x) - (p * x + q) * np.log(x * m + g))
    return -ll.mean()


def median_time(fn):
    times, out = [], None
    for _ in range(7):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return sorted(times)[3], out


def main(path):
    s = pd.read_csv(path)
    x, tx, T = s["x"].to_numpy(float), s["t_x"].to_numpy(float), s["T"].to_numpy(float)
    rep = s[(s["x"] > 0) & (s["monetary"] > 0)]
    bg_s, bg = median_time(lambda: minimize(bgnbd_nll, np.zeros(4), args=(x, tx, T), method="BFGS"))
    gg_s, gg = median_time(lambda: minimize(gg_nll, np.zeros(3), args=(rep["x"].to_numpy(float), rep["monetary"].to_numpy(float)), method="BFGS"))
    r, alpha, a, b = np.exp(bg.x)
    note = f"scipy BFGS (finite differences): r={r:.4f} a={a:.4f}; BG/NBD {bg_s:.3f} s, Gamma-Gamma {gg_s:.3f} s"
    print(json.dumps({"stage": "clv-fit scipy", "rows": int(len(s)), "seconds": bg_s + gg_s, "bgnbdSeconds": bg_s,
                      "gammaGammaSeconds": gg_s, "peakRssMb": 0, "note": note}))


if __name__ == "__main__":
    main(sys.argv[1])
