"""Firm demography and venture outcomes from the firm event log (docs/OUTPUT.md, "/events"):
one history per firm, Kaplan-Meier survival by cohort, origin or region, the hazard of failure
by age, the investors' exit multiples, and the times to a first round and to an exit.

    from rainforest_analysis import open_file, demography
    f = open_file("results/hangzhou.h5")
    h = demography.histories(f.events(), f.months())
    demography.kaplan_meier(h, by="cohort")

Survival is that of firms founded during the run (their age is known; firms of the initial
population are left out, their ages at the start being unknown). The event is a failure; a firm
alive at the end of its run is censored there. Acquisitions and IPOs are exits for investors, not
deaths: a listed firm goes on; an acquired firm leaves the population into its acquirer and is
censored at the month of its acquisition. Runs are pooled: every firm of every
run is one observation. Kaplan-Meier estimates come from statsmodels (Debian's
python3-statsmodels), with Greenwood's variance and log-log pointwise 95 % intervals.
"""
import numpy as np
import pandas as pd
from statsmodels.duration.survfunc import SurvfuncRight

_Z95 = 1.959963984540054


def histories(events, months):
    """One row per firm founded during the run (per run): run, firm, region, sector, origin,
    birth_month, cohort (year of the run it was founded in, 0 = the first), failed (bool),
    end_month (failure month; acquisition month, censored; else the run's last month months - 1),
    age_months (end_month - birth_month), rounds, raised (m CNY), first_round_month, exit_kind ("ipo",
    "acquisition" or missing), exit_month, multiple (of the exit, or 0 for a funded firm that
    failed). `events` is RainforestFile.events() (decoded); `months` the run length."""
    if events.empty:
        return pd.DataFrame()
    kind = events["kind"].astype(str)
    key = ["run", "firm"]
    births = events[kind == "birth"][key + ["region", "sector", "origin", "month"]].rename(columns={"month": "birth_month"})
    failures = events[kind == "failure"].groupby(key)["month"].min().rename("failure_month")
    rounds = events[kind == "round"].groupby(key).agg(rounds=("month", "size"), raised=("amount", "sum"),
                                                     first_round_month=("month", "min"))
    exits = events[kind.isin(["ipo", "acquisition"])].sort_values("month").groupby(key).first()
    exits = exits[["kind", "month", "multiple"]].rename(columns={"kind": "exit_kind", "month": "exit_month"})
    failed_multiple = events[(kind == "failure") & events["multiple"].notna()].groupby(key)["multiple"].first()
    h = births.set_index(key).join(failures).join(rounds).join(exits)
    h["failed"] = h["failure_month"].notna()
    acquired = h["exit_month"].where(h["exit_kind"] == "acquisition")
    h["end_month"] = h["failure_month"].fillna(acquired).fillna(months - 1).astype(np.int64)
    h["age_months"] = h["end_month"] - h["birth_month"]
    h["cohort"] = h["birth_month"] // 12
    h["rounds"] = h["rounds"].fillna(0).astype(np.int64)
    h["raised"] = h["raised"].fillna(0.0)
    h["exit_kind"] = h["exit_kind"].astype(object).where(h["exit_kind"].notna(), None)
    h["multiple"] = h["multiple"].fillna(failed_multiple.reindex(h.index))
    h = h.drop(columns="failure_month").reset_index()
    return h


def kaplan_meier(hist, by=None):
    """Kaplan-Meier survival of firms by age: group (or "all"), age_months, survival, ci_low,
    ci_high (log-log 95 %), at_risk, failures; `by` is a column of `hist` (e.g. "cohort", "origin",
    "region"). A curve rests on the at_risk and failures columns: read no further than firms remain."""
    if hist.empty:
        return pd.DataFrame()
    groups = [("all", hist)] if by is None else [(k, g) for k, g in hist.groupby(by, observed=True)]
    frames = []
    for label, g in groups:
        sf = SurvfuncRight(g["age_months"].to_numpy(dtype=float), g["failed"].to_numpy(dtype=float))
        s = np.asarray(sf.surv_prob)
        se = np.asarray(sf.surv_prob_se)
        with np.errstate(divide="ignore", invalid="ignore"):
            # log-log interval: S ** exp(+-z se / (S log S)); undefined at S = 1 or 0
            w = _Z95 * se / (s * np.abs(np.log(s)))
            low = np.where((s > 0) & (s < 1), s ** np.exp(w), s)
            high = np.where((s > 0) & (s < 1), s ** np.exp(-w), s)
        frames.append(pd.DataFrame({"group": label, "age_months": sf.surv_times, "survival": s, "ci_low": low,
                                    "ci_high": high, "at_risk": sf.n_risk, "failures": sf.n_events}))
    return pd.concat(frames, ignore_index=True)


def survival_at(curve, age_months):
    """Survival read off a kaplan_meier() curve at an age (the step function's value), per group."""
    rows = []
    for label, g in curve.groupby("group", sort=False):
        before = g[g["age_months"] <= age_months]
        rows.append({"group": label, "age_months": age_months,
                     "survival": before["survival"].iloc[-1] if len(before) else 1.0,
                     "at_risk": g[g["age_months"] >= age_months]["at_risk"].max() if (g["age_months"] >= age_months).any() else 0})
    return pd.DataFrame(rows)


def hazard_by_age(hist, width=12):
    """Hazard of failure by age band (life table): band (0 = first `width` months of life),
    at_risk (firms alive at the start of the band), failures, censored, hazard = failures /
    (at_risk - censored / 2), the actuarial estimate of the share failing within the band."""
    if hist.empty:
        return pd.DataFrame()
    band = hist["age_months"] // width
    rows = []
    for b in range(int(band.max()) + 1):
        at_risk = int((band >= b).sum())
        failures = int(((band == b) & hist["failed"]).sum())
        censored = int(((band == b) & ~hist["failed"]).sum())
        exposed = at_risk - censored / 2.0
        rows.append({"band": b, "at_risk": at_risk, "failures": failures, "censored": censored,
                     "hazard": failures / exposed if exposed > 0 else np.nan})
    return pd.DataFrame(rows)


def exit_multiples(events):
    """Investors' multiples of resolved funded firms: kind ("ipo", "acquisition", "failure"), multiple;
    failures of firms that raised equity count at 0. Summarise with multiple_summary()."""
    if events.empty:
        return pd.DataFrame()
    kind = events["kind"].astype(str)
    resolved = events[kind.isin(["ipo", "acquisition", "failure"]) & events["multiple"].notna()]
    return resolved[["run", "firm", "month", "kind", "multiple"]].assign(kind=lambda d: d["kind"].astype(str))


def multiple_summary(multiples):
    """resolved (firms), share_below_1x, share_1x_to_10x, share_10x_or_more, median, mean."""
    m = multiples["multiple"].to_numpy(dtype=float)
    n = len(m)
    if n == 0:
        return {"resolved": 0}
    return {"resolved": n, "share_below_1x": float((m < 1).mean()), "share_1x_to_10x": float(((m >= 1) & (m < 10)).mean()),
            "share_10x_or_more": float((m >= 10).mean()), "median": float(np.median(m)), "mean": float(m.mean())}


def time_to(hist, what):
    """Months from founding to the first round (what="first_round") or to an exit ("exit") of the
    firms that got there: run, firm, months. The firms that never did are not in it (they are
    censored: compare the count with len(hist))."""
    column = {"first_round": "first_round_month", "exit": "exit_month"}[what]
    got = hist[hist[column].notna()]
    return pd.DataFrame({"run": got["run"], "firm": got["firm"],
                         "months": (got[column] - got["birth_month"]).astype(np.int64)}).reset_index(drop=True)


def adoption_by_sector(events, months):
    """Share of living firms that have adopted AI, by sector and month, pooled over runs: sector,
    month, firms (alive at the end of the month, summed over runs), adopters (of them, those that
    adopted in or before the month), share. A firm lives from its `initial` (month 0) or `birth`
    event until the month of its `failure` event, in which it no longer counts."""
    if events.empty:
        return pd.DataFrame()
    kind = events["kind"].astype(str)
    key = ["run", "firm"]
    firms = events[kind.isin(["initial", "birth"])].drop_duplicates(key).set_index(key)[["sector", "month"]]
    firms = firms.join(events[kind == "failure"].groupby(key)["month"].min().rename("end"))
    firms = firms.join(events[kind == "adoption"].groupby(key)["month"].min().rename("adopted"))
    end = firms["end"].fillna(months).to_numpy(dtype=np.int64)
    adopted = firms["adopted"].fillna(months).to_numpy(dtype=np.int64)
    start = firms["month"].to_numpy(dtype=np.int64)
    rows = []
    for sector in firms["sector"].cat.categories if hasattr(firms["sector"], "cat") else sorted(firms["sector"].unique()):
        sel = (firms["sector"] == sector).to_numpy()
        alive = np.zeros(months + 1, dtype=np.int64)
        np.add.at(alive, start[sel], 1)
        np.add.at(alive, np.minimum(end[sel], months), -1)
        adopters = np.zeros(months + 1, dtype=np.int64)
        first = np.maximum(adopted[sel], start[sel])
        live = first < end[sel]  # adopted while alive
        np.add.at(adopters, first[live], 1)
        np.add.at(adopters, np.minimum(end[sel][live], months), -1)
        alive, adopters = np.cumsum(alive)[:months], np.cumsum(adopters)[:months]
        with np.errstate(divide="ignore", invalid="ignore"):
            share = np.where(alive > 0, adopters / alive, np.nan)
        rows.append(pd.DataFrame({"sector": str(sector), "month": np.arange(months), "firms": alive,
                                  "adopters": adopters, "share": share}))
    return pd.concat(rows, ignore_index=True)
