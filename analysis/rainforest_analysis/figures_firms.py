"""Figures of the firms of a run group: sizes, network, graduates and AI adoption per region (called
an S-curve only if it is one). Each draws one PNG and returns the table of its numbers (the
event-log figures are in figures_events)."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from .figures import band  # noqa: E402
from .tables import rests_on  # noqa: E402

SECTORS = ["AI", "hard tech", "heavy industry", "services"]


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
    exponent = alpha - 1.0 if alpha is not None else np.nan
    table = pd.DataFrame({"quantity": ["firms (run 0)", "median employees", "largest firm", "tail from (employees)",
                                       "firms in the tail", "Zipf exponent"],
                          "value": [float(len(x)), float(np.median(x)), float(x.max()),
                                    xmin if xmin is not None else np.nan,
                                    float(np.sum(x >= xmin)) if xmin is not None else np.nan, exponent]})
    table.attrs["exponent"] = None if xmin is None else exponent
    return table


def s_curve(years, share):
    """Whether an adoption path is an S-curve: a logistic c + a / (1 + exp(-k (t - t0))) fitted by least
    squares (a > 0, k > 0, a + c <= 1) has its inflection t0 inside the observed window, away from
    its first and last tenth, and fits at least twice as well (residual sum of squares) as a straight
    line. Returns (is_s_curve, t0 in years or None, the reason in words)."""
    from scipy.optimize import curve_fit

    def logistic(t, a, k, t0, c):
        return c + a / (1.0 + np.exp(-k * (t - t0)))

    t, y = np.asarray(years, float), np.asarray(share, float)
    span = t[-1] - t[0]
    line = np.polyval(np.polyfit(t, y, 1), t)
    rss_line = float(np.sum((y - line) ** 2))
    lo = max(float(y.min()), 0.0)
    try:
        guess = [max(float(y.max() - y.min()), 1e-6), 4.0 / max(span, 1e-9), t[len(t) // 2], lo]
        (a, k, t0, c), _ = curve_fit(logistic, t, y, p0=guess, maxfev=20000,
                                     bounds=([1e-9, 1e-6, t[0] - 10 * span, 0.0], [1.0, 100.0, t[-1] + 10 * span, 1.0]))
    except (RuntimeError, ValueError):
        return False, None, "no logistic fits the path"
    rss = float(np.sum((y - logistic(t, a, k, t0, c)) ** 2))
    inside = t[0] + 0.1 * span < t0 < t[-1] - 0.1 * span
    if a + c > 1.0 + 1e-9:
        return False, None, "the fitted logistic would pass a share of 1"
    if not inside:
        return False, None, f"the fitted inflection ({t0:.1f} years) lies outside the observed window"
    if rss > 0.5 * rss_line:
        return False, None, "a straight line fits about as well as a logistic"
    return True, float(t0), f"logistic inflection at {t0:.1f} years"


def adoption(rf, path):
    """AI adoption share per region (mean and 95 % band over runs); the title says S-curve only when
    s_curve() finds one in every line, and the axis ends just above the data."""
    fig, ax = plt.subplots(figsize=(8, 5))
    rows, verdicts, top = [], [], 0.0
    for name in rf.groups():
        a = rf.series_array("ai_adoption_share", name)
        for k, region in enumerate(rf.regions(name)):
            mean, low, high = band(a[:, k, :])
            years = np.arange(a.shape[2]) / 12.0
            label = region if len(rf.groups()) == 1 else f"{name}: {region}"
            ax.plot(years, mean, label=label)
            ax.fill_between(years, low, high, alpha=0.25)
            top = max(top, float(np.nanmax(high)))
            is_s, t0, reason = s_curve(years, mean)
            verdicts.append(is_s)
            if t0 is not None:
                ax.axvline(t0, color=ax.lines[-1].get_color(), ls=":", lw=1)
            rows.append({"line": label, "share at start": mean[0], "share at end": mean[-1], "low at end": low[-1],
                         "high at end": high[-1], "S-curve": "yes" if is_s else "no", "why": reason})
    ax.set_xlabel("years since start")
    ax.set_ylabel("share of firms using AI")
    ax.set_ylim(0, min(1.0, 1.1 * top) if top > 0 else 1.0)
    shape = "S-curves (dotted: fitted inflection)" if all(verdicts) else "not S-shaped in this window" \
        if not any(verdicts) else "S-shaped in some lines only (dotted: fitted inflection)"
    ax.set_title(f"AI adoption: {shape}; mean, 95 % band over runs")
    ax.legend()
    ax.grid(alpha=0.3)
    fig.savefig(path)
    plt.close(fig)
    table = pd.DataFrame(rows)
    table.attrs["shape"] = shape
    return table


def graduate_flows(rf, path):
    labels, retained, left, arrived, rows = [], [], [], [], []
    for name in rf.groups():
        scale = rf.scale(name)
        for k, region in enumerate(rf.regions(name)):
            labels.append(region if len(rf.groups()) == 1 else f"{name}\n{region}")
            for out, metric in ((retained, "graduates_retained"), (left, "graduates_emigrated"),
                                (arrived, "graduates_immigrated")):
                per_run = rf.series_array(metric, name)[:, k, :].sum(axis=1)
                out.append(per_run.mean() / scale)
                rows.append({"scenario": name, "region": region, "flow": metric, "mean (real city)": out[-1],
                             "rests on": rests_on(per_run.sum(), len(per_run), scale)})
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
    return pd.DataFrame(rows)


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
    table = firms.loc[nodes, ["employees", "sector", "x_km", "y_km"]].rename_axis("firm").reset_index()
    table["sector"] = [SECTORS[int(v)] if 0 <= int(v) < len(SECTORS) else str(v) for v in table["sector"]]
    table["ties drawn"] = [int(np.sum(sample == n)) for n in table["firm"]]
    table = table.sort_values("employees", ascending=False).reset_index(drop=True)
    table.attrs["counts"] = (len(nodes), len(sample))
    return table
