"""Figures drawn from the firm event log (docs/OUTPUT.md, "/events"): survival curves, hazard by
age, exit multiples of funded firms and AI adoption by sector. Each draws one PNG and returns the
table of its numbers, with the simulated firms and events each number rests on."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from . import demography  # noqa: E402
from .tables import FEW_EVENTS, few  # noqa: E402

AGES = (12, 36, 60)  # months at which the survival table reads the curves
_Z95 = 1.959963984540054


def histories(rf):
    """{group: demography.histories of its event log}, for the groups that have a log."""
    out = {}
    for name in rf.groups():
        events = rf.events(name)
        if not events.empty:
            out[name] = demography.histories(events, rf.series_array("firms_alive", name).shape[2])
    return out


def _finish(fig, ax, path, rows, xlabel, ylabel, title):
    """Labels, legend and grid of a one-axis figure; saves it and returns its table from `rows`."""
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.legend()
    ax.grid(alpha=0.3)
    fig.savefig(path)
    plt.close(fig)
    return pd.DataFrame(rows)


def _curves(ax, hist, by, title, keep=None):
    """Draws Kaplan-Meier curves of `hist` grouped by `by` (None: one curve per dict key) on ax."""
    frames = []
    items = hist.items() if by is None else [(None, hist)]
    for label, h in items:
        curve = demography.kaplan_meier(h, by)
        if label is not None:
            curve["group"] = label
        frames.append(curve)
    curve = pd.concat(frames, ignore_index=True)
    for group, g in curve.groupby("group", sort=False):
        if keep is not None and group not in keep:
            continue
        line = ax.step(g["age_months"] / 12.0, g["survival"], where="post", label=str(group))[0]
        ax.fill_between(g["age_months"] / 12.0, g["ci_low"], g["ci_high"], step="post", alpha=0.2,
                        color=line.get_color())
    ax.set_title(title)
    ax.set_xlabel("age (years since founding)")
    ax.set_ylabel("share of firms still alive")
    ax.set_ylim(0, 1.02)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
    return curve[curve["group"].isin(keep) if keep is not None else slice(None)]


def _read_off(curve, split):
    """Survival at AGES per curve, with the firms, failures and firms still at risk it rests on."""
    rows = []
    for group, g in curve.groupby("group", sort=False):
        firms = int(g["at_risk"].iloc[0]) if len(g) else 0
        for age in AGES:
            before = g[g["age_months"] <= age]
            later = g[g["age_months"] >= age]
            failures = int(before["failures"].sum())
            rows.append({"curve": f"{split}: {group}", "age (months)": age,
                         "survival": before["survival"].iloc[-1] if len(before) else 1.0,
                         "low": before["ci_low"].iloc[-1] if len(before) else 1.0,
                         "high": before["ci_high"].iloc[-1] if len(before) else 1.0,
                         "firms": firms, "failures by then": failures,
                         "still at risk": int(later["at_risk"].max()) if len(later) else 0,
                         "rests on": f"{failures:,} simulated failures among {firms:,} firms"
                         + (" (few events)" if few(failures) else "")})
    return rows


def survival(rf, hist, path):
    """Kaplan-Meier survival of the firms founded during the run (pooled over runs) with log-log 95 %
    intervals: by scenario (several) or by yearly cohort (one), and by origin (first scenario)."""
    fig, axes = plt.subplots(1, 2, figsize=(12, 4.8))
    rows = []
    first = next(iter(hist))
    if len(hist) > 1:
        rows += _read_off(_curves(axes[0], hist, None, "by scenario"), "scenario")
    else:
        h = hist[first]
        sizes = h.groupby("cohort").size()
        keep = list(sizes[sizes >= FEW_EVENTS].index[::max(1, len(sizes) // 5)][:5])
        rows += _read_off(_curves(axes[0], h, "cohort", "by cohort (year founded, 0 = first year)", keep), "cohort")
    rows += _read_off(_curves(axes[1], hist[first], "origin", f"by origin ({first})"), "origin")
    fig.suptitle("Survival of firms founded during the run (Kaplan-Meier, 95 % band)")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return pd.DataFrame(rows)


def hazard(rf, hist, path):
    """Life-table hazard of failure by year of age per scenario, with a 95 % binomial interval; bands
    resting on fewer than FEW_EVENTS failures are drawn hollow."""
    fig, ax = plt.subplots(figsize=(8, 4.8))
    rows = []
    for name, h in hist.items():
        t = demography.hazard_by_age(h, width=12)
        exposed = t["at_risk"] - t["censored"] / 2.0
        half = _Z95 * np.sqrt(t["hazard"] * (1 - t["hazard"]) / exposed.where(exposed > 0))
        line = ax.errorbar(t["band"] + 0.5, t["hazard"], yerr=half, fmt="-", capsize=2, label=name)
        color = line[0].get_color()
        solid = ~few(t["failures"])
        ax.scatter(t["band"][solid] + 0.5, t["hazard"][solid], color=color, zorder=3)
        ax.scatter(t["band"][~solid] + 0.5, t["hazard"][~solid], facecolor="white", edgecolor=color, zorder=3)
        for _, r in t.iterrows():
            rows.append({"scenario": name, "age (years)": f"{int(r['band'])}-{int(r['band']) + 1}",
                         "at risk": int(r["at_risk"]), "failures": int(r["failures"]), "censored": int(r["censored"]),
                         "hazard": r["hazard"], "rests on": f"{int(r['failures']):,} simulated failures"
                         + (" (few events)" if few(r["failures"]) else "")})
    ax.set_ylim(bottom=0)
    return _finish(fig, ax, path, rows, "age (years since founding)", "share failing within the year of age",
                   f"Hazard of failure by age (life table; hollow: fewer than {FEW_EVENTS} failures)")


def multiples(rf, path):
    """What the investors of funded firms got back: the exit multiple of every resolved funded firm
    (IPO, acquisition, or failure at 0), pooled over runs, per scenario."""
    fig, ax = plt.subplots(figsize=(8, 4.8))
    rows = []
    edges = np.concatenate([[0.0], np.logspace(-2, 3, 26)])
    for name in rf.groups():
        m = demography.exit_multiples(rf.events(name))
        if m.empty:
            continue
        values = m["multiple"].to_numpy(dtype=float)
        shown = np.clip(values, edges[1] * 1.0001, edges[-1] * 0.9999)  # 0 and beyond 1000 x in the end bins
        shown[values == 0] = edges[1] / 2
        ax.hist(shown, bins=np.concatenate([[edges[1] / 4], edges[1:]]), histtype="step", lw=1.5, label=name)
        summary = demography.multiple_summary(m)
        for kind in ("ipo", "acquisition", "failure"):
            summary[f"{kind}s"] = int((m["kind"] == kind).sum())
        summary["rests on"] = f"{summary['resolved']:,} simulated resolved funded firms" + (
            " (few events)" if few(summary["resolved"]) else "")
        rows.append({"scenario": name, **summary})
    ax.set_xscale("log")
    ax.axvline(1.0, color="black", lw=0.8, ls=":")
    return _finish(fig, ax, path, rows,
                   "multiple: what the investors' stakes fetched / what they paid in (failures at the left edge)",
                   "funded firms (pooled over runs)", "Exit multiples of funded firms")


def adoption_by_sector(rf, path):
    """Share of living firms that have adopted AI, per sector (pooled over runs), one panel per
    scenario, each axis fitted to its data; the table gives the share every year."""
    groups = [n for n in rf.groups() if not rf.events(n).empty]
    fig, axes = plt.subplots(1, len(groups), figsize=(6 * len(groups), 4.5), squeeze=False)
    rows = []
    for ax, name in zip(axes.ravel(), groups):
        months = rf.series_array("firms_alive", name).shape[2]
        a = demography.adoption_by_sector(rf.events(name), months)
        for sector, g in a.groupby("sector", sort=False):
            ax.plot(g["month"] / 12.0, g["share"], label=sector)
            for _, r in g[(g["month"] % 12 == 11) | (g["month"] == months - 1)].drop_duplicates("month").iterrows():
                rows.append({"scenario": name, "sector": sector, "month": int(r["month"]), "share": r["share"],
                             "adopters": int(r["adopters"]), "firms": int(r["firms"]),
                             "rests on": f"{int(r['adopters']):,} simulated adopters among {int(r['firms']):,} firms"
                             + (" (few events)" if few(r["adopters"]) else "")})
        top = np.nanmax(a["share"].to_numpy(dtype=float)) if len(a) else 1.0
        ax.set_ylim(0, min(1.0, 1.1 * top) if top > 0 else 1.0)
        ax.set_title(name)
        ax.set_xlabel("years since start")
        ax.set_ylabel("share of living firms using AI")
        ax.legend(fontsize=8)
        ax.grid(alpha=0.3)
    fig.suptitle("AI adoption by sector (from the event log, pooled over runs)")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return pd.DataFrame(rows)
