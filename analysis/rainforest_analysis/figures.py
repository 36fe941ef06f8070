"""Figures of a report. Each function draws one figure from a RainforestFile and saves a PNG."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

plt.rcParams.update({"font.size": 10, "axes.titlesize": 12, "axes.labelsize": 10, "legend.fontsize": 9,
                     "figure.dpi": 100, "savefig.bbox": "tight"})

# Key outcomes over time: metric, label with units, cumulative over months?
TIME_SERIES = [
    ("firms_alive", "Living firms (real city)", False, True),
    ("startups_funded", "Funded startups, cumulative (real city)", True, True),
    ("unicorns", "Unicorns: unlisted technology firms >= 1 bn USD (real city)", False, True),
    ("ai_adoption_share", "Share of firms using AI", False, False),
]
SECTORS = ["AI", "hard tech", "heavy industry", "services"]


def _band(values):
    """Mean and 95 % t-interval over runs (axis 0)."""
    from scipy import stats

    n = values.shape[0]
    mean = values.mean(axis=0)
    if n < 2:
        return mean, mean, mean
    half = stats.t.ppf(0.975, n - 1) * values.std(axis=0, ddof=1) / np.sqrt(n)
    return mean, mean - half, mean + half


def time_series(rf, path):
    fig, axes = plt.subplots(2, 2, figsize=(11, 7))
    for ax, (metric, label, cumulative, per_full) in zip(axes.ravel(), TIME_SERIES):
        for name in rf.groups():
            a = rf.series_array(metric, name).sum(axis=1)  # sum over regions
            if cumulative:
                a = a.cumsum(axis=1)
            if per_full:
                a = a / rf.scale(name)
            mean, low, high = _band(a)
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


def forest(rf, path):
    d = rf.paired()
    if d.empty:
        d = rf.differences()
        p, test = d.get("p_welch_adjusted", d["p_welch"]), "Welch"
    else:
        p, test = d["t_p_adjusted"], "paired t"
    correction = rf.correction()
    table = rf.compare_table()
    fig, ax = plt.subplots(figsize=(9, 0.45 * len(d) + 1.5))
    y = np.arange(len(d))[::-1]
    rel, lo, hi = [], [], []
    for _, row in d.iterrows():
        base = table[(table.scenario == row["baseline"]) & (table.outcome == row["outcome"])]["mean"].iloc[0]
        scale = 100.0 / abs(base) if base else 0.0
        rel.append(row["difference"] * scale)
        lo.append(row["low"] * scale)
        hi.append(row["high"] * scale)
    rel, lo, hi = map(np.array, (rel, lo, hi))
    colors = ["tab:red" if v < 0.05 else "tab:gray" for v in p]
    for k in range(len(rel)):
        ax.errorbar(rel[k], y[k], xerr=[[rel[k] - lo[k]], [hi[k] - rel[k]]], fmt="none", ecolor=colors[k], capsize=3)
    ax.scatter(rel, y, c=colors, zorder=3)
    ax.axvline(0, color="black", lw=0.8)
    ax.set_yticks(y, [f"{o}  ({b} - {a})" for o, b, a in zip(d["outcome"], d["scenario"], d["baseline"])])
    ax.set_xlabel(f"difference of means, % of the first scenario's mean (95 % {test} interval)")
    adjusted = f", adjusted by {correction}" if correction else ""
    ax.set_title(f"Differences between scenarios (red: {test} p < 0.05{adjusted})")
    ax.grid(axis="x", alpha=0.3)
    fig.savefig(path)
    plt.close(fig)


def shapley(rf, path):
    d = rf.decomposition()
    outcomes = list(dict.fromkeys(d["outcome"]))
    groups = list(dict.fromkeys(d["group"]))
    fig, ax = plt.subplots(figsize=(10, 0.6 * len(outcomes) + 2))
    cmap = plt.get_cmap("tab10")
    for i, outcome in enumerate(outcomes):
        sub = d[d.outcome == outcome].set_index("group")
        total = sub["shapley"].abs().sum() or 1.0
        pos = neg = 0.0
        for k, g in enumerate(groups):
            v = 100.0 * sub.loc[g, "shapley"] / total
            start = pos if v >= 0 else neg
            ax.barh(i, v, left=start, color=cmap(k % 10), label=g if i == 0 else None)
            if v >= 0:
                pos += v
            else:
                neg += v
    ax.set_yticks(range(len(outcomes)), outcomes)
    ax.axvline(0, color="black", lw=0.8)
    ax.set_xlabel("Shapley share of the gap between the first two scenarios (% of the sum of |contributions|)")
    ax.set_title("Which lever groups explain the gap")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=4)
    fig.savefig(path)
    plt.close(fig)


def _first_analysis(rf, method):
    """The table of the first outcome analysed with `method`, and that outcome's name."""
    s = rf.sensitivity()
    s = s[s.method == method]
    outcome = s["outcome"].iloc[0]
    return s[s.outcome == outcome], outcome


def tornado(rf, path):
    s, outcome = _first_analysis(rf, "sobol")
    s = s.sort_values("ST")
    fig, ax = plt.subplots(figsize=(9, 0.45 * len(s) + 1.5))
    y = np.arange(len(s))
    ax.barh(y + 0.2, s["ST"], height=0.4, xerr=[s["ST"] - s["ST_low"], s["ST_high"] - s["ST"]], label="total ST",
            color="tab:blue", capsize=2)
    ax.barh(y - 0.2, s["S1"].clip(lower=0), height=0.4, label="first order S1", color="tab:orange")
    ax.set_yticks(y, [p.split(".", 2)[-1] for p in s["parameter"]])
    ax.set_xlabel("Sobol index (share of the outcome's variance; 95 % bootstrap interval)")
    ax.set_title(f"Sensitivity of {outcome}")
    ax.legend()
    ax.grid(axis="x", alpha=0.3)
    fig.savefig(path)
    plt.close(fig)


def morris_plane(rf, path):
    s, outcome = _first_analysis(rf, "morris")
    fig, ax = plt.subplots(figsize=(7, 5))
    ax.scatter(s["mu_star"], s["sigma"])
    for _, r in s.iterrows():
        ax.annotate(r["parameter"].split(".", 2)[-1], (r["mu_star"], r["sigma"]), fontsize=8)
    ax.set_xlabel("mu* (mean |elementary effect|, outcome units per range)")
    ax.set_ylabel("sigma (spread: interactions, non-linearity)")
    ax.set_title(f"Morris screening of {outcome}")
    ax.grid(alpha=0.3)
    fig.savefig(path)
    plt.close(fig)


def response_curves(rf, path):
    points = rf.points()
    params = [c for c in points.columns if c not in ("point", "block", "changed")]
    runs = rf.runs()
    births = sum(rf.series_array(m).sum(axis=(1, 2)) for m in
                 ("births_graduate", "births_academic", "births_corporate", "births_refounder"))
    y = np.bincount(runs["point"], weights=births / rf.scale()) / np.bincount(runs["point"])
    cols = min(3, len(params))
    rows = int(np.ceil(len(params) / cols))
    fig, axes = plt.subplots(rows, cols, figsize=(4 * cols, 3.2 * rows), squeeze=False)
    for ax, p in zip(axes.ravel(), params):
        x = points[p].to_numpy()
        ax.scatter(x, y, s=6, alpha=0.4)
        bins = np.unique(np.quantile(x, np.linspace(0, 1, 9)))
        if len(bins) > 2:
            idx = np.clip(np.digitize(x, bins) - 1, 0, len(bins) - 2)
            centres = [(bins[i] + bins[i + 1]) / 2 for i in range(len(bins) - 1)]
            means = [y[idx == i].mean() if np.any(idx == i) else np.nan for i in range(len(bins) - 1)]
            ax.plot(centres, means, color="tab:red", lw=2, label="binned mean")
        ax.set_xlabel(p.split(".", 2)[-1])
        ax.set_ylabel("startup births (real city)")
        ax.grid(alpha=0.3)
    for ax in axes.ravel()[len(params):]:
        ax.axis("off")
    fig.suptitle("Response of startup births to each parameter (each dot a design point)")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def zipf_fit(sizes):
    """Continuous power-law fit above xmin chosen by the Kolmogorov-Smirnov distance (Clauset et al. 2009)."""
    x = np.sort(sizes[sizes > 0])
    best = (np.inf, None, None)
    for xmin in np.unique(np.quantile(x, np.linspace(0.5, 0.995, 60))):
        tail = x[x >= xmin]
        if len(tail) < 50:
            continue
        alpha = 1.0 + len(tail) / np.sum(np.log(tail / xmin))
        emp = np.arange(len(tail)) / len(tail)
        model = 1.0 - (tail / xmin) ** (1.0 - alpha)
        ks = np.max(np.abs(emp - model))
        if ks < best[0]:
            best = (ks, xmin, alpha)
    return best[1], best[2]


def firm_sizes(rf, path):
    firms = rf.firms()
    sizes = firms[firms.run == 0]["employees"].to_numpy()
    x = np.sort(sizes[sizes > 0])
    ccdf = 1.0 - np.arange(len(x)) / len(x)
    fig, ax = plt.subplots(figsize=(7, 5))
    ax.loglog(x, ccdf, ".", ms=3, label="firms (run 0)")
    xmin, alpha = zipf_fit(x)
    if xmin is not None:
        share = np.mean(x >= xmin)
        grid = np.logspace(np.log10(xmin), np.log10(x.max()), 50)
        # CCDF of P(X > x) has exponent alpha - 1 (Zipf's exponent).
        ax.loglog(grid, share * (grid / xmin) ** (1.0 - alpha), "r-", lw=2,
                  label=f"power law above {xmin:.0f}: Zipf exponent {alpha - 1.0:.2f}")
    ax.set_xlabel("employees")
    ax.set_ylabel("share of firms at least this large")
    ax.set_title("Firm-size distribution (Axtell 2001: Zipf exponent about 1)")
    ax.legend()
    ax.grid(alpha=0.3, which="both")
    fig.savefig(path)
    plt.close(fig)
    return alpha - 1.0 if alpha is not None else None


def adoption(rf, path):
    fig, ax = plt.subplots(figsize=(8, 5))
    for name in rf.groups():
        a = rf.series_array("ai_adoption_share", name)
        for k, region in enumerate(rf.regions(name)):
            mean, low, high = _band(a[:, k, :])
            months = np.arange(a.shape[2]) / 12.0
            label = region if len(rf.groups()) == 1 else f"{name}: {region}"
            ax.plot(months, mean, label=label)
            ax.fill_between(months, low, high, alpha=0.25)
    ax.set_xlabel("years since start")
    ax.set_ylabel("share of firms using AI")
    ax.set_ylim(0, 1)
    ax.set_title("AI adoption S-curves (mean, 95 % band over runs)")
    ax.legend()
    ax.grid(alpha=0.3)
    fig.savefig(path)
    plt.close(fig)


def graduate_flows(rf, path):
    labels, retained, left, arrived = [], [], [], []
    for name in rf.groups():
        scale = rf.scale(name)
        for k, region in enumerate(rf.regions(name)):
            labels.append(region if len(rf.groups()) == 1 else f"{name}\n{region}")
            for out, metric in ((retained, "graduates_retained"), (left, "graduates_emigrated"),
                                (arrived, "graduates_immigrated")):
                out.append(rf.series_array(metric, name)[:, k, :].sum(axis=1).mean() / scale)
    x = np.arange(len(labels))
    fig, ax = plt.subplots(figsize=(max(6, 1.6 * len(labels)), 5))
    ax.bar(x - 0.27, retained, 0.27, label="graduates who stay")
    ax.bar(x, left, 0.27, label="graduates who leave")
    ax.bar(x + 0.27, arrived, 0.27, label="graduates who arrive from elsewhere")
    ax.set_xticks(x, labels)
    ax.set_ylabel("graduates over the run (real city, mean over runs)")
    ax.set_title("Flows of graduates")
    ax.legend()
    ax.grid(axis="y", alpha=0.3)
    fig.savefig(path)
    plt.close(fig)


def network(rf, path, hubs=5):
    firms = rf.firms()
    firms = firms[firms.run == 0].set_index("id")
    ties = rf.ties()
    fig, ax = plt.subplots(figsize=(8, 7))
    top = firms.nlargest(hubs, "employees").index.to_numpy()
    mask = np.isin(ties[:, 0], top) | np.isin(ties[:, 1], top)
    sample = ties[mask]
    nodes = np.unique(np.concatenate([top, sample.ravel()]))
    nodes = nodes[np.isin(nodes, firms.index)]
    pos = firms.loc[nodes, ["x_km", "y_km"]]
    for a, b in sample:
        if a in pos.index and b in pos.index:
            ax.plot(*zip(pos.loc[a].to_numpy(), pos.loc[b].to_numpy()), color="gray", lw=0.4, alpha=0.5, zorder=1)
    sizes = 8 + 300 * np.sqrt(firms.loc[nodes, "employees"] / firms.loc[nodes, "employees"].max())
    colors = firms.loc[nodes, "sector"].to_numpy()
    cmap = plt.get_cmap("tab10")
    for s in range(len(SECTORS)):
        sel = colors == s
        ax.scatter(pos["x_km"][sel], pos["y_km"][sel], s=sizes[sel], color=cmap(s), zorder=2,
                   edgecolor="black", linewidth=0.3)
    ax.set_xlabel("east-west (km)")
    ax.set_ylabel("north-south (km)")
    ax.set_title(f"Ties of the {hubs} largest firms and their partners at the end (run 0)")
    handles = [plt.Line2D([], [], marker="o", ls="", color=cmap(s), label=n) for s, n in enumerate(SECTORS)]
    ax.legend(handles=handles, title="sector (size: employees)")
    ax.set_aspect("equal", adjustable="datalim")
    fig.savefig(path)
    plt.close(fig)
    return len(nodes), len(sample)
