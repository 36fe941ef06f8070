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


def _table(dataset):
    """A 2-D table with `rows` and `columns` attributes as a DataFrame."""
    rows = _text(dataset.attrs.get("rows", "")).split(",")
    cols = _text(dataset.attrs.get("columns", "")).split(",")
    return pd.DataFrame(dataset[()], index=rows, columns=cols)


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
        return list(self.h5[self._group(group)]["series"].keys())

    def regions(self, group=None):
        return _names(self.h5[self._group(group)]["regions"])

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
            dates = np.array(_names(g["dates"])) if "dates" in g else None  # files before dated months have none
            for metric in metrics or list(g["series"].keys()):
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
                t = _table(dataset)
                t.insert(0, "parameter", t.index)
                t.insert(0, "method", method)
                t.insert(0, "outcome", name)
                frames.append(t.reset_index(drop=True))
        return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()

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

    def differences(self):
        """comparison, outcome, difference, low, high, cohen_d, p_welch, p_mann_whitney."""
        frames = []
        for name, dataset in self.h5["compare"]["differences"].items():
            t = _table(dataset)
            t.columns = ["difference", "low", "high", "cohen_d", "p_welch", "p_mann_whitney"][: len(t.columns)]
            t.insert(0, "outcome", t.index)
            t.insert(0, "comparison", name)
            frames.append(t.reset_index(drop=True))
        return pd.concat(frames, ignore_index=True)

    def decomposition(self):
        """group, outcome, shapley, low, high (empty without --decompose)."""
        c = self.h5["compare"]
        if "decomposition" not in c:
            return pd.DataFrame()
        d = c["decomposition"]
        parts = {"shapley": d["shapley"], "low": d["shapley_ci_low"], "high": d["shapley_ci_high"]}
        frame = pd.concat({k: _table(v).stack() for k, v in parts.items()}, axis=1).reset_index()
        return frame.rename(columns={"level_0": "group", "level_1": "outcome"})

    # -- firms -------------------------------------------------------------------------------------
    def firms(self, group=None):
        """Living firms at the end of each run (one row per firm and run)."""
        g = self.h5[self._group(group)]
        if "final" not in g or "firms" not in g["final"]:
            return pd.DataFrame()
        f = g["final"]["firms"]
        return pd.DataFrame({k: f[k][()] for k in f})

    def ties(self, group=None):
        """Firm-firm ties at the end of run 0 as an array of (id, id) pairs."""
        g = self.h5[self._group(group)]
        if "final" not in g or "ties" not in g["final"]:
            return np.zeros((0, 2), dtype=np.int64)
        return g["final"]["ties"][()]


def open_file(path):
    return RainforestFile(path)
