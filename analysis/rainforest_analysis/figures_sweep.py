"""Figures of a sweep report, one per analysed outcome (outcomes have different units and are never
drawn side by side): Sobol indices, Morris screening and the response at every design point."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402


def _short(parameter):
    return parameter.split(".", 2)[-1]


def _interval(s, column):
    """Error bars of a column from its _low and _high columns (zero where the file has none)."""
    if f"{column}_low" not in s:
        return None
    return [(s[column] - s[f"{column}_low"]).clip(lower=0), (s[f"{column}_high"] - s[column]).clip(lower=0)]


def tornado(rf, outcome, path):
    """Total and first-order Sobol indices of one outcome with their 95 % bootstrap intervals."""
    s = rf.sensitivity()
    s = s[(s.method == "sobol") & (s.outcome == outcome)].sort_values("ST")
    fig, ax = plt.subplots(figsize=(9, 0.45 * len(s) + 1.5))
    y = np.arange(len(s))
    ax.barh(y + 0.2, s["ST"], height=0.4, xerr=_interval(s, "ST"), label="total ST", color="tab:blue", capsize=2)
    ax.barh(y - 0.2, s["S1"], height=0.4, xerr=_interval(s, "S1"), label="first order S1", color="tab:orange",
            capsize=2)
    ax.axvline(0, color="black", lw=0.8)
    ax.set_yticks(y, [_short(p) for p in s["parameter"]])
    ax.set_xlabel("Sobol index (share of the outcome's variance; 95 % bootstrap interval)")
    ax.set_title(f"Sensitivity of {outcome}")
    ax.legend()
    ax.grid(axis="x", alpha=0.3)
    fig.savefig(path)
    plt.close(fig)
    keep = [c for c in ("S1", "S1_low", "S1_high", "ST", "ST_low", "ST_high") if c in s]
    return s[["parameter"] + keep].iloc[::-1].reset_index(drop=True)


def morris_plane(rf, outcome, path):
    """Morris mu* against sigma of one outcome."""
    s = rf.sensitivity()
    s = s[(s.method == "morris") & (s.outcome == outcome)]
    fig, ax = plt.subplots(figsize=(7, 5))
    ax.errorbar(s["mu_star"], s["sigma"], xerr=_interval(s, "mu_star"), fmt="o", capsize=2)
    for _, r in s.iterrows():
        ax.annotate(_short(r["parameter"]), (r["mu_star"], r["sigma"]), fontsize=8)
    ax.set_xlabel("mu* (mean |elementary effect|, outcome units per range; 95 % interval)")
    ax.set_ylabel("sigma (spread: interactions, non-linearity)")
    ax.set_title(f"Morris screening of {outcome}")
    ax.grid(alpha=0.3)
    fig.savefig(path)
    plt.close(fig)
    return s.drop(columns=["outcome", "method"]).reset_index(drop=True)


def response(rf, outcome, per_run, path):
    """The outcome at every design point (mean of its replicates, with their range when there are
    several) against each swept parameter: one dot per point, nothing pooled over points. Returns
    one row per point: its parameter values, replicates, mean, min and max of the outcome."""
    points = rf.points()
    params = [c for c in points.columns if c not in ("point", "block", "changed")]
    runs = rf.runs()
    by_point = pd.DataFrame({"point": runs["point"].to_numpy(), "y": per_run.reindex(runs["run"]).to_numpy()})
    stats = by_point.groupby("point")["y"].agg(replicates="size", mean="mean", min="min", max="max")
    table = points[["point"] + params].join(stats, on="point")
    cols = min(3, len(params))
    rows = int(np.ceil(len(params) / cols))
    fig, axes = plt.subplots(rows, cols, figsize=(4 * cols, 3.2 * rows), squeeze=False)
    for ax, p in zip(axes.ravel(), params):
        if (table["replicates"] > 1).any():
            ax.vlines(table[p], table["min"], table["max"], color="tab:blue", alpha=0.25, lw=1)
        ax.scatter(table[p], table["mean"], s=8, color="tab:blue")
        ax.set_xlabel(_short(p))
        ax.set_ylabel(outcome)
        ax.grid(alpha=0.3)
    for ax in axes.ravel()[len(params):]:
        ax.axis("off")
    fig.suptitle(f"Response of {outcome} to each parameter (each dot a design point; lines: its replicates)")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return table.rename(columns={p: _short(p) for p in params})
