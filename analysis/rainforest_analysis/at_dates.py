"""A series' value at given calendar months, as a mean over runs with its 95 % interval, per scenario
and region, as simulated and per full-size city (divided by simulation.scale): the figures quoted
against published counts in docs/VALIDATION.md.

    python3 -m rainforest_analysis.at_dates FILE.h5 METRIC YYYY-MM [YYYY-MM ...]
"""
import sys

import numpy as np
import pandas as pd

from .reader import open_file


def mean_interval(values):
    """Mean and 95 % t-interval of a 1-D array of run values (interval = mean when n < 2)."""
    from scipy import stats

    values = np.asarray(values, dtype=float)
    mean = float(values.mean())
    if len(values) < 2:
        return mean, mean, mean
    half = float(stats.t.ppf(0.975, len(values) - 1) * values.std(ddof=1) / np.sqrt(len(values)))
    return mean, mean - half, mean + half


def values_at(rf, metric, dates):
    """One row per scenario, region and date: runs, mean, low, high (as simulated) and the same per
    full-size city. Raises KeyError for a date outside the file's months or an unknown metric."""
    rows = []
    for label, path in rf.groups().items():
        known = list(rf.dates(path))
        scale = rf.scale(path)
        a = rf.series_array(metric, path)
        for k, region in enumerate(rf.regions(path)):
            for date in dates:
                if date not in known:
                    raise KeyError(f"month {date} is not in the file (it covers {known[0]} to {known[-1]})")
                mean, low, high = mean_interval(a[:, k, known.index(date)])
                rows.append({"scenario": label, "region": region, "date": date, "runs": a.shape[0], "mean": mean,
                             "low": low, "high": high, "scale": scale, "full_mean": mean / scale,
                             "full_low": low / scale, "full_high": high / scale})
    return pd.DataFrame(rows)


def main(argv):
    if len(argv) < 4:
        print("usage: python3 -m rainforest_analysis.at_dates FILE.h5 METRIC YYYY-MM [YYYY-MM ...]", file=sys.stderr)
        return 2
    try:
        with open_file(argv[1]) as rf:
            table = values_at(rf, argv[2], argv[3:])
    except (OSError, ValueError, KeyError) as e:
        print(f"rainforest at_dates: error: {e}\n  what to do: pass a rainforest file, one of its series and "
              "months it covers.", file=sys.stderr)
        return 4
    with pd.option_context("display.width", 200, "display.max_columns", 20):
        print(table.to_string(index=False, float_format=lambda v: f"{v:.4g}"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
