"""The policy timeline of each scenario: which lever is on (non-zero, or true) when, from the policy
of each region in the resolved scenario and the dated changes of its `timeline:` (README, "Dated
policies")."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402


def _month(date, start):
    """Months from `start` to `date`, both 'YYYY-MM'."""
    y, m = map(int, str(date).split("-"))
    y0, m0 = map(int, str(start).split("-"))
    return (y - y0) * 12 + (m - m0)


def _is_lever(value):
    return isinstance(value, (bool, int, float))


def steps(scenario):
    """The value of every policy lever over time: region, lever, month (from which it holds), value.
    Levers are the numeric and boolean entries of each region's `policy`; a timeline entry setting
    `regions.<region>.policy.<lever>` (or any other path) starts a new step at its date."""
    sim = scenario.get("simulation", {})
    start = str(sim.get("start", "2015-01"))
    rows = []
    for region in scenario.get("regions", []):
        for lever, value in (region.get("policy") or {}).items():
            if _is_lever(value):
                rows.append({"region": region["name"], "lever": lever, "month": 0, "value": value})
    for entry in scenario.get("timeline", []) or []:
        month = _month(entry["at"], start)
        for path, value in (entry.get("set") or {}).items():
            parts = str(path).split(".")
            if len(parts) >= 4 and parts[0] == "regions":
                rows.append({"region": parts[1], "lever": ".".join(parts[2:]).removeprefix("policy."),
                             "month": month, "value": value})
            else:
                rows.append({"region": "all", "lever": str(path), "month": month, "value": value})
    return pd.DataFrame(rows, columns=["region", "lever", "month", "value"])


def _on(value):
    return bool(value) if isinstance(value, bool) else (value != 0 if _is_lever(value) else True)


def timeline(rf, path):
    """One panel per scenario: a bar per lever, coloured while the lever is on, its value written at
    each change; dashed lines mark the dates of timeline entries. Returns every step."""
    groups = list(rf.groups())
    tables = {name: steps(rf.scenario(name)[0]) for name in groups}
    height = sum(max(1, t.groupby(["region", "lever"]).ngroups) for t in tables.values())
    fig, axes = plt.subplots(len(groups), 1, figsize=(11, 0.22 * height + 1.6 * len(groups)), squeeze=False)
    rows = []
    for ax, name in zip(axes.ravel(), groups):
        t = tables[name]
        months = rf.series_array("firms_alive", name).shape[2]
        dates = rf.dates(name)
        keys = list(dict.fromkeys(zip(t["region"], t["lever"])))
        for y, (region, lever) in enumerate(keys):
            s = t[(t.region == region) & (t.lever == lever)].sort_values("month", kind="stable")
            s = s.drop_duplicates("month", keep="last")
            ends = list(s["month"].iloc[1:]) + [months]
            for (_, r), end in zip(s.iterrows(), ends):
                on = _on(r["value"])
                ax.barh(y, (end - r["month"]) / 12.0, left=r["month"] / 12.0, height=0.7,
                        color="tab:green" if on else "lightgray", alpha=0.8 if on else 0.5)
                ax.text(r["month"] / 12.0 + 0.05, y, f"{r['value']:g}" if not isinstance(r["value"], bool)
                        else ("on" if r["value"] else "off"), va="center", fontsize=6)
                rows.append({"scenario": name, "region": region, "lever": lever,
                             "from": str(dates[r["month"]]) if dates is not None and r["month"] < len(dates)
                             else f"month {r['month']}", "to (exclusive)": str(dates[end]) if dates is not None
                             and end < len(dates) else "end", "value": r["value"], "on": "yes" if on else "no"})
        for month in sorted(set(t["month"]) - {0}):
            ax.axvline(month / 12.0, color="black", ls="--", lw=0.8)
        ax.set_yticks(range(len(keys)), [f"{r}: {lv}" for r, lv in keys], fontsize=7)
        ax.invert_yaxis()
        ax.set_xlim(0, months / 12.0)
        ax.set_xlabel("years since start" + (f" ({dates[0]})" if dates is not None else ""))
        ax.set_title(f"{name}: policy levers (green: on; dashed: dated changes)")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return pd.DataFrame(rows)
