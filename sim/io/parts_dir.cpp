#include "sim/io/parts_dir.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "sim/base/errors.hpp"
#include "sim/base/version.hpp"
#include "sim/io/journal.hpp"
#include "sim/io/output_path.hpp"
#include "sim/io/result_layout.hpp"
#include "sim/io/result_reader.hpp"

namespace rf {

namespace fs = std::filesystem;

namespace {

std::string plan_path(const std::string& parts) {
  return parts + "/plan.txt";
}

void write_plan_file(const std::string& parts, const PartsRequest& r) {
  const std::string tmp = plan_path(parts) + ".tmp";
  {
    std::ofstream out(tmp);
    out << "fingerprint " << r.fingerprint << "\n"
        << "command_line " << r.command_line << "\n"
        << "what " << r.what << "\n";
    if (!out) throw OutputError("cannot write '" + tmp + "'", "Check that the disk has room and the directory is writable.");
  }
  fs::rename(tmp, plan_path(parts));
}

struct PlanFile {
  std::string fingerprint, command_line;
};

PlanFile read_plan_file(const std::string& parts) {
  std::ifstream in(plan_path(parts));
  PlanFile p;
  for (std::string line; std::getline(in, line);) {
    const auto space = line.find(' ');
    const auto key = line.substr(0, space);
    const auto value = space == std::string::npos ? "" : line.substr(space + 1);
    if (key == "fingerprint") p.fingerprint = value;
    if (key == "command_line") p.command_line = value;
  }
  return p;
}

}  // namespace

std::string parts_dir(const std::string& out) {
  return out + ".parts";
}

std::string hex64(std::uint64_t v) {
  char buf[20];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

std::uint64_t plan_fingerprint(const std::vector<std::string>& texts) {
  std::uint64_t h = fnv1a(nullptr, 0);
  for (const auto& t : texts) {
    const std::uint64_t size = t.size();  // so that ("ab", "c") and ("a", "bc") differ
    h = fnv1a(&size, sizeof size, h);
    h = fnv1a(t.data(), t.size(), h);
  }
  const std::string build = std::string(version()) + " " + std::string(git_commit());
  return fnv1a(build.data(), build.size(), h);
}

PartsState prepare_parts(const PartsRequest& r) {
  const std::string parts = parts_dir(r.out);
  bool has_parts = fs::is_directory(parts);
  if (has_parts && !fs::exists(plan_path(parts))) {
    // Killed while the work was being set up, before any run: nothing to keep.
    fs::remove_all(parts);
    has_parts = false;
  }
  const bool ours = fs::exists(r.out) && read_root_attribute(r.out, layout::kPlanFingerprint) == r.fingerprint;
  const bool partial = ours && (!read_root_attribute(r.out, layout::kInterrupted).empty() ||
                                !read_root_attribute(r.out, layout::kFailedRuns).empty());
  if (r.resume && ours && !partial) {
    // Killed after the file was renamed into place but before the journals were removed.
    if (has_parts) fs::remove_all(parts);
    throw AlreadyComplete();
  }
  if (r.resume && has_parts) {
    const PlanFile stored = read_plan_file(parts);
    if (stored.fingerprint != r.fingerprint) {
      throw UsageError("the interrupted " + r.what + " in '" + parts + "' was started from a different plan",
                       "The scenario, its settings or the rainforest build changed since it started. Resume with the "
                       "original ones, or start over with --force.");
    }
    if (fs::exists(r.out) && !partial) {
      throw OutputError("'" + r.out + "' exists and an interrupted " + r.what + " is in '" + parts + "'",
                        "If '" + r.out + "' is the finished output, remove '" + parts + "'; otherwise move '" + r.out +
                            "' away and --resume again.");
    }
    return {stored.command_line, true};
  }
  if (has_parts && !r.force) {
    std::string stale;
    for (const auto& t : stale_temporaries(r.out)) stale += (stale.empty() ? "" : ", ") + ("'" + t + "'");
    throw OutputError(
        "an interrupted " + r.what + " is in '" + parts + "'" +
            (stale.empty() ? "" : " (and the killed command left " + stale + ")"),
        "Pass --resume to finish it without redoing its finished runs (" + r.resume_command + "), or --force to start over.");
  }
  check_output_path(r.out, r.force || (r.resume && partial));
  if (has_parts) fs::remove_all(parts);
  std::error_code ec;
  fs::create_directory(parts, ec);
  if (ec) throw OutputError("cannot create '" + parts + "': " + ec.message(), "Check that the directory is writable.");
  write_plan_file(parts, r);
  return {r.command_line, false};
}

void remove_parts(const std::string& out) {
  std::error_code ec;
  fs::remove_all(parts_dir(out), ec);
}

void remove_parts_without_runs(const std::string& out, std::uint64_t fingerprint) {
  try {
    if (scan_journals(parts_dir(out), fingerprint).empty()) remove_parts(out);
  } catch (const Error&) {  // journals of another plan: not ours to remove
  }
}

}  // namespace rf
