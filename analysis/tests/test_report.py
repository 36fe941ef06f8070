"""Hand-checkable pieces of the report: the note saying what a scaled count rests on, the marking
of few events, sortable tables, the S-curve test, adoption by sector from a small event log and
the policy timeline of a scenario. Run by CTest (test `analysis_python`), no binary needed."""
import unittest

import numpy as np
import pandas as pd

from rainforest_analysis import demography
from rainforest_analysis.figures_firms import s_curve
from rainforest_analysis.figures_policy import steps
from rainforest_analysis.tables import FEW_EVENTS, html_table, rests_on


class CountNoteTest(unittest.TestCase):
    def test_the_issue_example(self):
        # 23 dragons (real city) at 1 % scale in 30 runs: 7 simulated firms, 7 / 30 * 100 = 23.3
        self.assertEqual(rests_on(7, 30, 0.01), "7 simulated in 30 runs x 100 (few events)")

    def test_enough_events_are_not_marked(self):
        self.assertEqual(rests_on(FEW_EVENTS, 20, 0.01), f"{FEW_EVENTS} simulated in 20 runs x 100")
        self.assertEqual(rests_on(12345, 3, 0.5), "12,345 simulated in 3 runs x 2")

    def test_table_marks_rows_resting_on_few_events(self):
        frame = pd.DataFrame({"count": ["dragons", "births"], "mean": [23.3, 4000.0],
                              "rests on": [rests_on(7, 30, 0.01), rests_on(1200, 30, 0.01)]})
        page = html_table(frame, "x.png")
        self.assertEqual(page.count('<tr class="few">'), 1)
        self.assertIn('class="sortable"', page)
        self.assertIn('data-value="4000.0"', page)  # sorted by the number, not by the text "4,000"


class SCurveTest(unittest.TestCase):
    years = np.arange(0, 10, 1 / 12)

    def test_a_logistic_is_one_with_its_inflection(self):
        share = 0.02 + 0.6 / (1 + np.exp(-1.5 * (self.years - 5)))
        ok, t0, _ = s_curve(self.years, share)
        self.assertTrue(ok)
        self.assertAlmostEqual(t0, 5.0, places=1)

    def test_a_straight_line_is_not(self):
        ok, _, reason = s_curve(self.years, 0.01 + 0.03 * self.years)
        self.assertFalse(ok, reason)

    def test_the_start_of_an_exponential_is_not(self):
        # the convex start of a diffusion whose inflection lies beyond the window
        ok, _, reason = s_curve(self.years, 0.001 * np.exp(0.3 * self.years))
        self.assertFalse(ok, reason)


class AdoptionBySectorTest(unittest.TestCase):
    def test_shares_of_living_firms(self):
        # run 0: firm 0 (ai) from the start, adopts in month 1; firm 1 (ai) born in month 1, fails in
        # month 3; firm 2 (services) adopts in month 2 and fails in month 3.
        kinds = ["initial", "adoption", "birth", "failure", "initial", "adoption", "failure"]
        e = pd.DataFrame({"run": 0, "month": [0, 1, 1, 3, 0, 2, 3], "firm": [0, 0, 1, 1, 2, 2, 2],
                          "sector": pd.Categorical(["ai", "ai", "ai", "ai", "services", "services", "services"],
                                                   categories=["ai", "services"]),
                          "kind": pd.Categorical(kinds)})
        a = demography.adoption_by_sector(e, 4).set_index(["sector", "month"])
        self.assertEqual(list(a.loc["ai", "firms"]), [1, 2, 2, 1])
        self.assertEqual(list(a.loc["ai", "adopters"]), [0, 1, 1, 1])
        self.assertEqual(list(a.loc["ai", "share"]), [0.0, 0.5, 0.5, 1.0])
        self.assertEqual(list(a.loc["services", "firms"]), [1, 1, 1, 0])
        self.assertEqual(list(a.loc["services", "adopters"]), [0, 0, 1, 0])
        self.assertTrue(np.isnan(a.loc[("services", 3), "share"]))


class PolicyTimelineTest(unittest.TestCase):
    def test_steps_from_the_policy_and_the_timeline(self):
        scenario = {"simulation": {"start": "2015-01"},
                    "regions": [{"name": "Hangzhou", "policy": {"voucher_rate": 0.25, "guidance_mode": "gardener",
                                                                "academic_entrepreneurship": True}}],
                    "timeline": [{"at": "2016-07", "set": {"regions.Hangzhou.policy.voucher_rate": 0.0}}]}
        s = steps(scenario)
        self.assertEqual(list(s["lever"]), ["voucher_rate", "academic_entrepreneurship", "voucher_rate"])
        self.assertEqual(list(s["month"]), [0, 0, 18])
        self.assertEqual(list(s["value"]), [0.25, True, 0.0])


if __name__ == "__main__":
    unittest.main()
