// Firm demography and venture outcomes of one run, from its firm event log: the numbers that
// published registry statistics (survival and hazard by age) and venture-return studies (the
// distribution of multiples, what became of funded firms) report, so that targets files and the
// calibration can compare the model with them (docs/VALIDATION.md 11).
#pragma once
#include <cstddef>
#include <vector>

#include "models/firm_event.hpp"

namespace rf {

/// Kaplan-Meier probability that a firm founded during the run (a `birth` event) in `region` is
/// still open `age_months` after its founding. A failure ends a firm's life; an acquisition and
/// the end of the run censor it (registry statistics count closures, and an acquired company stays
/// registered); a listed firm stays observed. Ages are dated like events (closing in month m at
/// age m - b), so a firm open in the last month is censored at run_months - 1 - b. `run_months` is the run's length. Returns NaN
/// if no firm born in the run reaches the age at risk.
double born_survival(const std::vector<FirmEvent>& events, std::size_t region, int age_months, int run_months);

/// Annual hazard of closure of firms founded during the run, in the age year that begins at
/// `age_months` (actuarial life table: failures in the year over firms entering it less half of
/// those censored in it). Same failure and censoring rules as born_survival. NaN if no firm
/// enters the year.
double born_hazard(const std::vector<FirmEvent>& events, std::size_t region, int age_months, int run_months);

/// How each funded firm's outcome is weighted in multiple_share.
enum class MultipleWeight {
  Financings,  // each of the firm's rounds counts once (venture studies counting financings)
  Firms,       // each firm counts once
  Capital      // by the equity the firm raised (studies counting invested dollars)
};

/// What a share rests on, in simulated items (financings or firms, unweighted): how many counted
/// (`hits`) out of how many (`base`). Rare-event shares are quoted with these.
struct ShareCounts {
  std::size_t hits = 0;
  std::size_t base = 0;
};

/// Which funded firms a venture-outcome share counts: those whose first round was paid in months
/// [0, cohort_months) of the run (0: every funded firm), resolved within follow_months of that
/// first round (0: by the end of the run) and in month resolved_from_month or later (a calendar
/// window of resolutions, as the venture studies count companies exiting in given years). A run
/// starts with no funded firm and its first vintages are resolved at higher prices than later
/// ones, so the studies' design is a late calendar window (docs/VALIDATION.md 11).
struct FundedWindow {
  int cohort_months = 0;
  int follow_months = 0;
  int resolved_from_month = 0;
};

/// Share of the outcomes of resolved funded firms (failed, acquired or listed during the run, in
/// `region`, within `window`) whose multiple is below `threshold` (`below` true) or at least it
/// (`below` false). Firms: each firm once, at its multiple (investors' proceeds over equity raised;
/// 0 for a failure). Financings and Capital: each round at its own multiple (its stake, diluted by
/// later rounds, times the exit price, over its amount; 0 for a failure), counted once or weighted
/// by its amount, as venture-return studies count financings or dollars. NaN if no funded firm was
/// resolved. `resolved` (optional) receives the number of resolved funded firms counted; `counts`
/// (optional) the financings (or firms) counted and how many of them met the threshold.
double multiple_share(const std::vector<FirmEvent>& events, std::size_t region, double threshold, bool below,
                      MultipleWeight weight, FundedWindow window = {}, std::size_t* resolved = nullptr,
                      ShareCounts* counts = nullptr);

/// How a funded firm was resolved for its investors: the first of its failure, acquisition or
/// listing (a listed firm that later closes stays resolved by its listing).
enum class FundedExit { Failure, Acquisition, Ipo };

/// Share of the resolved funded firms of `region` within `window` (each firm once) that were
/// resolved by `resolution`, as exit studies count exiting companies. NaN if none was resolved.
/// `counts` (optional) receives the firms counted (`base`) and those so resolved (`hits`).
double resolution_share(const std::vector<FirmEvent>& events, std::size_t region, FundedExit resolution, FundedWindow window = {},
                        ShareCounts* counts = nullptr);

/// Of the funded firms of `region` acquired within `window`, the share sold for a price below
/// `threshold` times the equity they raised (at 1: a sale for less than the capital invested,
/// what exit studies call a money-losing acquisition). NaN if none was acquired. `acquired`
/// (optional) receives the sales counted and those below the threshold.
double acquisition_price_share(const std::vector<FirmEvent>& events, std::size_t region, double threshold,
                               FundedWindow window = {}, ShareCounts* counts = nullptr);

/// What became of a funded firm by the end of the run (SecondRound: it raised at least one round
/// after its first, whatever its end; the others partition the cohort).
enum class FundedOutcome { Exit, Failure, Private, SecondRound };

/// Share of the firms whose first round was paid in months [0, cohort_months) of the run, in
/// `region`, with `outcome` within `follow_months` of that first round (0: by the end of the run;
/// venture studies follow a cohort for a fixed time). Exit: acquired or listed first; failure:
/// closed first; private: neither within the window; second round: raised another round within
/// it. NaN if the cohort is empty. `counts` (optional) receives the cohort's size (`base`) and its
/// firms with the outcome (`hits`).
double funded_outcome_share(const std::vector<FirmEvent>& events, std::size_t region, int cohort_months, FundedOutcome outcome,
                            int follow_months = 0, ShareCounts* counts = nullptr);

}  // namespace rf
