#include "sim/studies/compare_journal.hpp"

#include <algorithm>

#include "sim/io/run_record.hpp"

namespace rf {

namespace {

/// A coalition key as two exactly representable halves (a double holds integers up to 2^53 only).
void put_key(std::vector<double>& record, std::uint64_t key) {
  record.push_back(static_cast<double>(key >> 32));
  record.push_back(static_cast<double>(key & 0xffffffffull));
}

}  // namespace

CompareJournal::CompareJournal(const std::string& dir, std::uint64_t fingerprint)
    : journaled_(scan_journals(dir, fingerprint)), writer_(dir, fingerprint, 0) {}

std::optional<RunResult> CompareJournal::run(std::uint64_t id) const {
  const auto it = journaled_.find(id);
  if (it == journaled_.end() || it->second.failed) return std::nullopt;
  return decode_run(read_journal_record(it->second));
}

void CompareJournal::add_run(std::uint64_t id, const RunResult& r) {
  writer_.append(id, encode_run(r));
}

std::optional<std::vector<double>> CompareJournal::values(std::uint64_t id, std::uint64_t key, std::size_t count) const {
  const auto it = journaled_.find(id);
  if (it == journaled_.end() || it->second.failed) return std::nullopt;
  const auto record = read_journal_record(it->second);
  std::vector<double> expected_key;
  put_key(expected_key, key);
  if (record.size() != count + 2 || !std::equal(expected_key.begin(), expected_key.end(), record.begin())) return std::nullopt;
  return std::vector<double>(record.begin() + 2, record.end());
}

void CompareJournal::add_values(std::uint64_t id, std::uint64_t key, const std::vector<double>& values) {
  std::vector<double> record;
  record.reserve(values.size() + 2);
  put_key(record, key);
  record.insert(record.end(), values.begin(), values.end());
  writer_.append(id, record);
}

}  // namespace rf
