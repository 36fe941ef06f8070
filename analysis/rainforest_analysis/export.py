"""`rainforest export FILE.h5 --csv DIR`: tidy CSV files of what a rainforest file holds, for
spreadsheet users. One row per observation, one column per variable; the files written depend on
the kind of file. Run as: python3 -m rainforest_analysis.export FILE.h5 DIR"""
import os
import sys

import pandas as pd

from . import command
from .reader import RainforestFile


def _series(rf, path):
    """Writes the series in long form, one metric at a time (a sweep's series do not fit in memory
    as one frame). Returns the number of rows."""
    rows = 0
    with open(path, "w", encoding="utf-8", newline="") as out:
        for label in rf.groups():
            for metric in rf.metrics(label):
                frame = rf.series([metric], group=label)  # with a scenario column in comparisons
                frame.to_csv(out, header=rows == 0, index=False)
                rows += len(frame)
    return rows


def _firms_by_name(rf, table="firms"):
    """The final snapshot (or, with table="panel", the firm panel) led by run (month) and firm id,
    with region names instead of indices."""
    def firms(group):
        frame = getattr(rf, table)(group)
        if frame.empty:
            return frame
        frame["region"] = [rf.regions(group)[k] for k in frame["region"]]
        lead = ["run", "month", "id", "region"] if "month" in frame.columns else ["run", "id", "region"]
        return frame[lead + [c for c in frame.columns if c not in lead]]
    return firms


def write_csv(path, out_dir):
    """Writes the CSV files into out_dir; returns [(file name, rows, what it holds)]."""
    os.makedirs(out_dir, exist_ok=True)
    written = []

    def put(name, frame, what):
        if frame is None or frame.empty:
            return
        frame.to_csv(os.path.join(out_dir, name), index=False, encoding="utf-8")
        written.append((name, len(frame), what))

    def with_scenario(method):
        frames = []
        for label in rf.groups():
            frame = method(label)
            if rf.kind == "compare" and not frame.empty:
                frame.insert(0, "scenario", label)
            frames.append(frame)
        return pd.concat(frames, ignore_index=True) if frames else None

    with RainforestFile(path) as rf:
        rows = _series(rf, os.path.join(out_dir, "series.csv"))
        written.append(("series.csv", rows, "every series: run, region, month, metric, value"))
        put("runs.csv", with_scenario(rf.runs), "runs and their seeds")
        put("firms.csv", with_scenario(_firms_by_name(rf)), "firms alive at the end of each run")
        put("events.csv", with_scenario(rf.events), "the firm event log: one row per event, codes as names")
        put("panel.csv", with_scenario(_firms_by_name(rf, "panel")), "the firm panel: living firms every N months")
        if rf.kind == "compare":
            put("compare.csv", rf.compare_table(), "mean and 95 % interval of each outcome per scenario")
            put("outcomes.csv", rf.outcome_values(), "each run's outcomes per scenario")
            put("differences.csv", rf.differences(), "differences between scenarios with intervals and p-values")
            put("paired.csv", rf.paired(), "paired differences, paired t and Wilcoxon tests, adjusted p-values")
            put("precision.csv", rf.precision(), "each outcome against the --precision rule, with the runs it needs")
            put("decomposition.csv", rf.decomposition(), "Shapley decomposition of the gap by lever group")
            put("null_gap.csv", rf.null_gap(), "gap between two identical cities (compare --null)")
            put("null_chance.csv", rf.null_chance(), "how often two identical cities differ by the observed gap")
        if rf.kind == "sweep":
            put("points.csv", rf.points(), "design points and their parameter values")
            put("sensitivity.csv", rf.sensitivity(), "sensitivity indices stored by `rainforest analyze`")
        for name, table in rf.tables("/calibration").items():
            put(f"calibration_{name}.csv", table.rename_axis("row").reset_index(), f"calibration table {name}")
    return written


def _summary(out_dir, written):
    yield f"wrote {len(written)} CSV files to {out_dir}:"
    for name, rows, what in written:
        yield f"  {name} ({rows} rows): {what}"


def main(argv):
    return command.run("export", argv, write_csv, _summary)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
