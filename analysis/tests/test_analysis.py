"""Tests of the analysis package on files the rainforest binary writes (run, sweep, comparison),
and of the HTML report in headless Chromium. Run by CTest (test `analysis_python`)."""
import os
import shutil
import subprocess
import tempfile
import unittest

import pandas as pd

from rainforest_analysis import open_file
from rainforest_analysis.at_dates import values_at
from rainforest_analysis.diffusion import by_size, fits, sector_curves
from rainforest_analysis.browser import check_report
from rainforest_analysis.report import write_report

BINARY = os.environ.get("RF_BINARY", "build/release/rainforest")
SOURCE = os.environ.get("RF_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
QUICK = ["--set", "simulation.scale=0.002", "--set", "simulation.months=24", "--quiet"]
SWEEP = """name: tiny
base: {source}/scenarios/default.yaml
set: {{simulation.months: 24, simulation.scale: 0.002}}
design: saltelli
points: 16
seed: 5
parameters:
  - {{path: regions.*.policy.data_openness, range: [0, 1]}}
  - {{path: regions.*.policy.failure_insurance_months, range: [0, 36]}}
"""


def rainforest(*args):
    subprocess.run([BINARY, *args], check=True, capture_output=True)


class AnalysisTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="rf_analysis_")
        cls.run_file = os.path.join(cls.dir, "run.h5")
        rainforest("run", f"{SOURCE}/scenarios/default.yaml", *QUICK, "--runs", "3", "--set",
                   "simulation.firm_panel_every=12", "--out", cls.run_file)
        cls.compare_file = os.path.join(cls.dir, "compare.h5")
        rainforest("compare", f"{SOURCE}/scenarios/hangzhou.yaml", f"{SOURCE}/scenarios/nanjing.yaml", *QUICK,
                   "--runs", "4", "--decompose", "--decompose-runs", "2", "--null", "--out", cls.compare_file)
        cls.sweep_file = os.path.join(cls.dir, "sweep.h5")
        sweep = os.path.join(cls.dir, "s.yaml")
        with open(sweep, "w") as f:
            f.write(SWEEP.format(source=SOURCE))
        rainforest("sweep", sweep, "-q", "--out", cls.sweep_file)
        rainforest("analyze", cls.sweep_file, "--outcome", "all_births", "--bootstrap", "50", "-q")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir)

    def test_run_file_series_runs_and_firms_are_tidy(self):
        with open_file(self.run_file) as f:
            self.assertEqual(f.kind, "run")
            s = f.series(["firms_alive", "unicorns"])
            self.assertEqual(list(s.columns), ["run", "region", "month", "date", "metric", "value"])
            self.assertEqual(len(s), 2 * 3 * 1 * 24)
            self.assertEqual(list(s["date"][:2]), ["2015-01", "2015-02"])  # from simulation.start
            self.assertEqual(len(f.runs()), 3)
            firms = f.firms()
            self.assertEqual(set(firms["run"]), {0, 1, 2})
            self.assertIn("employees", firms.columns)
            ties = f.ties()
            self.assertEqual(ties.shape[1], 2)
            self.assertTrue(set(ties.ravel()) <= set(firms[firms.run == 0]["id"]))
            self.assertEqual(f.provenance()["kind"], "run")

    def test_firm_panel_counts_the_living_firms_at_its_months(self):
        with open_file(self.run_file) as f:
            panel = f.panel()
            alive = f.series_array("firms_alive")  # [run, region, month]
        self.assertEqual(list(panel.columns[:3]), ["run", "month", "id"])
        self.assertEqual(sorted(set(panel["month"])), [11, 23])  # every 12 months, the last is 23
        counts = panel.groupby(["run", "month"]).size()
        for (run, month), rows in counts.items():
            self.assertEqual(rows, alive[run, :, month].sum())
        last = panel[panel.month == 23].drop(columns="month").reset_index(drop=True)
        with open_file(self.run_file) as f:
            final = f.firms()
        pd.testing.assert_frame_equal(last[final.columns], final)

    def test_compare_file_tables(self):
        with open_file(self.compare_file) as f:
            self.assertEqual(set(f.groups()), {"hangzhou", "nanjing"})
            table = f.compare_table()
            self.assertEqual(set(table["scenario"]), {"hangzhou", "nanjing"})
            self.assertTrue({"mean", "ci_low", "ci_high"} <= set(table.columns))
            d = f.differences()
            self.assertEqual(list(d["comparison"].unique()), ["nanjing_minus_hangzhou"])
            self.assertTrue((d["low"] <= d["high"]).all())
            self.assertTrue((d["p_welch_adjusted"] >= d["p_welch"]).all())
            paired = f.paired()
            self.assertIn("startup_births_per_firm", set(paired["outcome"]))
            self.assertTrue((paired["t_p_adjusted"] >= paired["t_p"]).all())
            self.assertEqual(f.correction(), "Holm")
            self.assertFalse(f.decomposition().empty)
            self.assertIn("scenario", f.series(["unicorns"]).columns)
            gap = f.null_gap()
            self.assertTrue((gap["pairs"] == 4).all())
            self.assertTrue((gap["q025"] <= gap["median"]).all() and (gap["median"] <= gap["q975"]).all())
            chance = f.null_chance()
            self.assertEqual(set(chance["scenario"]), {"nanjing"})
            self.assertEqual(set(chance["baseline"]), {"hangzhou"})
            self.assertTrue(((chance["share"] >= 0) & (chance["share"] <= 1)).all())
            self.assertTrue((chance["share"] == chance["at_least"] / chance["pairs"]).all())

    def test_values_at_dates_are_run_means_scaled_to_the_full_city(self):
        with open_file(self.compare_file) as f:
            table = values_at(f, "unicorns", ["2015-06", "2016-12"])
            self.assertEqual(len(table), 2 * 2)  # two scenarios of one region, two dates
            row = table[(table.scenario == "hangzhou") & (table.date == "2016-12")].iloc[0]
            runs = f.series_array("unicorns", "hangzhou")[:, 0, 23]
            self.assertAlmostEqual(row["mean"], runs.mean())
            self.assertLessEqual(row["low"], row["mean"])
            self.assertAlmostEqual(row["full_mean"], runs.mean() / 0.002)
            with self.assertRaises(KeyError):
                values_at(f, "unicorns", ["2030-01"])

    def test_adoption_curves_per_sector_are_fitted(self):
        with open_file(self.compare_file) as f:
            curves = sector_curves(f, "hangzhou")
            self.assertEqual(set(curves["sector"]), {"ai", "hardtech", "heavy", "services", "all"})
            table = fits(curves)
            self.assertEqual(len(table), 5)
            self.assertTrue((table["p"] > 0).all() and (table["q"] >= 0).all())
            sizes = by_size(f, "hangzhou")
            self.assertEqual(list(sizes["size"]), ["0-9", "10-49", "50-249", "250+"])

    def test_sweep_points_runs_and_sobol(self):
        with open_file(self.sweep_file) as f:
            self.assertEqual(len(f.points()), 16 * 4)
            runs = f.runs()
            self.assertTrue({"point", "replicate"} <= set(runs.columns))
            sens = f.sensitivity()
            self.assertEqual(set(sens["method"]), {"sobol"})
            self.assertTrue({"S1", "ST", "ST_low", "ST_high"} <= set(sens.columns))

    def test_not_a_rainforest_file_is_refused(self):
        path = os.path.join(self.dir, "plain.h5")
        import h5py

        h5py.File(path, "w").close()
        with self.assertRaises(ValueError):
            open_file(path)

    def _report(self, source, name, expected):
        out = os.path.join(self.dir, name)
        made = write_report(source, out)
        names = [n for n, _, _ in made]
        for figure in expected:
            self.assertIn(figure, names)
            self.assertGreater(os.path.getsize(os.path.join(out, figure)), 5000)
        for figure, caption, table in made:
            self.assertFalse(table.empty, f"{figure or caption}: no numbers beside it")
        return out, made

    def test_compare_report_renders_in_chromium(self):
        out, made = self._report(self.compare_file, "report-compare", [
            "timeseries.png", "forest.png", "null.png", "shapley.png", "timeline.png", "firm_sizes.png",
            "survival.png", "hazard.png", "multiples.png", "adoption_sectors.png", "adoption.png", "graduates.png",
            "network.png"])
        ok, problems = check_report(os.path.join(out, "index.html"))
        self.assertTrue(ok, problems)
        captions = {n: c for n, c, _ in made}
        self.assertIn("paired t", captions["forest.png"])
        self.assertIn("Holm correction", captions["forest.png"])

    def test_key_counts_say_what_they_rest_on(self):
        _, made = self._report(self.compare_file, "report-counts", [])
        counts = next(t for n, _, t in made if n == "")
        with open_file(self.compare_file) as f:
            scale = f.scale("nanjing")
            deaths = f.series_array("deaths", "nanjing").sum()
        row = counts[(counts.scenario == "nanjing") & (counts["count"] == "deaths over the run")].iloc[0]
        self.assertEqual(row["simulated"], int(deaths))
        self.assertAlmostEqual(row["mean (real city)"], deaths / 4 / scale)
        self.assertTrue(row["rests on"].startswith(f"{int(deaths):,} simulated in 4 runs x {1 / scale:g}"))
        unicorns = counts[counts["count"] == "unicorns at the end"]
        self.assertEqual(len(unicorns), 2)  # one row per scenario
        self.assertTrue(unicorns["rests on"].str.endswith("(few events)").all())  # 0.2 % scale, 24 months

    def test_shapley_table_has_the_residual(self):
        _, made = self._report(self.compare_file, "report-shapley", ["shapley.png"])
        table = next(t for n, _, t in made if n == "shapley.png")
        with open_file(self.compare_file) as f:
            explained = f.decomposition_explained()
        births = table[table.outcome == "startup_births"].set_index("part")
        gap_runs = births.loc["gap over the decomposition's runs", "value"]
        # Every differing parameter is in a group: the groups close the whole gap over their runs.
        self.assertAlmostEqual(gap_runs - explained["startup_births"], 0.0, delta=1e-9 * (1 + abs(gap_runs)))
        self.assertAlmostEqual(births.loc["unexplained residual", "value"], 0.0, delta=1e-9 * (1 + abs(gap_runs)))

    def test_sweep_report_renders_in_chromium(self):
        out, made = self._report(self.sweep_file, "report-sweep", ["tornado_all_births.png",
                                                                   "response_all_births.png", "adoption.png"])
        ok, problems = check_report(os.path.join(out, "index.html"))
        self.assertTrue(ok, problems)
        response = next(t for n, _, t in made if n == "response_all_births.png")
        self.assertEqual(len(response), 16 * 4)  # one row per design point, never pooled
        with open_file(self.sweep_file) as f:
            per_run = f.outcome_by_run()["all_births"]
            runs = f.runs()
        point = runs[runs.point == 5]["run"]
        self.assertAlmostEqual(response.set_index("point").loc[5, "mean"], per_run[point].mean())

    def test_browser_check_catches_a_missing_image_and_table(self):
        out, _ = self._report(self.run_file, "report-broken", ["firm_sizes.png"])
        os.remove(os.path.join(out, "firm_sizes.png"))
        index = os.path.join(out, "index.html")
        with open(index, encoding="utf-8") as f:
            page = f.read()
        with open(index, "w", encoding="utf-8") as f:  # and one figure loses its table
            f.write(page.replace('<table class="sortable" data-figure="adoption.png">', "<table>", 1))
        ok, problems = check_report(index)
        self.assertFalse(ok)
        self.assertTrue(any("image" in p for p in problems), problems)
        self.assertTrue(any("table" in p for p in problems), problems)


if __name__ == "__main__":
    unittest.main()
