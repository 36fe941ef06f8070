#include "sim/studies/run_to_file.hpp"

#include <algorithm>
#include <chrono>

#include "models/metrics.hpp"
#include "sim/base/errors.hpp"
#include "sim/base/progress.hpp"
#include "sim/engine/ensemble.hpp"
#include "sim/engine/memory.hpp"
#include "sim/io/journal.hpp"
#include "sim/io/parts_dir.hpp"
#include "sim/io/result_layout.hpp"
#include "sim/io/run_record.hpp"

namespace rf {

namespace {

/// The fingerprint of a run file's plan: its resolved scenario and seeds.
std::uint64_t run_fingerprint(const Provenance& prov, const std::vector<std::uint64_t>& seeds) {
  std::string seed_text;
  for (const auto s : seeds) seed_text += std::to_string(s) + " ";
  return plan_fingerprint({"run", prov.scenario_yaml, seed_text});
}

/// The runs of run_to_file() once OUT.parts is prepared: journaled as they finish, written in order.
RunToFileReport write_runs(const Scenario& scenario, const std::vector<std::uint64_t>& seeds, const Provenance& prov,
                           const RunToFileOptions& o, std::uint64_t fingerprint, const std::string& resume_command) {
  const auto journaled = scan_journals(parts_dir(o.out), fingerprint);
  // OUT exists here only as this plan's interrupted file, which the finished one replaces.
  RunFile file(o.out, true, prov, scenario, seeds);
  file.set_root_attribute(layout::kPlanFingerprint, hex64(fingerprint));
  JournalWriter journal(parts_dir(o.out), fingerprint, 0);
  RunToFileReport report;
  EnsembleOptions eo;
  eo.seeds = seeds;
  eo.threads = o.threads;
  eo.run.check_every_month = o.check_every_month;
  if (o.profile) {
    eo.threads = 1;  // per-phase timing is only meaningful on one thread
    eo.run.phase_seconds = &report.phase_seconds;
  }
  report.threads = eo.threads;
  const std::size_t months = static_cast<std::size_t>(scenario.sim.months);
  const std::size_t regions = scenario.regions.size();
  const std::size_t metrics = metric_table().size();
  report.last_month.assign(metrics, std::vector<std::vector<double>>(regions, std::vector<double>(seeds.size())));
  Progress progress("rainforest " + scenario.name, !o.quiet);
  progress.expect(seeds.size(), months);
  eo.run.month_done = [&] { progress.months_done(1); };
  eo.stored = [&](std::size_t i) -> std::optional<RunResult> {
    const auto it = journaled.find(i);
    if (it == journaled.end()) return std::nullopt;
    progress.months_done(months, false);
    return decode_run(read_journal_record(it->second));
  };
  eo.finished = [&](std::size_t i, const RunResult& r) { journal.append(i, encode_run(r)); };
  const auto start = std::chrono::steady_clock::now();
  std::size_t written = 0;
  try {
    run_ensemble(
        scenario, eo,
        [&](std::size_t index, RunResult&& r) {
          file.write_run(index, r);
          written = index + 1;
          for (std::size_t m = 0; m < metrics; ++m) {
            for (std::size_t k = 0; k < regions; ++k)
              report.last_month[m][k][index] = r.series[(m * regions + k) * months + months - 1];
          }
        },
        [&](std::size_t done, std::size_t total) { progress.update(done, total); });
  } catch (const OutputError&) {
    file.abandon();  // the journal could not be written: the disk is full, HDF5 would fail to close
    throw;
  } catch (const Interrupted& e) {
    // Keep every run finished in order: a valid file, smaller than asked for. The journal keeps
    // those and any run finished out of order, for --resume.
    journal.sync();
    progress.finish();
    file.truncate_runs(written);
    file.commit();
    throw Interrupted("interrupted: '" + o.out + "' holds the first " + std::to_string(written) + " of " +
                          std::to_string(seeds.size()) + " runs",
                      "That file is complete for those runs (`rainforest reproduce` works on it). For all runs, resume: " +
                          resume_command + " (the finished runs are kept in '" + parts_dir(o.out) + "').",
                      e.exit_code() - 128);
  }
  progress.finish();
  file.commit();
  remove_parts(o.out);
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace

RunToFileReport run_to_file(const Scenario& scenario, const std::vector<std::uint64_t>& seeds, const Provenance& provenance,
                            const RunToFileOptions& o) {
  const std::string resume_command =
      provenance.command_line + (provenance.command_line.find(" --resume") == std::string::npos ? " --resume" : "");
  const std::uint64_t fingerprint = run_fingerprint(provenance, seeds);
  PartsRequest request;
  request.out = o.out;
  request.fingerprint = hex64(fingerprint);
  request.command_line = provenance.command_line;
  request.what = "run";
  request.resume_command = resume_command;
  request.resume = o.resume;
  request.force = o.force;
  check_memory(scenario, static_cast<unsigned>(std::min<std::size_t>(o.threads, seeds.size())));
  check_disk(scenario, seeds.size(), o.out);
  PartsState parts;
  try {
    parts = prepare_parts(request);
  } catch (const AlreadyComplete&) {
    RunToFileReport report;
    report.already_complete = true;
    return report;
  }
  Provenance prov = provenance;
  prov.command_line = parts.command_line;  // the file records the command that started it
  try {
    return write_runs(scenario, seeds, prov, o, fingerprint, resume_command);
  } catch (const Interrupted&) {
    throw;  // the journal keeps the finished runs for --resume
  } catch (...) {
    remove_parts_without_runs(o.out, fingerprint);  // a failure before any run finished leaves nothing to resume
    throw;
  }
}

}  // namespace rf
