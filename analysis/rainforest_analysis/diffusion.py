"""AI adoption as a diffusion: the adopted share per sector, a fitted Bass (1969) curve with its
coefficients p (external influence) and q (imitation), whether and when it bends, and the share by
firm size at the end of the run (docs/VALIDATION.md section 10).

    python3 -m rainforest_analysis.diffusion FILE.h5

The Bass curve is started at the first month's share F0 (the same closed form as the simulator's
monthly step, docs/MODEL.md 7.10): with G = 1 - F and r = p + q,
G(t) = r G0 / (q G0 + (r - q G0) e^(r t)). Coefficients are per year; the potential is all firms.
"""
import sys

import numpy as np
import pandas as pd

from .reader import open_file

SECTORS = ["ai", "hardtech", "heavy", "services"]
# Firm-size classes of the published rates (Eurostat, INE: enterprises by employees).
SIZE_CLASSES = [("0-9", 0, 10), ("10-49", 10, 50), ("50-249", 50, 250), ("250+", 250, np.inf)]


def bass_share(t, p, q, f0):
    """Adopted share at times t (years, array) of a Bass diffusion with coefficients p, q (per year)
    started at share f0 at t = 0 (0 <= f0 < 1)."""
    t = np.asarray(t, dtype=float)
    r = p + q
    if r <= 0.0:
        return np.full_like(t, f0)
    g0 = 1.0 - f0
    return 1.0 - r * g0 / (q * g0 + (r - q * g0) * np.exp(r * t))


def fit_bass(t, share):
    """Least-squares Bass fit of an adopted-share curve (t in years from its first point, share the
    mean adopted share). Returns dict p, q (per year), f0, rmse. Raises ValueError for fewer than
    three points or a share outside [0, 1)."""
    from scipy.optimize import least_squares

    t = np.asarray(t, dtype=float)
    share = np.asarray(share, dtype=float)
    if len(t) < 3 or np.any(share < 0) or np.any(share >= 1):
        raise ValueError("a Bass fit needs at least three shares in [0, 1)")
    f0 = float(share[0])

    def residual(x):
        return bass_share(t, np.exp(x[0]), np.exp(x[1]), f0) - share

    best = None
    # log-coefficients from several starts: the least-squares surface has long flat valleys.
    for p0 in (1e-3, 1e-2, 1e-1):
        for q0 in (1e-2, 1e-1, 1.0):
            sol = least_squares(residual, [np.log(p0), np.log(q0)], bounds=([-20, -20], [np.log(5), np.log(20)]))
            if best is None or sol.cost < best.cost:
                best = sol
    p, q = float(np.exp(best.x[0])), float(np.exp(best.x[1]))
    return {"p": p, "q": q, "f0": f0, "rmse": float(np.sqrt(np.mean(best.fun ** 2)))}


def inflection_time(p, q, f0):
    """Years after t = 0 at which the fitted curve's adoption rate peaks (it bends from convex to
    concave), at share (q - p) / (2 q); 0 if the curve starts concave, None if q <= p (no bend)."""
    if q <= p:
        return None
    f_star = (q - p) / (2.0 * q)
    if f0 >= f_star:
        return 0.0
    r = p + q
    g0, g_star = 1.0 - f0, 1.0 - f_star
    # G(t) = r g0 / (q g0 + (r - q g0) e^(r t))  solved for G = g_star.
    return float(np.log((r * g0 / g_star - q * g0) / (r - q * g0)) / r)


def sector_curves(rf, group):
    """Mean adopted share per region, sector and month over runs: columns region, sector, month,
    date, share."""
    dates = rf.dates(group)
    rows = []
    for sector in SECTORS:
        a = rf.series_array(f"ai_adoption_{sector}", group)
        mean = np.nanmean(a, axis=0)
        for k, region in enumerate(rf.regions(group)):
            rows.append(pd.DataFrame({"region": region, "sector": sector, "month": np.arange(a.shape[2]),
                                      "date": dates, "share": mean[k]}))
    a = rf.series_array("ai_adoption_share", group)
    mean = a.mean(axis=0)
    for k, region in enumerate(rf.regions(group)):
        rows.append(pd.DataFrame({"region": region, "sector": "all", "month": np.arange(a.shape[2]), "date": dates,
                                  "share": mean[k]}))
    return pd.concat(rows, ignore_index=True)


def fits(curves):
    """A Bass fit per region and sector of sector_curves' output: region, sector, p, q, q_over_p,
    rmse, bends_after_years (None: no bend), share at each December."""
    rows = []
    for (region, sector), c in curves.groupby(["region", "sector"], sort=False):
        c = c.sort_values("month")
        t = c["month"].to_numpy() / 12.0
        fit = fit_bass(t, c["share"].to_numpy())
        bend = inflection_time(fit["p"], fit["q"], fit["f0"])
        row = {"region": region, "sector": sector, "p": fit["p"], "q": fit["q"], "q_over_p": fit["q"] / fit["p"],
               "rmse": fit["rmse"], "bends_after_years": bend}
        for _, m in c[c["date"].str.endswith("-12")].iterrows():
            row[m["date"][:4]] = m["share"]
        rows.append(row)
    return pd.DataFrame(rows)


def by_size(rf, group):
    """Adopted share at the end of the run by firm-size class (employees), per region: region,
    size, firms (per run), share."""
    firms = rf.firms(group)
    regions = rf.regions(group)
    rows = []
    for label, low, high in SIZE_CLASSES:
        sel = firms[(firms["employees"] >= low) & (firms["employees"] < high)]
        for k, region in enumerate(regions):
            s = sel[sel["region"] == k]
            runs = max(1, firms["run"].nunique())
            rows.append({"region": region, "size": label, "firms": len(s) / runs,
                         "share": float(s["ai"].mean()) if len(s) else float("nan")})
    return pd.DataFrame(rows)


def main(argv):
    if len(argv) != 2:
        print("usage: python3 -m rainforest_analysis.diffusion FILE.h5", file=sys.stderr)
        return 2
    try:
        rf = open_file(argv[1])
        with rf:
            for label, group in rf.groups().items():
                print(f"== {label}: Bass fit per sector (p, q per year; bends_after_years from the first month)")
                with pd.option_context("display.width", 250, "display.max_columns", 30):
                    print(fits(sector_curves(rf, group)).to_string(index=False, float_format=lambda v: f"{v:.4g}"))
                    print(f"== {label}: adopted share by firm size at the end")
                    print(by_size(rf, group).to_string(index=False, float_format=lambda v: f"{v:.4g}"))
    except (OSError, ValueError, KeyError) as e:
        print(f"rainforest diffusion: error: {e}\n  what to do: pass a run or comparison file with the "
              "ai_adoption_<sector> series and /final/firms.", file=sys.stderr)
        return 4
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
