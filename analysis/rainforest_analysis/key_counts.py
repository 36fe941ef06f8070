"""The key counts of every run group, scaled to the real city, each with the simulated events (or
firms) it rests on: "23 unicorns (real city)" at 1 % scale may be 7 simulated firms in 30 runs."""
import pandas as pd

from .figures import band
from .tables import rests_on

# label, metrics summed, "sum" (over the months of the run) or "final" (at the last month)
KEY_COUNTS = [
    ("startup births over the run", ("births_graduate", "births_academic", "births_corporate", "births_refounder"),
     "sum"),
    ("all births over the run", ("births_graduate", "births_academic", "births_corporate", "births_refounder",
                                 "births_other"), "sum"),
    ("deaths over the run", ("deaths",), "sum"),
    ("equity rounds over the run", ("startups_funded",), "sum"),
    ("firms funded over the run (first rounds)", ("firms_first_funded",), "sum"),
    ("IPOs over the run", ("exits_ipo",), "sum"),
    ("acquisitions over the run", ("exits_acquisition",), "sum"),
    ("unicorns at the end", ("unicorns",), "final"),
    ("unicorns born in the run, at the end", ("unicorns_born",), "final"),
    ("technology firms at the end", ("tech_firms",), "final"),
    ("living firms at the end", ("firms_alive",), "final"),
]

def key_counts(rf):
    """scenario, count, mean (real city), low, high (95 % t interval over runs), simulated (events
    summed over runs), runs, rests on (with "(few events)" below tables.FEW_EVENTS)."""
    rows = []
    available = set(rf.metrics())
    for name in rf.groups():
        scale = rf.scale(name)
        for label, metrics, kind in KEY_COUNTS:
            if not set(metrics) <= available:
                continue
            a = sum(rf.series_array(m, name).sum(axis=1) for m in metrics)  # [run, month], over regions
            per_run = a.sum(axis=1) if kind == "sum" else a[:, -1]
            mean, low, high = band(per_run[:, None] / scale)
            rows.append({"scenario": name, "count": label, "mean (real city)": mean[0], "low": max(low[0], 0.0),
                         "high": high[0], "simulated": int(round(per_run.sum())), "runs": len(per_run),
                         "rests on": rests_on(per_run.sum(), len(per_run), scale)})
    return pd.DataFrame(rows)

