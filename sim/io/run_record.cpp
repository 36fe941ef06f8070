#include "sim/io/run_record.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <string>

#include "sim/base/errors.hpp"

namespace rf {

namespace {

constexpr std::uint64_t kVersion = 4;  // 2: with the firm events; 3: with the firm panel; 4: with round stages

[[noreturn]] void bad(const std::string& why) {
  throw InputFileError("a journaled run cannot be read back: " + why,
                       "Start the command over with --force (its journal is from another build or damaged).");
}

class Writer {
 public:
  void word(std::uint64_t v) { out.push_back(std::bit_cast<double>(v)); }
  void doubles(const std::vector<double>& v) {
    word(v.size());
    out.insert(out.end(), v.begin(), v.end());
  }
  void text(std::string_view s) {
    word(s.size());
    for (char c : s) word(static_cast<unsigned char>(c));
  }
  std::vector<double> out;
};

class Reader {
 public:
  explicit Reader(const std::vector<double>& words) : in_(words) {}
  std::uint64_t word() { return std::bit_cast<std::uint64_t>(next()); }
  double real() { return next(); }
  std::vector<double> doubles() {
    const std::uint64_t n = word();
    need(n);
    std::vector<double> v(in_.begin() + static_cast<std::ptrdiff_t>(at_), in_.begin() + static_cast<std::ptrdiff_t>(at_ + n));
    at_ += n;
    return v;
  }
  std::string text() {
    const std::uint64_t n = word();
    need(n);
    std::string s;
    for (std::uint64_t i = 0; i < n; ++i) s.push_back(static_cast<char>(word()));
    return s;
  }
  [[nodiscard]] bool done() const { return at_ == in_.size(); }
  /// Throws unless `n` more words remain (a count read from a torn record must not allocate).
  void need(std::uint64_t n) const {
    if (n > in_.size() - at_) bad("it is shorter than its contents say");
  }

 private:
  double next() {
    need(1);
    return in_[at_++];
  }
  const std::vector<double>& in_;
  std::size_t at_ = 0;
};

/// An event as 9 words: month with the one-byte codes packed in one, firm, cause, fund type and stage,
/// acquirer, and the five amounts bit for bit.
void encode_event(Writer& w, const FirmEvent& e) {
  w.word(static_cast<std::uint64_t>(static_cast<std::uint32_t>(e.month)) | std::uint64_t{e.region} << 32 |
         std::uint64_t{e.sector} << 40 | std::uint64_t{e.origin} << 48 | std::uint64_t{static_cast<std::uint8_t>(e.kind)} << 56);
  w.word(e.firm);
  w.word(std::uint64_t{static_cast<std::uint8_t>(e.cause)} | std::uint64_t{static_cast<std::uint8_t>(e.fund_type)} << 8 |
         std::uint64_t{static_cast<std::uint8_t>(e.stage)} << 16);
  w.word(static_cast<std::uint64_t>(e.acquirer));
  for (const double v : {e.amount, e.pre_money, e.price, e.multiple, e.cash}) w.out.push_back(v);
}

FirmEvent decode_event(Reader& in) {
  FirmEvent e;
  const std::uint64_t packed = in.word();
  e.month = static_cast<std::int32_t>(static_cast<std::uint32_t>(packed));
  e.region = static_cast<std::uint8_t>(packed >> 32);
  e.sector = static_cast<std::uint8_t>(packed >> 40);
  e.origin = static_cast<std::uint8_t>(packed >> 48);
  e.kind = static_cast<EventKind>(static_cast<std::uint8_t>(packed >> 56));
  e.firm = static_cast<std::uint32_t>(in.word());
  const std::uint64_t codes = in.word();
  e.cause = static_cast<FailureCause>(static_cast<std::uint8_t>(codes));
  e.fund_type = static_cast<std::int8_t>(static_cast<std::uint8_t>(codes >> 8));
  e.stage = static_cast<std::int8_t>(static_cast<std::uint8_t>(codes >> 16));
  e.acquirer = static_cast<std::int64_t>(in.word());
  for (double* v : {&e.amount, &e.pre_money, &e.price, &e.multiple, &e.cash}) *v = in.real();
  return e;
}

/// Firm columns (a snapshot or the panel): their count, then name, integer flag and values of each.
void encode_columns(Writer& w, const std::vector<SnapshotColumn>& columns) {
  w.word(columns.size());
  for (const auto& c : columns) {
    w.text(c.name);
    w.word(c.integer ? 1 : 0);
    w.doubles(c.values);
  }
}

std::vector<SnapshotColumn> decode_columns(Reader& in) {
  const auto specs = snapshot_columns();
  std::vector<SnapshotColumn> out;
  const std::uint64_t columns = in.word();
  for (std::uint64_t c = 0; c < columns; ++c) {
    const std::string name = in.text();
    const bool integer = in.word() != 0;
    const auto spec = std::find_if(specs.begin(), specs.end(), [&](const SnapshotColumnSpec& s) { return s.name == name; });
    if (spec == specs.end()) bad("it holds an unknown firm column '" + name + "'");
    out.push_back({spec->name, integer, in.doubles()});
  }
  return out;
}

}  // namespace

std::vector<double> encode_run(const RunResult& r) {
  Writer w;
  w.word(kVersion);
  w.word(r.regions);
  w.word(r.months);
  w.doubles(r.series);
  encode_columns(w, r.firms);
  w.word(r.ties.size());
  for (const auto t : r.ties) w.word(static_cast<std::uint64_t>(t));
  w.word(r.events.size());
  for (const auto& e : r.events) encode_event(w, e);
  encode_columns(w, r.panel);
  w.word(r.panel_months.size());
  for (const auto m : r.panel_months) w.word(static_cast<std::uint32_t>(m));
  return std::move(w.out);
}

RunResult decode_run(const std::vector<double>& words) {
  Reader in(words);
  if (in.word() != kVersion) bad("it was written by another version of rainforest");
  RunResult r;
  r.regions = in.word();
  r.months = in.word();
  r.series = in.doubles();
  r.firms = decode_columns(in);
  const std::uint64_t ties = in.word();
  for (std::uint64_t t = 0; t < ties; ++t) r.ties.push_back(static_cast<std::int64_t>(in.word()));
  const std::uint64_t events = in.word();
  for (std::uint64_t k = 0; k < events; ++k) r.events.push_back(decode_event(in));
  r.panel = decode_columns(in);
  const std::uint64_t panel_rows = in.word();
  in.need(panel_rows);
  for (std::uint64_t k = 0; k < panel_rows; ++k) r.panel_months.push_back(static_cast<std::int32_t>(in.word()));
  if (!in.done()) bad("it is longer than its contents say");
  return r;
}

}  // namespace rf
