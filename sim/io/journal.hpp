// Append-only journals of finished runs, so an interrupted sweep (even by kill -9) resumes
// without redoing them. Each process appends to a file of its own in the sweep's parts
// directory; each record carries a checksum, so a record torn by a crash is detected and ignored.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace rf {

/// FNV-1a, 64 bits: checksums of records and fingerprints of sweep plans.
std::uint64_t fnv1a(const void* data, std::size_t bytes, std::uint64_t hash = 0xcbf29ce484222325ull);

class JournalWriter {
 public:
  /// Creates a new journal file in `dir` named after `rank` and this process.
  JournalWriter(const std::string& dir, std::uint64_t fingerprint, int rank);
  ~JournalWriter();
  JournalWriter(const JournalWriter&) = delete;
  JournalWriter& operator=(const JournalWriter&) = delete;

  /// Appends one finished run in a single write; syncs to disk at most every few seconds.
  void append(std::uint64_t run, const std::vector<double>& values);
  /// Appends a run that failed (its parameters made the model stop), with the reason, so a
  /// resumed sweep does not run it again unless asked to.
  void append_failure(std::uint64_t run, const std::string& reason);
  /// Forces everything written so far to disk.
  void sync();
  [[nodiscard]] const std::string& path() const { return path_; }

 private:
  std::string path_;
  int fd_ = -1;
  double last_sync_ = 0.0;
};

struct JournalRecord {
  std::string file;
  std::uint64_t offset = 0;  // of the values
  std::uint64_t count = 0;   // number of doubles
  bool failed = false;       // a failed run: no values, and
  std::string reason;        // why it failed
};

/// Every intact run record in the journals of `dir`, by run index: the first finished record of a
/// run, or else its first failure (a failed run retried with success counts as finished).
/// Throws if a journal belongs to another plan (different fingerprint).
std::map<std::uint64_t, JournalRecord> scan_journals(const std::string& dir, std::uint64_t fingerprint);

/// Reads the values of one record.
std::vector<double> read_journal_record(const JournalRecord& record);

}  // namespace rf
