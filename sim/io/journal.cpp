#include "sim/io/journal.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "sim/base/errors.hpp"

namespace rf {

namespace {

constexpr std::uint64_t kFileMagic = 0x31304c4e524a4652ull;     // "RFJRNL01"
constexpr std::uint64_t kRecordMagic = 0x3130304e55524652ull;   // "RFRUN001"
constexpr std::uint64_t kFailureMagic = 0x31304c4941465246ull;  // "RFFAIL01"
constexpr std::uint64_t kMaxReasonBytes = 1u << 16;
constexpr double kSyncSeconds = 5.0;

double now_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

[[noreturn]] void journal_failed(const std::string& path, const std::string& what) {
  throw OutputError("cannot write the journal of finished runs '" + path + "': " + what,
                    "Check that the disk has room and the directory is writable; then run again with --resume.");
}

void write_all(int fd, const char* data, std::size_t bytes, const std::string& path) {
  while (bytes > 0) {
    const ssize_t n = ::write(fd, data, bytes);
    if (n < 0) {
      if (errno == EINTR) continue;
      journal_failed(path, std::strerror(errno));
    }
    data += n;
    bytes -= static_cast<std::size_t>(n);
  }
}

void put(std::vector<char>& buf, std::uint64_t v) {
  const auto* p = reinterpret_cast<const char*>(&v);
  buf.insert(buf.end(), p, p + sizeof v);
}

}  // namespace

std::uint64_t fnv1a(const void* data, std::size_t bytes, std::uint64_t hash) {
  const auto* p = static_cast<const unsigned char*>(data);
  for (std::size_t i = 0; i < bytes; ++i) {
    hash ^= p[i];
    hash *= 0x100000001b3ull;
  }
  return hash;
}

JournalWriter::JournalWriter(const std::string& dir, std::uint64_t fingerprint, int rank) {
  const auto stamp = std::chrono::system_clock::now().time_since_epoch().count();
  path_ = dir + "/journal-rank" + std::to_string(rank) + "-pid" + std::to_string(getpid()) + "-" + std::to_string(stamp) + ".bin";
  fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0644);
  if (fd_ < 0) journal_failed(path_, std::strerror(errno));
  std::vector<char> header;
  put(header, kFileMagic);
  put(header, fingerprint);
  write_all(fd_, header.data(), header.size(), path_);
  last_sync_ = now_seconds();
}

JournalWriter::~JournalWriter() {
  if (fd_ >= 0) {
    ::fdatasync(fd_);
    ::close(fd_);
  }
}

void JournalWriter::append(std::uint64_t run, const std::vector<double>& values) {
  std::vector<char> buf;
  buf.reserve(32 + values.size() * sizeof(double));
  put(buf, kRecordMagic);
  put(buf, run);
  put(buf, values.size());
  const auto* p = reinterpret_cast<const char*>(values.data());
  buf.insert(buf.end(), p, p + values.size() * sizeof(double));
  // The checksum covers run, count and values.
  put(buf, fnv1a(buf.data() + 8, buf.size() - 8));
  write_all(fd_, buf.data(), buf.size(), path_);
  if (now_seconds() - last_sync_ > kSyncSeconds) sync();
}

void JournalWriter::append_failure(std::uint64_t run, const std::string& reason) {
  const std::string text = reason.substr(0, kMaxReasonBytes);
  std::vector<char> buf;
  put(buf, kFailureMagic);
  put(buf, run);
  put(buf, text.size());
  buf.insert(buf.end(), text.begin(), text.end());
  put(buf, fnv1a(buf.data() + 8, buf.size() - 8));  // run, byte count and text
  write_all(fd_, buf.data(), buf.size(), path_);
  sync();  // rare, and must survive a crash so the failure is not repeated
}

void JournalWriter::sync() {
  if (::fdatasync(fd_) != 0) journal_failed(path_, std::strerror(errno));
  last_sync_ = now_seconds();
}

std::map<std::uint64_t, JournalRecord> scan_journals(const std::string& dir, std::uint64_t fingerprint) {
  std::map<std::uint64_t, JournalRecord> out;
  if (!std::filesystem::is_directory(dir)) return out;
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    const auto name = e.path().filename().string();
    if (name.rfind("journal-", 0) == 0 && e.path().extension() == ".bin") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());  // deterministic choice when a run appears twice
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::uint64_t header[2] = {0, 0};
    if (!in.read(reinterpret_cast<char*>(header), sizeof header)) continue;  // crashed before its header
    if (header[0] != kFileMagic) {
      throw InputFileError("'" + file + "' is not a rainforest journal",
                           "Remove files you added to the parts directory, then --resume.");
    }
    if (header[1] != fingerprint) {
      throw UsageError("'" + file + "' belongs to a different sweep plan",
                       "The sweep file, its base scenario or the rainforest build changed since the sweep started. "
                       "Resume with the original ones, or start over with --force.");
    }
    std::vector<char> buf;
    while (true) {
      std::uint64_t head[3];
      const auto start = static_cast<std::uint64_t>(in.tellg());
      if (!in.read(reinterpret_cast<char*>(head), sizeof head)) break;
      const bool failure = head[0] == kFailureMagic;
      if ((head[0] != kRecordMagic && !failure) || head[2] > (failure ? kMaxReasonBytes : 1ull << 32)) break;
      const std::uint64_t bytes = failure ? head[2] : head[2] * sizeof(double);
      buf.resize(16 + bytes);
      std::memcpy(buf.data(), &head[1], 16);
      std::uint64_t checksum = 0;
      if (!in.read(buf.data() + 16, static_cast<std::streamsize>(bytes))) break;
      if (!in.read(reinterpret_cast<char*>(&checksum), sizeof checksum)) break;
      if (fnv1a(buf.data(), buf.size()) != checksum) break;  // torn by a crash: the rest is lost
      JournalRecord record;
      record.file = file;
      record.offset = start + sizeof head;
      record.count = failure ? 0 : head[2];
      record.failed = failure;
      if (failure) record.reason.assign(buf.data() + 16, bytes);
      const auto [it, fresh] = out.emplace(head[1], record);
      if (!fresh && it->second.failed && !failure) it->second = record;  // retried with success
    }
  }
  return out;
}

std::vector<double> read_journal_record(const JournalRecord& r) {
  std::ifstream in(r.file, std::ios::binary);
  std::vector<double> values(r.count);
  in.seekg(static_cast<std::streamoff>(r.offset));
  if (!in.read(reinterpret_cast<char*>(values.data()), static_cast<std::streamsize>(r.count * sizeof(double)))) {
    throw InputFileError("cannot read a run from '" + r.file + "'", "The journal changed while reading; run --resume again.");
  }
  return values;
}

}  // namespace rf
