"""Tests of the Bass fit of rainforest_analysis.diffusion on curves with known coefficients."""
import unittest

import numpy as np

from rainforest_analysis.diffusion import bass_share, fit_bass, inflection_time


class BassFitTest(unittest.TestCase):
    def test_recovers_known_coefficients(self):
        t = np.arange(121) / 12.0
        for p, q, f0 in [(0.004, 0.3, 0.0), (0.02, 0.5, 0.01), (0.05, 0.0, 0.0)]:
            fit = fit_bass(t, bass_share(t, p, q, f0))
            self.assertAlmostEqual(fit["p"], p, delta=0.02 * p)
            self.assertAlmostEqual(fit["q"], q, delta=0.02 * q + 1e-4)
            self.assertLess(fit["rmse"], 1e-5)

    def test_a_straight_line_has_no_imitation(self):
        t = np.arange(121) / 12.0
        fit = fit_bass(t, 0.012 * t)  # the old model: 1.2 points a year
        self.assertLess(fit["q"], 2 * fit["p"])  # imitative curves have q / p of 10 and more

    def test_inflection_is_where_the_adoption_rate_peaks(self):
        p, q = 0.01, 0.6
        t = np.linspace(0, 30, 30001)
        rate = np.gradient(bass_share(t, p, q, 0.0), t)
        self.assertAlmostEqual(inflection_time(p, q, 0.0), t[np.argmax(rate)], delta=0.01)
        self.assertIsNone(inflection_time(0.05, 0.03, 0.0))  # q <= p: concave from the start
        self.assertEqual(inflection_time(p, q, 0.9), 0.0)  # already past the bend

    def test_refuses_too_few_points_or_shares_outside_the_unit_interval(self):
        with self.assertRaises(ValueError):
            fit_bass([0, 1], [0.0, 0.1])
        with self.assertRaises(ValueError):
            fit_bass([0, 1, 2], [0.0, 0.5, 1.0])


if __name__ == "__main__":
    unittest.main()
