#include "sim/studies/firm_demography.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>
#include <vector>

namespace rf {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int kMonthsPerYear = 12;

/// A firm born during the run: its age when its history ended and whether it ended by closure.
struct Lifetime {
  int age = 0;
  bool failed = false;
};

/// Lifetimes of the firms of `region` born during the run; those still open, acquired or listed
/// are censored at the month their history in the log ended (the run's end for open firms).
std::vector<Lifetime> born_lifetimes(const std::vector<FirmEvent>& events, std::size_t region, int run_months) {
  std::unordered_map<std::uint32_t, std::size_t> index;
  std::vector<int> born;
  std::vector<Lifetime> out;
  for (const FirmEvent& e : events) {
    if (e.region != region || e.kind != EventKind::Birth) continue;
    index.emplace(e.firm, out.size());
    born.push_back(e.month);
    // Open until the run ends unless a later event says otherwise. Ages are dated like events: a
    // firm born in month b and closing in month m has age m - b, so one still open in the last
    // month, run_months - 1, is censored at run_months - 1 - b.
    out.push_back({run_months - 1 - e.month, false});
  }
  for (const FirmEvent& e : events) {
    // A listed firm stays open and observed (its later closure, if any, is a failure); an
    // acquired one leaves the log.
    if (e.kind != EventKind::Failure && e.kind != EventKind::Acquisition) continue;
    const auto it = index.find(e.firm);
    if (it == index.end()) continue;
    Lifetime& l = out[it->second];
    l.age = e.month - born[it->second];
    l.failed = e.kind == EventKind::Failure;
  }
  return out;
}

/// Each financing's own multiple at an exit at `price` (0 for a failure): round r bought
/// a_r / (pre_r + a_r) of the firm, diluted by every later round j by pre_j / (pre_j + a_j), and
/// exit proceeds are paid pro rata to stakes (models/exits.cpp), so it returns
/// price * stake_r / a_r. Their amount-weighted mean is the firm's multiple.
std::vector<double> round_multiples(const std::vector<double>& amounts, const std::vector<double>& pre_money, double price) {
  const std::size_t n = amounts.size();
  std::vector<double> out(n, 0.0);
  double later_dilution = 1.0;
  for (std::size_t r = n; r-- > 0;) {
    const double post = pre_money[r] + amounts[r];
    out[r] = amounts[r] > 0.0 && post > 0.0 ? price * (amounts[r] / post) * later_dilution / amounts[r] : kNaN;
    if (post > 0.0) later_dilution *= pre_money[r] / post;
  }
  return out;
}

/// Per funded firm of `region`: rounds, equity raised, and the multiple if it was resolved.
struct FundedFirm {
  int first_round_month = -1;
  int second_round_month = -1;
  int rounds = 0;
  double raised = 0.0;
  double multiple = kNaN;
  std::vector<double> amounts;          // per round, in order: capital paid in
  std::vector<double> pre_money;        // per round: valuation before it
  std::vector<double> round_multiples;  // per round, once resolved: that financing's own multiple
  FundedOutcome outcome = FundedOutcome::Private;
  FundedExit resolution = FundedExit::Failure;  // how it was resolved, once outcome is not Private
  int outcome_month = -1;                       // month of the exit or failure
  double price = kNaN;                          // exit price (acquisition, listing); NaN otherwise
};

std::unordered_map<std::uint32_t, FundedFirm> funded_firms(const std::vector<FirmEvent>& events, std::size_t region) {
  std::unordered_map<std::uint32_t, FundedFirm> firms;
  for (const FirmEvent& e : events) {
    if (e.region != region) continue;
    if (e.kind == EventKind::Round) {
      FundedFirm& f = firms[e.firm];
      if (f.rounds == 0) f.first_round_month = e.month;
      if (f.rounds == 1) f.second_round_month = e.month;
      ++f.rounds;
      f.raised += e.amount;
      f.amounts.push_back(e.amount);
      f.pre_money.push_back(e.pre_money);
      continue;
    }
    if (e.kind != EventKind::Failure && e.kind != EventKind::Acquisition && e.kind != EventKind::Ipo) continue;
    const auto it = firms.find(e.firm);
    if (it == firms.end()) continue;  // never funded (or funded before the run: no round in the log)
    // The investors' outcome is the first exit: a listed firm that later closes returned its IPO
    // multiple to them.
    if (it->second.outcome == FundedOutcome::Exit) continue;
    FundedFirm& f = it->second;
    f.multiple = e.kind == EventKind::Failure ? 0.0 : e.multiple;
    f.price = e.kind == EventKind::Failure ? kNaN : e.price;
    f.outcome = e.kind == EventKind::Failure ? FundedOutcome::Failure : FundedOutcome::Exit;
    f.resolution = e.kind == EventKind::Failure ? FundedExit::Failure
                                                : (e.kind == EventKind::Acquisition ? FundedExit::Acquisition : FundedExit::Ipo);
    f.outcome_month = e.month;
    f.round_multiples = round_multiples(f.amounts, f.pre_money, e.kind == EventKind::Failure ? 0.0 : e.price);
  }
  return firms;
}

}  // namespace

double born_survival(const std::vector<FirmEvent>& events, std::size_t region, int age_months, int run_months) {
  auto lives = born_lifetimes(events, region, run_months);
  std::sort(lives.begin(), lives.end(), [](const Lifetime& a, const Lifetime& b) { return a.age < b.age; });
  // Product-limit estimate: at each age with failures, multiply by 1 - failures / at risk, where
  // firms censored at an age are at risk at that age (the usual convention of failures first).
  double survival = 1.0;
  std::size_t at_risk = lives.size();
  std::size_t i = 0;
  while (i < lives.size() && lives[i].age <= age_months) {
    const int age = lives[i].age;
    std::size_t failed = 0, ended = 0;
    for (; i < lives.size() && lives[i].age == age; ++i, ++ended) failed += lives[i].failed ? 1 : 0;
    if (failed > 0) survival *= 1.0 - static_cast<double>(failed) / static_cast<double>(at_risk);
    at_risk -= ended;
  }
  // The estimate is defined up to the longest observed life, and beyond it only if that life
  // ended in a closure (then no firm survives).
  if (lives.empty()) return kNaN;
  const Lifetime& longest = lives.back();
  return longest.age >= age_months || longest.failed ? survival : kNaN;
}

double born_hazard(const std::vector<FirmEvent>& events, std::size_t region, int age_months, int run_months) {
  const int end = age_months + kMonthsPerYear;
  double entering = 0.0, failed = 0.0, censored = 0.0;
  for (const Lifetime& l : born_lifetimes(events, region, run_months)) {
    if (l.age < age_months || (l.age == age_months && !l.failed)) continue;  // gone before the year began
    entering += 1.0;
    if (l.age >= end) continue;
    (l.failed ? failed : censored) += 1.0;
  }
  const double exposed = entering - censored / 2.0;
  return exposed > 0.0 ? failed / exposed : kNaN;
}

namespace {

/// True if funded firm `f` was resolved, first funded within the window's cohort and resolved
/// within its follow-up.
bool resolved_in(const FundedFirm& f, FundedWindow window) {
  if (std::isnan(f.multiple)) return false;
  if (window.cohort_months > 0 && f.first_round_month >= window.cohort_months) return false;
  if (f.outcome_month < window.resolved_from_month) return false;
  return window.follow_months <= 0 || f.outcome_month - f.first_round_month < window.follow_months;
}

}  // namespace

double multiple_share(const std::vector<FirmEvent>& events, std::size_t region, double threshold, bool below,
                      MultipleWeight weight, FundedWindow window, std::size_t* resolved, ShareCounts* counts) {
  double total = 0.0, hit = 0.0;
  std::size_t n = 0;
  ShareCounts items;
  const auto meets = [&](double multiple) { return below ? multiple < threshold : multiple >= threshold; };
  for (const auto& [id, f] : funded_firms(events, region)) {
    if (!resolved_in(f, window)) continue;
    ++n;
    if (weight == MultipleWeight::Firms) {
      total += 1.0;
      hit += meets(f.multiple) ? 1.0 : 0.0;
      ++items.base;
      items.hits += meets(f.multiple) ? 1 : 0;
      continue;
    }
    // Financings and capital: each round at its own multiple, counted once or by its amount.
    for (std::size_t r = 0; r < f.round_multiples.size(); ++r) {
      if (std::isnan(f.round_multiples[r])) continue;
      const double w = weight == MultipleWeight::Financings ? 1.0 : f.amounts[r];
      total += w;
      hit += meets(f.round_multiples[r]) ? w : 0.0;
      ++items.base;
      items.hits += meets(f.round_multiples[r]) ? 1 : 0;
    }
  }
  if (resolved != nullptr) *resolved = n;
  if (counts != nullptr) *counts = items;
  return total > 0.0 ? hit / total : kNaN;
}

double resolution_share(const std::vector<FirmEvent>& events, std::size_t region, FundedExit resolution, FundedWindow window,
                        ShareCounts* counts) {
  std::size_t n = 0, hit = 0;
  for (const auto& [id, f] : funded_firms(events, region)) {
    if (!resolved_in(f, window)) continue;
    ++n;
    if (f.resolution == resolution) ++hit;
  }
  if (counts != nullptr) *counts = {hit, n};
  return n > 0 ? static_cast<double>(hit) / static_cast<double>(n) : kNaN;
}

double acquisition_price_share(const std::vector<FirmEvent>& events, std::size_t region, double threshold, FundedWindow window,
                               ShareCounts* counts) {
  std::size_t n = 0, hit = 0;
  for (const auto& [id, f] : funded_firms(events, region)) {
    if (!resolved_in(f, window) || f.resolution != FundedExit::Acquisition) continue;
    ++n;
    if (f.price < threshold * f.raised) ++hit;
  }
  if (counts != nullptr) *counts = {hit, n};
  return n > 0 ? static_cast<double>(hit) / static_cast<double>(n) : kNaN;
}

double funded_outcome_share(const std::vector<FirmEvent>& events, std::size_t region, int cohort_months, FundedOutcome outcome,
                            int follow_months, ShareCounts* counts) {
  std::size_t n = 0, hit = 0;
  const auto within = [&](int first, int month) { return month >= 0 && (follow_months <= 0 || month - first < follow_months); };
  for (const auto& [id, f] : funded_firms(events, region)) {
    if (f.first_round_month < 0 || f.first_round_month >= cohort_months) continue;
    ++n;
    const bool ended = within(f.first_round_month, f.outcome_month);
    bool has = false;
    if (outcome == FundedOutcome::SecondRound) {
      has = within(f.first_round_month, f.second_round_month);
    } else if (outcome == FundedOutcome::Private) {
      has = !ended;
    } else {
      has = ended && f.outcome == outcome;
    }
    if (has) ++hit;
  }
  if (counts != nullptr) *counts = {hit, n};
  return n > 0 ? static_cast<double>(hit) / static_cast<double>(n) : kNaN;
}

}  // namespace rf
