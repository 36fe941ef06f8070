#include "sim/io/run_record.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <string>

#include "sim/base/errors.hpp"

namespace rf {

namespace {

constexpr std::uint64_t kVersion = 1;

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

 private:
  double next() {
    need(1);
    return in_[at_++];
  }
  void need(std::uint64_t n) const {
    if (n > in_.size() - at_) bad("it is shorter than its contents say");
  }
  const std::vector<double>& in_;
  std::size_t at_ = 0;
};

}  // namespace

std::vector<double> encode_run(const RunResult& r) {
  Writer w;
  w.word(kVersion);
  w.word(r.regions);
  w.word(r.months);
  w.doubles(r.series);
  w.word(r.firms.size());
  for (const auto& c : r.firms) {
    w.text(c.name);
    w.word(c.integer ? 1 : 0);
    w.doubles(c.values);
  }
  w.word(r.ties.size());
  for (const auto t : r.ties) w.word(static_cast<std::uint64_t>(t));
  return std::move(w.out);
}

RunResult decode_run(const std::vector<double>& words) {
  Reader in(words);
  if (in.word() != kVersion) bad("it was written by another version of rainforest");
  RunResult r;
  r.regions = in.word();
  r.months = in.word();
  r.series = in.doubles();
  const auto specs = snapshot_columns();
  const std::uint64_t columns = in.word();
  for (std::uint64_t c = 0; c < columns; ++c) {
    const std::string name = in.text();
    const bool integer = in.word() != 0;
    const auto spec = std::find_if(specs.begin(), specs.end(), [&](const SnapshotColumnSpec& s) { return s.name == name; });
    if (spec == specs.end()) bad("it holds an unknown firm column '" + name + "'");
    r.firms.push_back({spec->name, integer, in.doubles()});
  }
  const std::uint64_t ties = in.word();
  for (std::uint64_t t = 0; t < ties; ++t) r.ties.push_back(static_cast<std::int64_t>(in.word()));
  if (!in.done()) bad("it is longer than its contents say");
  return r;
}

}  // namespace rf
