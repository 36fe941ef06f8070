"""Figures of a report. Each function draws one figure from a RainforestFile and saves a PNG."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from .tables import rests_on  # noqa: E402

plt.rcParams.update({"font.size": 10, "axes.titlesize": 12, "axes.labelsize": 10, "legend.fontsize": 9,
                     "figure.dpi": 100, "savefig.bbox": "tight"})

# Key outcomes over time: metric, label with units, cumulative over months?
TIME_SERIES = [
    ("firms_alive", "Living firms (real city)", False, True),
    ("startups_funded", "Funded startups, cumulative (real city)", True, True),
    ("unicorns", "Unicorns: unlisted technology firms >= 1 bn USD (real city)", False, True),
    ("ai_adoption_share", "Share of firms using AI", False, False),
]


def band(values):
    """Mean and 95 % t-interval over runs (axis 0)."""
    from scipy import stats

    n = values.shape[0]
    mean = values.mean(axis=0)
    if n < 2:
        return mean, mean, mean
    half = stats.t.ppf(0.975, n - 1) * values.std(axis=0, ddof=1) / np.sqrt(n)
    return mean, mean - half, mean + half


def _last_month(rf, name):
    dates = rf.dates(name)
    return str(dates[-1]) if dates is not None else f"month {rf.series_array('firms_alive', name).shape[2] - 1}"


def time_series(rf, path):
    """Returns the values at the last month, each count with the simulated events it rests on."""
    fig, axes = plt.subplots(2, 2, figsize=(11, 7))
    rows = []
    for ax, (metric, label, cumulative, per_full) in zip(axes.ravel(), TIME_SERIES):
        for name in rf.groups():
            a = rf.series_array(metric, name).sum(axis=1)  # sum over regions
            if cumulative:
                a = a.cumsum(axis=1)
            simulated = a[:, -1].sum()
            if per_full:
                a = a / rf.scale(name)
            mean, low, high = band(a)
            rows.append({"scenario": name, "outcome": label, "last month": _last_month(rf, name),
                         "mean": mean[-1], "low": max(low[-1], 0.0), "high": high[-1],
                         "rests on": rests_on(simulated, a.shape[0], rf.scale(name)) if per_full else
                         f"shares of {a.shape[0]} runs"})
            low = np.maximum(low, 0.0)  # counts and shares are never negative
            months = np.arange(a.shape[1])
            ax.plot(months / 12.0, mean, label=name)
            ax.fill_between(months / 12.0, low, high, alpha=0.25)
        ax.set_title(label)
        ax.set_xlabel("years since start")
        ax.grid(alpha=0.3)
    axes[0, 0].legend(title="mean, 95 % band over runs")
    fig.suptitle("Key outcomes over time")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return pd.DataFrame(rows)


def _differences(rf):
    """The differences table the report shows: paired when the scenarios share seeds, else Welch; with
    the adjusted p-value column, the test's name and the correction's name."""
    d = rf.paired()
    if not d.empty:
        return d, d["t_p"], d["t_p_adjusted"], "paired t"
    d = rf.differences()
    return d, d["p_welch"], d.get("p_welch_adjusted", d["p_welch"]), "Welch"


def _relative(rf, d, columns):
    """`columns` of a differences-like table as % of the baseline scenario's mean of each outcome."""
    means = rf.compare_table().set_index(["scenario", "outcome"])["mean"]
    base = np.array([means.get((b, o), np.nan) for b, o in zip(d["baseline"], d["outcome"])], dtype=float)
    with np.errstate(divide="ignore"):
        factor = np.where(base != 0, 100.0 / np.abs(base), np.nan)
    return [d[c].to_numpy(dtype=float) * factor for c in columns]


def forest(rf, path):
    """Returns the differences with their intervals, raw and adjusted p-values, test and correction."""
    d, p_raw, p, test = _differences(rf)
    correction = rf.correction() or "none"
    fig, ax = plt.subplots(figsize=(9, 0.45 * len(d) + 1.5))
    y = np.arange(len(d))[::-1]
    rel, lo, hi = _relative(rf, d, ["difference", "low", "high"])
    colors = ["tab:red" if v < 0.05 else "tab:gray" for v in p]
    for k in range(len(rel)):
        ax.errorbar(rel[k], y[k], xerr=[[rel[k] - lo[k]], [hi[k] - rel[k]]], fmt="none", ecolor=colors[k], capsize=3)
    ax.scatter(rel, y, c=colors, zorder=3)
    ax.axvline(0, color="black", lw=0.8)
    ax.set_yticks(y, [f"{o}  ({b} - {a})" for o, b, a in zip(d["outcome"], d["scenario"], d["baseline"])])
    ax.set_xlabel(f"difference of means, % of the first scenario's mean (95 % {test} interval)")
    ax.set_title(f"Differences between scenarios (red: {test} p < 0.05 after the {correction} correction)")
    ax.grid(axis="x", alpha=0.3)
    fig.savefig(path)
    plt.close(fig)
    return pd.DataFrame({"comparison": d["comparison"], "outcome": d["outcome"], "difference": d["difference"],
                         "low": d["low"], "high": d["high"], "difference %": rel, "low %": lo, "high %": hi,
                         "test": test, "p": p_raw, f"p ({correction})": p})


def null_model(rf, path):
    """`compare --null`: each observed difference against the gaps between two identical copies of the
    first scenario (middle 95 %), both as % of the first scenario's mean. Returns the chance table."""
    chance = rf.null_chance()
    gap = rf.null_gap().set_index("outcome")
    chance = chance[chance["outcome"].isin(gap.index)].reset_index(drop=True)
    observed, = _relative(rf, chance, ["observed"])
    bounds = chance.assign(low=gap.loc[chance["outcome"], "q025"].to_numpy(),
                           high=gap.loc[chance["outcome"], "q975"].to_numpy())
    low, high = _relative(rf, bounds, ["low", "high"])
    fig, ax = plt.subplots(figsize=(9, 0.45 * len(chance) + 1.5))
    y = np.arange(len(chance))[::-1]
    ax.hlines(y, low, high, color="tab:gray", lw=6, alpha=0.5, label="gap of identical cities (middle 95 %)")
    ax.scatter(observed, y, color="tab:red", zorder=3, label="observed difference")
    ax.axvline(0, color="black", lw=0.8)
    ax.set_yticks(y, [f"{o}  ({s} - {b})" for o, s, b in zip(chance["outcome"], chance["scenario"], chance["baseline"])])
    ax.set_xlabel("% of the first scenario's mean")
    ax.set_title("Could chance alone make the gap? (null model: two identical cities)")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2)
    ax.grid(axis="x", alpha=0.3)
    fig.savefig(path)
    plt.close(fig)
    return pd.DataFrame({"comparison": chance["comparison"], "outcome": chance["outcome"],
                         "observed difference": chance["observed"], "null gap q025": bounds["low"],
                         "null gap q975": bounds["high"], "null pairs at least as far apart": chance["at_least"],
                         "null pairs": chance["pairs"], "share": chance["share"]})


def shapley(rf, path):
    """One panel per outcome (each in its own units): every lever group's mean Shapley value with its 95 %
    interval, the residual (the gap over the decomposition's runs minus the sum of the contributions:
    what no lever group carries; 0 up to rounding now that every differing parameter is in a group,
    or, for older files, the observed gap minus that sum), the gap over the decomposition's runs, and
    the observed gap over all runs with its interval. Returns these numbers."""
    d = rf.decomposition()
    explained = rf.decomposition_explained()
    same_runs = rf.decomposition_residual()
    diffs, _, _, test = _differences(rf)
    first = diffs[diffs["comparison"] == diffs["comparison"].iloc[0]].set_index("outcome")
    outcomes = [o for o in dict.fromkeys(d["outcome"]) if o in first.index]
    cols = min(3, len(outcomes))
    rows_n = int(np.ceil(len(outcomes) / cols))
    fig, axes = plt.subplots(rows_n, cols, figsize=(5 * cols, 0.35 * len(set(d["group"])) * rows_n + 2.5 * rows_n),
                             squeeze=False)
    rows = []
    for ax, outcome in zip(axes.ravel(), outcomes):
        sub = d[d.outcome == outcome]
        # The decomposition moves the second scenario's groups to the first's values: its values add up
        # to first - second, the opposite sign of the comparison's second - first.
        gap = -first.loc[outcome, ["difference", "high", "low"]].to_numpy(dtype=float)
        if outcome in same_runs:
            gap_runs, residual = same_runs[outcome]
        else:
            gap_runs, residual = np.nan, gap[0] - explained.get(outcome, sub["shapley"].sum())
        labels = list(sub["group"]) + ["unexplained residual", "gap over the decomposition's runs",
                                       f"observed gap ({test})"]
        values = list(sub["shapley"]) + [residual, gap_runs, gap[0]]
        lows = list(sub["low"]) + [np.nan, np.nan, gap[1]]
        highs = list(sub["high"]) + [np.nan, np.nan, gap[2]]
        y = np.arange(len(labels))[::-1]
        colors = ["tab:blue"] * len(sub) + ["tab:gray", "dimgray", "black"]
        ax.barh(y, values, color=colors, alpha=0.8)
        err = np.array([[v - lo if not np.isnan(lo) else 0 for v, lo in zip(values, lows)],
                        [hi - v if not np.isnan(hi) else 0 for v, hi in zip(values, highs)]])
        ax.errorbar(values, y, xerr=err, fmt="none", ecolor="black", capsize=2, lw=0.8)
        ax.axvline(0, color="black", lw=0.8)
        ax.set_yticks(y, labels, fontsize=8)
        ax.set_title(outcome, fontsize=10)
        ax.grid(axis="x", alpha=0.3)
        rows += [{"outcome": outcome, "part": label, "value": v, "low": lo, "high": hi}
                 for label, v, lo, hi in zip(labels, values, lows, highs)]
    for ax in axes.ravel()[len(outcomes):]:
        ax.axis("off")
    fig.suptitle(f"Which lever groups explain the gap {first['baseline'].iloc[0]} - {first['scenario'].iloc[0]} "
                 "(Shapley values, 95 % intervals; outcome units)")
    fig.tight_layout(rect=(0, 0, 1, 1 - 0.4 / fig.get_figheight()))
    fig.savefig(path)
    plt.close(fig)
    return pd.DataFrame(rows)
