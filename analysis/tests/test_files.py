"""Files every tool reads (docs/OUTPUT.md): xarray sees named dimensions, UTF-8 names round-trip,
the documented R snippet reads every seed exactly, names with commas survive the comparison tables
and the report, and `rainforest export` writes tidy CSV. Run by CTest (test `analysis_python`)."""
import os
import re
import shutil
import subprocess
import tempfile
import unittest

import h5py
import pandas as pd

from rainforest_analysis import open_file
from rainforest_analysis.report import write_report

BINARY = os.environ.get("RF_BINARY", "build/release/rainforest")
SOURCE = os.environ.get("RF_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
QUICK = ["--set", "simulation.scale=0.002", "--set", "simulation.months=24", "--quiet"]
# Two one-region scenarios named with commas and regions named in Chinese characters.
CITY = """name: "{name}"
description: a city named with a comma
simulation: {{months: 24, scale: 0.002}}
regions:
  - name: {region}
"""


def rainforest(*args):
    return subprocess.run([BINARY, *args], check=True, capture_output=True, text=True)


def r_snippet():
    """The R code block of docs/OUTPUT.md that reads a file with hdf5r."""
    with open(os.path.join(SOURCE, "docs", "OUTPUT.md"), encoding="utf-8") as f:
        blocks = re.findall(r"```r\n(.*?)```", f.read(), re.S)
    hdf5r = [b for b in blocks if "library(hdf5r)" in b]
    assert len(hdf5r) == 1, "docs/OUTPUT.md should hold one hdf5r snippet"
    return hdf5r[0]


class FilesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="rf_files_")
        cls.hangzhou = os.path.join(cls.dir, "hangzhou.yaml")
        cls.nanjing = os.path.join(cls.dir, "nanjing.yaml")
        with open(cls.hangzhou, "w", encoding="utf-8") as f:
            f.write(CITY.format(name="Hangzhou, China", region="杭州"))
        with open(cls.nanjing, "w", encoding="utf-8") as f:
            f.write(CITY.format(name="Nanjing, China", region="南京"))
        cls.run_file = os.path.join(cls.dir, "run.h5")
        rainforest("run", cls.hangzhou, "--quiet", "--runs", "4", "--out", cls.run_file)
        cls.compare_file = os.path.join(cls.dir, "compare.h5")
        rainforest("compare", cls.hangzhou, cls.nanjing, *QUICK, "--runs", "3", "--out", cls.compare_file)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir)

    def test_xarray_opens_a_series_with_named_dimensions(self):
        import xarray as xr

        with xr.open_dataset(self.run_file, group="series", engine="h5netcdf") as ds:
            self.assertEqual(ds["firms_alive"].dims, ("run", "region", "month"))
            self.assertEqual(list(ds["run"].values), [0, 1, 2, 3])
            self.assertEqual(list(ds["region"].values), ["杭州"])
            self.assertEqual(list(ds["month"].values[:2]), ["2015-01", "2015-02"])  # simulation.start
            self.assertEqual(len(ds["month"]), 24)
            with h5py.File(self.run_file) as f:
                self.assertTrue((ds["births_graduate"].values == f["series/births_graduate"][()]).all())
        with open_file(self.run_file) as f:
            self.assertNotIn("month", f.metrics())  # the scales are not metrics
            self.assertIn("firms_alive", f.metrics())

    def test_a_region_named_in_chinese_round_trips_through_h5py(self):
        with h5py.File(self.run_file) as f:
            self.assertEqual(list(f["regions"].asstr()[()]), ["杭州"])
            self.assertEqual(list(f["series/region"].asstr()[()]), ["杭州"])
            self.assertEqual(f["regions"].id.get_type().get_cset(), h5py.h5t.CSET_UTF8)
        with open_file(self.compare_file) as f:
            self.assertEqual(f.regions("Hangzhou,_China"), ["杭州"])

    def test_the_r_snippet_of_output_md_reads_every_seed_exactly(self):
        if shutil.which("Rscript") is None:
            self.fail("Rscript is missing: install r-base-core and r-cran-hdf5r (scripts/setup.sh)")
        with h5py.File(self.run_file) as f:
            seeds = [str(s) for s in f["runs/seed"][()]]
            shape = f["series/firms_alive"].shape
        self.assertTrue(any(int(s) >= 2 ** 63 for s in seeds), "the test needs a seed that R's integer64 cannot hold")
        code = r_snippet().replace("results/default.h5", self.run_file)
        code += 'writeLines(paste("seed", seeds))\nwriteLines(paste("region", regions))\n'
        code += 'writeLines(paste("dim", paste(dim(firms_alive), collapse = " ")))\n'
        done = subprocess.run(["Rscript", "-e", code], capture_output=True, text=True, check=False)
        self.assertEqual(done.returncode, 0, done.stderr)
        lines = done.stdout.splitlines()
        self.assertEqual([line[5:] for line in lines if line.startswith("seed ")], seeds)
        self.assertEqual([line[7:] for line in lines if line.startswith("region ")], ["杭州"])
        self.assertIn("dim " + " ".join(str(n) for n in reversed(shape)), lines)

    def test_rhdf5_reads_the_decimal_seeds_exactly(self):
        with h5py.File(self.run_file) as f:
            seeds = [str(s) for s in f["runs/seed"][()]]
        code = f'library(rhdf5)\nwriteLines(h5read("{self.run_file}", "runs/seed_decimal"))\n'
        done = subprocess.run(["Rscript", "-e", code], capture_output=True, text=True, check=False)
        self.assertEqual(done.returncode, 0, done.stderr + " (install r-bioc-rhdf5: scripts/setup.sh)")
        self.assertEqual(done.stdout.split(), seeds)

    def test_names_with_commas_survive_the_comparison_tables(self):
        with open_file(self.compare_file) as f:
            names = {"Hangzhou,_China", "Nanjing,_China"}
            self.assertEqual(set(f.groups()), names)
            table = f.compare_table()
            self.assertEqual(set(table["scenario"]), names)
            self.assertFalse(table["mean"].isna().any())
            d = f.differences()
            self.assertEqual(set(d["scenario"]), {"Nanjing,_China"})
            self.assertEqual(set(d["baseline"]), {"Hangzhou,_China"})
            self.assertEqual(set(f.outcome_values()["scenario"]), names)

    def test_the_report_of_a_comparison_of_names_with_commas(self):
        made = [n for n, _, _ in write_report(self.compare_file, os.path.join(self.dir, "report"))]
        self.assertIn("forest.png", made)
        self.assertIn("timeseries.png", made)

    def test_export_writes_tidy_csv(self):
        out = os.path.join(self.dir, "csv")
        printed = rainforest("export", self.compare_file, "--csv", out).stdout
        self.assertIn("series.csv", printed)
        series = pd.read_csv(os.path.join(out, "series.csv"))
        self.assertEqual(list(series.columns), ["scenario", "run", "region", "month", "date", "metric", "value"])
        with open_file(self.compare_file) as f:
            self.assertEqual(len(series), 2 * 3 * 24 * len(f.metrics("Hangzhou,_China")))
            alive = f.series_array("firms_alive", "Nanjing,_China")
        row = series[(series.scenario == "Nanjing,_China") & (series.metric == "firms_alive") & (series.run == 2)
                     & (series.month == 23)]
        self.assertEqual(row["region"].iloc[0], "南京")
        self.assertEqual(row["value"].iloc[0], alive[2, 0, 23])
        runs = pd.read_csv(os.path.join(out, "runs.csv"), dtype={"seed": str})
        with h5py.File(self.compare_file) as f:
            for name in ("Hangzhou,_China", "Nanjing,_China"):
                stored = [str(s) for s in f[f"scenarios/{name}/runs/seed"][()]]
                self.assertEqual(list(runs[runs.scenario == name]["seed"]), stored)
        for name in ("compare.csv", "differences.csv", "outcomes.csv", "firms.csv"):
            self.assertTrue(os.path.exists(os.path.join(out, name)), name)
        with self.assertRaises(subprocess.CalledProcessError):
            rainforest("export", self.compare_file, "--csv", out)  # refuses to overwrite without --force
        rainforest("export", self.compare_file, "--csv", out, "--force")


if __name__ == "__main__":
    unittest.main()
