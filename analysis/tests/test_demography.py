"""The firm event log in Python (docs/OUTPUT.md, "/events") and the demography module: the log
read back counts the series' births, failures and rounds; Kaplan-Meier and the life table agree
with hand computations; multiples and times come from the right events. Run by CTest."""
import os
import shutil
import subprocess
import tempfile
import unittest

import numpy as np
import pandas as pd

from rainforest_analysis import demography, open_file

BINARY = os.environ.get("RF_BINARY", "build/release/rainforest")
SOURCE = os.environ.get("RF_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))


class EventLogTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="rf_events_")
        cls.file = os.path.join(cls.dir, "run.h5")
        subprocess.run([BINARY, "run", f"{SOURCE}/scenarios/hangzhou.yaml", "--quiet", "--runs", "2", "--set",
                        "simulation.scale=0.002", "--set", "simulation.months=48", "--out", cls.file], check=True)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir)

    def test_log_counts_the_series(self):
        with open_file(self.file) as f:
            e = f.events()
            s = f.series()
            months = f.months()
        self.assertEqual(set(e["kind"].cat.categories),
                         {"initial", "birth", "round", "ipo", "acquisition", "failure", "adoption"})
        births = s[s["metric"].str.startswith("births_")].groupby(["run", "month"])["value"].sum()
        for kind, series in (("birth", births),
                             ("failure", s[s["metric"] == "deaths"].groupby(["run", "month"])["value"].sum()),
                             ("round", s[s["metric"] == "startups_funded"].groupby(["run", "month"])["value"].sum())):
            counted = e[e["kind"] == kind].groupby(["run", "month"]).size()
            counted = counted.reindex(series.index, fill_value=0)
            np.testing.assert_array_equal(counted.to_numpy(), series.to_numpy(), err_msg=kind)
        h = demography.histories(e, months)
        self.assertEqual(len(h), int((e["kind"] == "birth").sum()))
        self.assertTrue((h["age_months"] >= 0).all())
        km = demography.kaplan_meier(h, by="origin")
        self.assertTrue((km["ci_low"] <= km["survival"] + 1e-12).all())
        self.assertTrue((km["survival"] <= km["ci_high"] + 1e-12).all())


class DemographyTest(unittest.TestCase):
    """Five firms of one run, born at month 0 except one; the run is 10 months long."""

    def setUp(self):
        rows = [  # run, month, firm, kind, amount, multiple
            (0, 0, 1, "birth", np.nan, np.nan), (0, 0, 2, "birth", np.nan, np.nan), (0, 0, 3, "birth", np.nan, np.nan),
            (0, 0, 4, "birth", np.nan, np.nan), (0, 2, 5, "birth", np.nan, np.nan),
            (0, 1, 1, "round", 5.0, np.nan), (0, 3, 1, "failure", np.nan, 0.0),
            (0, 5, 2, "failure", np.nan, np.nan),
            (0, 4, 3, "round", 10.0, np.nan), (0, 8, 3, "acquisition", np.nan, 2.5),
            (0, 7, 5, "failure", np.nan, np.nan)]
        e = pd.DataFrame(rows, columns=["run", "month", "firm", "kind", "amount", "multiple"])
        kinds = ["initial", "birth", "round", "ipo", "acquisition", "failure", "adoption"]
        e["kind"] = pd.Categorical(e["kind"], categories=kinds)
        for col, value in (("region", "r"), ("sector", "ai"), ("origin", "other")):
            e[col] = value
        self.events = e
        self.hist = demography.histories(e, 10)

    def test_histories(self):
        h = self.hist.set_index("firm")
        # firm 3: acquired at 8, censored there (it left the population); firm 5: born 2, failed 7
        self.assertEqual(list(h["age_months"]), [3, 5, 8, 9, 5])
        self.assertEqual(list(h["failed"]), [True, True, False, False, True])
        self.assertEqual(h.loc[1, "multiple"], 0.0)
        self.assertEqual(h.loc[3, "exit_kind"], "acquisition")
        self.assertEqual(h.loc[3, "raised"], 10.0)

    def test_kaplan_meier_is_the_product_limit(self):
        km = demography.kaplan_meier(self.hist).set_index("age_months")
        # ages 3 (1 of 5 fails), 5 (2 of 4 fail), censored at 8 and 9: S = 4/5, then 4/5 * 2/4.
        self.assertAlmostEqual(km.loc[3, "survival"], 0.8)
        self.assertAlmostEqual(km.loc[5, "survival"], 0.4)
        self.assertEqual(km.loc[5, "at_risk"], 4)

    def test_life_table_and_multiples(self):
        lt = demography.hazard_by_age(self.hist, width=4)
        # band 0 (ages 0-3): 5 at risk, 1 failure; band 1 (4-7): 4 at risk, 2 failures; band 2: 2 censored.
        self.assertEqual(list(lt["at_risk"]), [5, 4, 2])
        self.assertEqual(list(lt["failures"]), [1, 2, 0])
        self.assertAlmostEqual(lt.loc[1, "hazard"], 0.5)
        summary = demography.multiple_summary(demography.exit_multiples(self.events))
        self.assertEqual(summary["resolved"], 2)  # the funded failure at 0 and the acquisition at 2.5
        self.assertAlmostEqual(summary["share_below_1x"], 0.5)
        self.assertEqual(list(demography.time_to(self.hist, "first_round")["months"]), [1, 4])


if __name__ == "__main__":
    unittest.main()
