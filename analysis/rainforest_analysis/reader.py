"""Tidy pandas views of every kind of rainforest file (layouts: docs/OUTPUT.md, docs/SWEEPS.md;
written by sim/io/result_file.cpp and, for sweeps, sim/io/sweep_file.cpp)."""
import h5py
import numpy as np
import pandas as pd
import yaml


def _text(value):
    return value.decode() if isinstance(value, bytes) else str(value)


def _names(dataset):
    return [_text(v) for v in dataset[()]]


def _labels(value):
    """Row or column names of a table: a string array (older files: one comma-joined string)."""
    if isinstance(value, (str, bytes)):
        return _text(value).split(",")
    return [_text(v) for v in value]


def _table(dataset):
    """A 2-D table with `rows` and `columns` attributes as a DataFrame."""
    rows = _labels(dataset.attrs.get("rows", []))
    cols = _labels(dataset.attrs.get("columns", []))
    return pd.DataFrame(dataset[()], index=rows, columns=cols)


def _is_scale(dataset):
    """True for the dimension scales of /series (run, region, month), which are not metrics."""
    return _text(dataset.attrs.get("CLASS", b"")) == "DIMENSION_SCALE"


class RainforestFile:
    """One rainforest HDF5 file: a run, comparison, sweep or calibration file."""

    def __init__(self, path):
        self.path = str(path)
        self.h5 = h5py.File(self.path, "r")
        if _text(self.h5.attrs.get("format", "")) != "rainforest":
            raise ValueError(f"{self.path} is not a rainforest file (no format attribute)")
        self.kind = _text(self.h5.attrs.get("kind", "run"))

    def close(self):
        self.h5.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- provenance --------------------------------------------------------------------------
    def provenance(self):
        """Version, commit, creation time, command line and base seed of the file."""
        keys = ["rainforest_version", "git_commit", "created_utc", "command_line", "base_seed", "kind"]
        return {k: (_text(self.h5.attrs[k]) if k in self.h5.attrs else "") for k in keys}

    def groups(self):
        """Run groups: {name: HDF5 path}. One for run and sweep files, one per scenario in comparisons."""
        if self.kind == "compare":
            return {name: f"/scenarios/{name}" for name in self.h5["scenarios"]}
        if self.kind == "calibration":
            return {"best": "/best"}
        return {"run": "/"}

    def _group(self, group):
        groups = self.groups()
        if group is None:
            return next(iter(groups.values()))
        return groups.get(group, group)

    def scenario(self, group=None):
        """The resolved scenario of a run group, parsed (dict) and as text."""
        text = _text(self.h5[self._group(group)]["scenario"][()])
        return yaml.safe_load(text), text

    def scale(self, group=None):
        return float(self.scenario(group)[0].get("simulation", {}).get("scale", 1.0))

    # -- runs and series ---------------------------------------------------------------------
    def metrics(self, group=None):
        series = self.h5[self._group(group)]["series"]
        return [name for name, dataset in series.items() if not _is_scale(dataset)]

    def regions(self, group=None):
        return _names(self.h5[self._group(group)]["regions"])

    def dates(self, group=None):
        """Calendar month (YYYY-MM) of each month, or None for files written before dates."""
        g = self.h5[self._group(group)]
        month = g["series"].get("month")
        if month is not None and month.dtype.kind == "O":
            return np.array(_names(month))
        return np.array(_names(g["dates"])) if "dates" in g else None  # early dated files kept /dates

    def series_array(self, metric, group=None):
        """numpy array [run, region, month] of one metric."""
        return self.h5[self._group(group)]["series"][metric][()]

    def series(self, metrics=None, group=None):
        """Tidy frame: run, region, month, date (YYYY-MM), metric, value (+ scenario for comparisons)."""
        names = self.groups() if group is None else {group: self._group(group)}
        frames = []
        for label, path in names.items():
            g = self.h5[path]
            regions = _names(g["regions"])
            dates = self.dates(path)
            for metric in metrics or self.metrics(path):
                a = g["series"][metric][()]
                runs, nreg, months = a.shape
                run, region, month = np.meshgrid(np.arange(runs), np.arange(nreg), np.arange(months), indexing="ij")
                frame = pd.DataFrame({"run": run.ravel(), "region": np.array(regions)[region.ravel()],
                                      "month": month.ravel(), "metric": metric, "value": a.ravel()})
                if dates is not None:
                    frame.insert(3, "date", dates[month.ravel()])
                if self.kind == "compare":
                    frame.insert(0, "scenario", label)
                frames.append(frame)
        return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()

    def runs(self, group=None):
        """One row per run: run, seed (+ point and replicate in sweeps)."""
        g = self.h5[self._group(group)]["runs"]
        frame = pd.DataFrame({"run": g["run_id"][()], "seed": g["seed"][()]})
        for extra in ("point", "replicate"):
            if extra in g:
                frame[extra] = g[extra][()]
        return frame

    # -- sweeps --------------------------------------------------------------------------------
    def points(self):
        """Sweep points: point, block, changed, and one column per parameter (its value)."""
        p = self.h5["points"]
        params = _names(p["parameters"])
        frame = pd.DataFrame(p["values"][()], columns=params)
        frame.insert(0, "point", np.arange(len(frame)))
        frame.insert(1, "block", p["block"][()])
        frame.insert(2, "changed", p["changed"][()])
        return frame

    def sensitivity(self):
        """Tables stored by `rainforest analyze`: outcome, method, parameter and the indices."""
        frames = []
        if "analysis" not in self.h5:
            return pd.DataFrame()
        for name, group in self.h5["analysis"].items():
            for method, dataset in group.items():
                if method == "by_run":  # the outcome of every run, not a table of indices
                    continue
                t = _table(dataset)
                t.insert(0, "parameter", t.index)
                t.insert(0, "method", method)
                t.insert(0, "outcome", name)
                frames.append(t.reset_index(drop=True))
        return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()

    def outcome_by_run(self):
        """{analysis name: Series of the analysed outcome per run of the sweep (index: run)}, from the
        `by_run` tables `rainforest analyze` stores beside its indices; empty before analyze."""
        if "analysis" not in self.h5:
            return {}
        return {name: _table(group["by_run"]).iloc[:, 0].set_axis(np.arange(group["by_run"].shape[0]))
                for name, group in self.h5["analysis"].items() if "by_run" in group}

    # -- comparisons ---------------------------------------------------------------------------
    def compare_table(self):
        """scenario, outcome, mean, ci_low, ci_high."""
        c = self.h5["compare"]
        out = []
        for stat in ("mean", "ci_low", "ci_high"):
            t = _table(c[stat]).stack().rename(stat)
            out.append(t)
        frame = pd.concat(out, axis=1).reset_index()
        return frame.rename(columns={"level_0": "scenario", "level_1": "outcome"})

    def outcome_values(self):
        """Every run's outcomes: scenario, run, outcome, value (from /compare/values)."""
        frames = []
        for name in _names(self.h5["compare"]["scenarios"]):
            t = _table(self.h5["compare"]["values"][name])
            frame = t.rename_axis("run").reset_index().melt(id_vars="run", var_name="outcome", value_name="value")
            frame["run"] = frame["run"].astype(int)
            frame.insert(0, "scenario", name)
            frames.append(frame)
        return pd.concat(frames, ignore_index=True)

    def tables(self, path):
        """Every table (2-D dataset with row and column names) directly under `path`, by name."""
        if path not in self.h5:
            return {}
        return {name: _table(d) for name, d in self.h5[path].items()
                if isinstance(d, h5py.Dataset) and "rows" in d.attrs}

    def _compared_pair(self, table_name):
        """(scenario, baseline) of a differences table named '<scenario>_minus_<baseline>', matched
        against the names in /compare/scenarios (never split: a name may hold '_minus_' or commas)."""
        names = _names(self.h5["compare"]["scenarios"])
        for baseline in names:
            for scenario in names:
                if scenario != baseline and f"{scenario}_minus_{baseline}" == table_name:
                    return scenario, baseline
        raise ValueError(f"{self.path}: /compare/differences/{table_name} names no pair of /compare/scenarios")

    def differences(self):
        """comparison, scenario, baseline, outcome, difference, low, high, cohen_d, p_welch, p_mann_whitney and,
        in files written since the paired tests, p_welch_adjusted, p_mann_whitney_adjusted (Welch interval)."""
        names = {"diff_ci_low": "low", "diff_ci_high": "high", "cohens_d": "cohen_d", "welch_p": "p_welch",
                 "mann_whitney_p": "p_mann_whitney", "welch_p_adjusted": "p_welch_adjusted",
                 "mann_whitney_p_adjusted": "p_mann_whitney_adjusted"}
        return self._comparison_tables("differences", names)

    def paired(self):
        """comparison, scenario, baseline, outcome, difference, low, high (paired t interval), sd_difference,
        cohens_dz, t_p, t_p_adjusted, wilcoxon_v, wilcoxon_pairs, wilcoxon_exact, wilcoxon_p, wilcoxon_p_adjusted;
        empty for independent seeds and for files written before the paired tests."""
        return self._comparison_tables("paired", {"diff_ci_low": "low", "diff_ci_high": "high"})

    def precision(self):
        """`compare --precision`: per comparison and outcome whether it is a headline outcome, whether it
        is resolved, its half-width against the target and the runs the power analysis asks for; the
        rule, the runs made and why they stopped are in `precision_attributes()`. Empty without it."""
        return self._comparison_tables("precision", {})

    def precision_attributes(self):
        """The rule and the stop of `compare --precision` (rule, runs, looks, stop_reason, unresolved, ...)."""
        c = self.h5["compare"]
        if "precision" not in c:
            return {}
        first = next(iter(c["precision"].values()))
        return {k: _text(v) for k, v in first.attrs.items() if k not in ("rows", "columns", "description")}

    def correction(self):
        """Name of the multiple-comparison correction of the adjusted p-values ("" in older files)."""
        for dataset in self.h5["compare"]["differences"].values():
            return _text(dataset.attrs.get("correction", ""))
        return ""

    def _comparison_tables(self, group, names):
        """The tables under /compare/<group>, one row per comparison and outcome, columns renamed by `names`."""
        c = self.h5["compare"]
        if group not in c:
            return pd.DataFrame()
        frames = []
        for name, dataset in c[group].items():
            t = _table(dataset).rename(columns=names)
            if group == "differences" and "welch_p" not in _labels(dataset.attrs.get("columns", [])):
                # files before the stored column names were the ones read here
                t.columns = ["difference", "low", "high", "cohen_d", "p_welch", "p_mann_whitney"][: len(t.columns)]
            t.insert(0, "outcome", t.index)
            if "scenario" in dataset.attrs:
                scenario, baseline = _text(dataset.attrs["scenario"]), _text(dataset.attrs["baseline"])
            else:  # files before the attributes
                scenario, baseline = self._compared_pair(name)
            t.insert(0, "baseline", baseline)
            t.insert(0, "scenario", scenario)
            t.insert(0, "comparison", name)
            frames.append(t.reset_index(drop=True))
        return pd.concat(frames, ignore_index=True)

    def null_gap(self):
        """`compare --null`: outcome, pairs, mean, sd, q025, median, q975 of the gap between two identical
        copies of the first scenario (copy - first, independent seeds). Empty without --null."""
        c = self.h5["compare"]
        if "null" not in c:
            return pd.DataFrame()
        t = _table(c["null"]["gap"])
        t.insert(0, "outcome", t.index)
        return t.reset_index(drop=True)

    def null_chance(self):
        """`compare --null`: comparison, scenario, baseline, outcome, observed (mean difference), at_least
        (null pairs whose |gap| reaches it), pairs, share. Empty without --null."""
        return self._comparison_tables("null/chance", {})

    def decomposition(self):
        """group, outcome, shapley, low, high (empty without --decompose)."""
        c = self.h5["compare"]
        if "decomposition" not in c:
            return pd.DataFrame()
        d = c["decomposition"]
        parts = {"shapley": d["shapley"], "low": d["shapley_ci_low"], "high": d["shapley_ci_high"]}
        frame = pd.concat({k: _table(v).stack() for k, v in parts.items()}, axis=1).reset_index()
        return frame.rename(columns={"level_0": "group", "level_1": "outcome"})

    def decomposition_explained(self):
        """{outcome: v(all groups) - v(none)}, the sum of the Shapley values (first - second scenario),
        from /compare/decomposition/explained; empty without --decompose."""
        c = self.h5["compare"]
        if "decomposition" not in c or "explained" not in c["decomposition"]:
            return {}
        return _table(c["decomposition"]["explained"]).iloc[0].to_dict()

    def decomposition_residual(self):
        """{outcome: (gap over the decomposition's runs, residual)}: the gap first - second over the
        runs the counterfactuals used, and what all lever groups together leave of it (0 up to
        rounding when every differing parameter is in a group); empty for files without these rows."""
        c = self.h5["compare"]
        if "decomposition" not in c or "explained" not in c["decomposition"]:
            return {}
        t = _table(c["decomposition"]["explained"])
        if "gap_same_runs" not in t.index or "residual" not in t.index:
            return {}
        return {o: (t.loc["gap_same_runs", o], t.loc["residual", o]) for o in t.columns}

    # -- firms -------------------------------------------------------------------------------------
    def firms(self, group=None):
        """Living firms at the end of each run (one row per firm and run)."""
        g = self.h5[self._group(group)]
        if "final" not in g or "firms" not in g["final"]:
            return pd.DataFrame()
        f = g["final"]["firms"]
        return pd.DataFrame({k: f[k][()] for k in f})

    def panel(self, group=None):
        """The firm panel (docs/OUTPUT.md, "/panel"): the living firms at the end of every
        simulation.firm_panel_every-th month and of the last month, one row per firm, month and run
        (columns run, month, then those of firms()); empty when the scenario kept no panel."""
        g = self.h5[self._group(group)]
        if "panel" not in g:
            return pd.DataFrame()
        p = g["panel"]
        lead = ["run", "month", "id"]
        return pd.DataFrame({k: p[k][()] for k in lead + sorted(k for k in p if k not in lead)})

    def events(self, group=None, decode=True):
        """The firm event log (docs/OUTPUT.md, "/events"): one row per event with run, month, firm,
        region, sector, origin, kind, cause, fund_type, stage, acquirer, amount, pre_money, price,
        multiple, cash (stage only in files since issue 17's rounds by stage). With decode, coded columns
        become categoricals named by their `labels` attribute (fund_type and stage -1 become missing) and region holds the region's name. Empty for files without
        a log (simulation.event_log false, sweeps, files before the log)."""
        g = self.h5[self._group(group)]
        if "events" not in g:
            return pd.DataFrame()
        e = g["events"]
        frame = pd.DataFrame({name: e[name][()] for name in e})
        order = ["run", "month", "firm", "region", "sector", "origin", "kind", "cause", "fund_type", "stage", "acquirer",
                 "amount", "pre_money", "price", "multiple", "cash"]
        frame = frame[[c for c in order if c in frame.columns]]
        if not decode:
            return frame
        for name in e:
            if "labels" in e[name].attrs:
                labels = _labels(e[name].attrs["labels"])
                codes = frame[name].astype(np.int64)
                frame[name] = pd.Categorical.from_codes(np.where(codes < len(labels), codes, -1), categories=labels)
        frame["region"] = pd.Categorical.from_codes(frame["region"].astype(np.int64), categories=self.regions(group))
        return frame

    def months(self, group=None):
        """Months each run of a group simulated (the last axis of its series)."""
        return self.h5[self._group(group)]["series"]["firms_alive"].shape[2]

    def ties(self, group=None):
        """Firm-firm ties at the end of run 0 as an array of (id, id) pairs."""
        g = self.h5[self._group(group)]
        if "final" not in g or "ties" not in g["final"]:
            return np.zeros((0, 2), dtype=np.int64)
        return g["final"]["ties"][()]


def open_file(path):
    return RainforestFile(path)
