#include "sim/io/result_file.hpp"

#include <H5Cpp.h>
#include <hdf5_hl.h>
#include <unistd.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <optional>

#include "models/metrics.hpp"
#include "sim/base/calendar.hpp"
#include "sim/base/version.hpp"
#include "sim/io/event_log.hpp"
#include "sim/io/firm_columns.hpp"
#include "sim/io/h5_util.hpp"
#include "sim/io/output_path.hpp"
#include "sim/io/result_layout.hpp"

namespace rf {

namespace fs = std::filesystem;
using h5::output_failed;
using h5::set_scalar_attr;
using h5::set_string_attr;
using h5::write_string;

namespace {

constexpr int kFormatVersion = 2;  // 2: dimension scales, UTF-8 text, string-array table labels, seed_decimal

std::string utc_now() {
  const std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

std::pair<std::string, std::string> split_dataset_path(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return {slash == 0 || slash == std::string::npos ? "/" : path.substr(0, slash), path.substr(slash + 1)};
}

std::vector<std::int64_t> indices(std::size_t n) {
  std::vector<std::int64_t> out(n);
  for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<std::int64_t>(i);
  return out;
}

/// runs/run_id, runs/seed and runs/seed_decimal of a run group (the runs group exists).
void write_run_table(H5::Group& group, const std::vector<std::uint64_t>& seeds) {
  const hsize_t n[1] = {seeds.size()};
  const auto ids = indices(seeds.size());
  H5::DataSet run_id = group.createDataSet(layout::kRunIds, H5::PredType::NATIVE_INT64, H5::DataSpace(1, n));
  if (!ids.empty()) run_id.write(ids.data(), H5::PredType::NATIVE_INT64);
  H5::DataSet seed = group.createDataSet(layout::kSeeds, H5::PredType::NATIVE_UINT64, H5::DataSpace(1, n));
  if (!seeds.empty()) seed.write(seeds.data(), H5::PredType::NATIVE_UINT64);
  set_string_attr(seed, "description", "Seed of each run: the key of all its random streams.");
  // Tools without unsigned 64-bit integers (R's hdf5r turns seeds >= 2^63 into NA) read these exactly.
  std::vector<std::string> decimal;
  decimal.reserve(seeds.size());
  for (const auto s : seeds) decimal.push_back(std::to_string(s));
  H5::Group runs = group.openGroup("runs");
  H5::DataSet text = h5::write_strings(runs, layout::kSeedDecimalName, decimal);
  set_string_attr(text, "description", "runs/seed in decimal digits, for tools without unsigned 64-bit integers (R).");
}

/// A 1-D dimension scale `name` of /series; chunked so that truncate_runs can shrink it.
H5::DataSet int_scale(H5::Group& series, const std::string& name, std::size_t n, const std::string& description) {
  const hsize_t dims[1] = {n};
  const hsize_t unlimited[1] = {H5S_UNLIMITED};
  const hsize_t chunk[1] = {std::max<hsize_t>(1, std::min<hsize_t>(n, 4096))};
  H5::DSetCreatPropList plist;
  plist.setChunk(1, chunk);
  H5::DataSet d = series.createDataSet(name, H5::PredType::NATIVE_INT64, H5::DataSpace(1, dims, unlimited), plist);
  const auto values = indices(n);
  if (n > 0) d.write(values.data(), H5::PredType::NATIVE_INT64);
  set_string_attr(d, "description", description);
  return d;
}

void make_scale(H5::DataSet& d, const char* name) {
  if (H5DSset_scale(d.getId(), name) < 0)
    throw H5::DataSetIException("H5DSset_scale", std::string("cannot make ") + name + " a dimension scale");
}

}  // namespace

struct ResultFile::Impl {
  std::string path, tmp;
  bool force = false, committed = false, failed = false;
  std::size_t runs = 0, regions = 0, months = 0;
  std::string group_name = "/";
  std::unique_ptr<H5::H5File> file;
  std::vector<H5::DataSet> series;
  H5::DataSet run_scale;                   // /series/run
  std::optional<EventLogWriter> events;    // <group>/events, when the scenario keeps an event log
  std::optional<FirmColumnsWriter> firms;  // <group>/final/firms, when the scenario keeps the snapshot
  std::optional<FirmColumnsWriter> panel;  // <group>/panel, when simulation.firm_panel_every > 0

  /// Lets go of every dataset handle of the current group.
  void release_datasets() {
    series.clear();
    events.reset();
    firms.reset();
    panel.reset();
  }

  H5::Group group(const std::string& name) {
    if (name == "/" || name.empty()) return file->openGroup("/");
    // Create each missing level of the path.
    std::string sofar;
    std::size_t start = name[0] == '/' ? 1 : 0;
    while (start <= name.size()) {
      const auto slash = name.find('/', start);
      sofar += "/" + name.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
      if (!file->nameExists(sofar)) file->createGroup(sofar);
      if (slash == std::string::npos) break;
      start = slash + 1;
    }
    return file->openGroup(name);
  }
};

ResultFile::ResultFile(const std::string& path, bool force, const std::string& kind, const std::string& command_line,
                       std::uint64_t base_seed)
    : impl_(std::make_unique<Impl>()) {
  check_output_path(path, force);
  Impl& m = *impl_;
  m.path = path;
  m.force = force;
  m.tmp = path + ".tmp." + std::to_string(getpid());
  H5::Exception::dontPrint();
  try {
    m.file = std::make_unique<H5::H5File>(m.tmp, H5F_ACC_TRUNC);
    H5::Group root = m.file->openGroup("/");
    set_string_attr(root, layout::kFormatAttribute, layout::kFormat);
    set_scalar_attr(root, "format_version", H5::PredType::NATIVE_INT, kFormatVersion);
    set_string_attr(root, "rainforest_version", std::string(version()));
    set_string_attr(root, "git_commit", std::string(git_commit()));
    set_string_attr(root, "created_utc", utc_now());
    set_string_attr(root, "command_line", command_line);
    set_scalar_attr(root, "base_seed", H5::PredType::NATIVE_UINT64, base_seed);
    set_string_attr(root, layout::kKindAttribute, kind);
  } catch (const H5::Exception& e) {
    std::remove(m.tmp.c_str());
    output_failed(path, e.getDetailMsg());
  }
}

void ResultFile::begin_group(const std::string& group_name, const Provenance& provenance, const Scenario& scenario,
                             const std::vector<std::uint64_t>& seeds) {
  Impl& m = *impl_;
  m.runs = seeds.size();
  m.group_name = group_name;
  m.regions = scenario.regions.size();
  m.months = static_cast<std::size_t>(scenario.sim.months);
  m.release_datasets();
  try {
    H5::Group root = m.group(group_name);
    write_string(root, layout::kScenario, provenance.scenario_yaml);
    H5::DataSet sc = root.openDataSet(layout::kScenario);
    set_string_attr(sc, "input_text", provenance.scenario_input);
    set_string_attr(sc, "input_file", provenance.scenario_origin);
    set_string_attr(sc, "description", "The resolved scenario (every parameter). Run again with runs/seed to reproduce.");

    root.createGroup("runs");
    write_run_table(root, seeds);

    std::vector<std::string> region_names;
    for (const auto& r : scenario.regions) region_names.push_back(r.name);
    h5::write_strings(root, layout::kRegions, region_names);

    // The series' axes as dimension scales (netCDF-4 coordinates): xarray, R and HDFView name
    // the dimensions run, region and month and label them (months by their calendar dates).
    H5::Group series = root.createGroup("series");
    set_string_attr(series, "dimensions", "run, region, month");
    set_string_attr(series, "start", month_text(scenario.sim.start));
    m.run_scale = int_scale(series, layout::kRunScale, m.runs, "Run index (row of /runs).");
    H5::DataSet region_scale = h5::write_strings(series, layout::kRegionScale, region_names);
    set_string_attr(region_scale, "description", "Region name (as /regions).");
    std::vector<std::string> dates(m.months);
    for (std::size_t k = 0; k < m.months; ++k) dates[k] = month_text(scenario.sim.start + static_cast<MonthIndex>(k));
    H5::DataSet month_scale = h5::write_strings(series, layout::kMonthScale, dates);
    set_string_attr(month_scale, "description",
                    "Calendar month (YYYY-MM) of each month of the series, from simulation.start; month index m is "
                    "the m-th entry, and the value at month m is measured at its end.");
    make_scale(m.run_scale, layout::kRunScale);
    make_scale(region_scale, layout::kRegionScale);
    make_scale(month_scale, layout::kMonthScale);
    const hsize_t dims[3] = {m.runs, m.regions, m.months};
    const hsize_t chunk[3] = {1, m.regions, m.months};
    H5::DSetCreatPropList plist;
    plist.setChunk(3, chunk);
    plist.setShuffle();
    plist.setDeflate(4);
    for (const auto& spec : metric_table()) {
      H5::DataSet d = series.createDataSet(std::string(spec.name), H5::PredType::NATIVE_DOUBLE, H5::DataSpace(3, dims), plist);
      set_string_attr(d, "units", std::string(spec.unit));
      set_string_attr(d, "description", std::string(spec.description));
      const H5::DataSet* axes[3] = {&m.run_scale, &region_scale, &month_scale};
      for (unsigned axis = 0; axis < 3; ++axis) {
        if (H5DSattach_scale(d.getId(), axes[axis]->getId(), axis) < 0)
          throw H5::DataSetIException("H5DSattach_scale", "cannot attach a dimension scale to " + std::string(spec.name));
      }
      m.series.push_back(d);
    }

    if (scenario.sim.event_log) m.events = EventLogWriter::create(root);
    if (scenario.sim.snapshot_firms) {
      H5::Group final_group = root.createGroup("final");
      H5::Group firms = final_group.createGroup("firms");
      set_string_attr(firms, "description", "Living firms at the end of each run; rows of run r have run == r.");
      m.firms = FirmColumnsWriter::create(firms, false);
    }
    if (scenario.sim.firm_panel_every > 0) {
      H5::Group panel = root.createGroup("panel");
      set_string_attr(panel, "description",
                      "Living firms at the end of every " + std::to_string(scenario.sim.firm_panel_every) +
                          "th month of each run and of its last month (simulation.firm_panel_every); rows of run r "
                          "have run == r, in month order.");
      set_scalar_attr(panel, "every_months", H5::PredType::NATIVE_INT32, scenario.sim.firm_panel_every);
      m.panel = FirmColumnsWriter::create(panel, true);
    }
  } catch (const H5::Exception& e) {
    m.failed = true;
    output_failed(m.path, e.getDetailMsg());
  }
}

ResultFile::~ResultFile() {
  if (!impl_->committed && impl_->failed) {
    // After a failed write (disk full) HDF5 cannot close the file cleanly and would print an
    // error per open object: drop the temporary file and leave the handles to process exit.
    std::remove(impl_->tmp.c_str());
    (void)impl_.release();  // leaked on purpose: the program is about to exit with the error
    return;
  }
  if (!impl_->committed) {
    impl_->release_datasets();
    try {
      impl_->run_scale = H5::DataSet();
      if (impl_->file) impl_->file->close();
    } catch (...) {  // closing a broken file must not throw out of a destructor
    }
    std::remove(impl_->tmp.c_str());
  }
}

void ResultFile::resume_group(const std::string& group_name) {
  Impl& m = *impl_;
  try {
    m.group_name = group_name;
    m.release_datasets();
    for (const auto& spec : metric_table()) {
      m.series.push_back(m.file->openDataSet(layout::in_group(group_name, layout::kSeries + std::string(spec.name))));
    }
    m.run_scale = m.file->openDataSet(layout::in_group(group_name, layout::kSeries + std::string(layout::kRunScale)));
    hsize_t dims[3] = {0, 0, 0};
    m.series.front().getSpace().getSimpleExtentDims(dims);
    m.runs = dims[0];
    m.regions = dims[1];
    m.months = dims[2];
    if (m.file->nameExists(layout::in_group(group_name, "events"))) m.events = EventLogWriter::open(*m.file, group_name);
    const std::string firms = layout::in_group(group_name, "final/firms/");
    if (m.file->nameExists(layout::in_group(group_name, "final")) && m.file->nameExists(firms + "run")) {
      m.firms = FirmColumnsWriter::open(*m.file, firms, false);
    }
    const std::string panel = layout::in_group(group_name, "panel/");
    if (m.file->nameExists(layout::in_group(group_name, "panel"))) m.panel = FirmColumnsWriter::open(*m.file, panel, true);
  } catch (const H5::Exception& e) {
    m.failed = true;
    output_failed(m.path, e.getDetailMsg());
  }
}

void ResultFile::write_run(std::size_t index, const RunResult& r) {
  Impl& m = *impl_;
  try {
    const hsize_t start[3] = {index, 0, 0};
    const hsize_t count[3] = {1, m.regions, m.months};
    const H5::DataSpace memory(3, count);
    const std::size_t block = m.regions * m.months;
    for (std::size_t k = 0; k < m.series.size(); ++k) {
      H5::DataSpace space = m.series[k].getSpace();
      space.selectHyperslab(H5S_SELECT_SET, count, start);
      m.series[k].write(r.series.data() + k * block, H5::PredType::NATIVE_DOUBLE, memory, space);
    }
    if (m.events) m.events->append(index, r.events);
    if (m.firms && !r.firms.empty()) m.firms->append(index, r.firms);
    if (m.panel) m.panel->append(index, r.panel, r.panel_months);
    if (index == 0 && m.firms) {
      // The network of the first run only: enough to draw it, without multiplying the file.
      const hsize_t pairs[2] = {r.ties.size() / 2, 2};
      H5::Group g = m.group(layout::in_group(m.group_name, "final"));
      H5::DataSet d = g.createDataSet("ties", H5::PredType::NATIVE_INT64, H5::DataSpace(2, pairs));
      if (!r.ties.empty()) d.write(r.ties.data(), H5::PredType::NATIVE_INT64);
      set_string_attr(d, "description", "Firm-firm ties alive at the end of run 0, as pairs of /final/firms/id.");
    }
  } catch (const H5::Exception& e) {
    m.failed = true;
    output_failed(m.path, e.getDetailMsg());
  }
}

void ResultFile::write_strings(const std::string& path, const std::vector<std::string>& values) {
  Impl& m = *impl_;
  try {
    const auto [group, name] = split_dataset_path(path);
    H5::Group g = m.group(group);
    h5::write_strings(g, name, values);
  } catch (const H5::Exception& e) {
    m.failed = true;
    output_failed(m.path, e.getDetailMsg());
  }
}

void ResultFile::write_text(const std::string& path, const std::string& text, const std::string& description) {
  Impl& m = *impl_;
  try {
    const auto [group, name] = split_dataset_path(path);
    H5::Group g = m.group(group);
    write_string(g, name, text);
    H5::DataSet d = g.openDataSet(name);
    set_string_attr(d, "description", description);
  } catch (const H5::Exception& e) {
    m.failed = true;
    output_failed(m.path, e.getDetailMsg());
  }
}

void ResultFile::write_ints(const std::string& path, const std::vector<std::int64_t>& values, const std::string& description) {
  Impl& m = *impl_;
  try {
    const auto [group, name] = split_dataset_path(path);
    H5::Group g = m.group(group);
    const hsize_t n[1] = {values.size()};
    H5::DataSet d = g.createDataSet(name, H5::PredType::NATIVE_INT64, H5::DataSpace(1, n));
    if (!values.empty()) d.write(values.data(), H5::PredType::NATIVE_INT64);
    set_string_attr(d, "description", description);
  } catch (const H5::Exception& e) {
    m.failed = true;
    output_failed(m.path, e.getDetailMsg());
  }
}

void ResultFile::write_doubles(const std::string& path, const std::vector<double>& values, std::size_t columns,
                               const std::string& description) {
  Impl& m = *impl_;
  try {
    const auto [group, name] = split_dataset_path(path);
    H5::Group g = m.group(group);
    const hsize_t cols = columns == 0 ? 1 : columns;
    const hsize_t dims[2] = {values.size() / cols, cols};
    H5::DataSet d = g.createDataSet(name, H5::PredType::NATIVE_DOUBLE, H5::DataSpace(columns == 0 ? 1 : 2, dims));
    if (!values.empty()) d.write(values.data(), H5::PredType::NATIVE_DOUBLE);
    set_string_attr(d, "description", description);
  } catch (const H5::Exception& e) {
    m.failed = true;
    output_failed(m.path, e.getDetailMsg());
  }
}

void ResultFile::set_root_attribute(const std::string& name, const std::string& value) {
  Impl& m = *impl_;
  try {
    H5::Group root = m.file->openGroup("/");
    set_string_attr(root, name, value);
  } catch (const H5::Exception& e) {
    m.failed = true;
    output_failed(m.path, e.getDetailMsg());
  }
}

void ResultFile::write_table(const std::string& group, const Table& t) {
  Impl& m = *impl_;
  try {
    H5::Group g = m.group(group);
    h5::write_table(g, t);
  } catch (const H5::Exception& e) {
    m.failed = true;
    output_failed(m.path, e.getDetailMsg());
  }
}

void ResultFile::truncate_runs(std::size_t runs) {
  const std::size_t begun = impl_->runs;
  keep_runs(runs);
  Impl& m = *impl_;
  try {
    H5::Group root = m.file->openGroup("/");
    set_string_attr(root, layout::kInterrupted, std::to_string(runs) + " of " + std::to_string(begun) + " runs");
  } catch (const H5::Exception& e) {
    m.failed = true;
    output_failed(m.path, e.getDetailMsg());
  }
}

void ResultFile::keep_runs(std::size_t runs) {
  Impl& m = *impl_;
  try {
    for (auto& d : m.series) {
      const hsize_t dims[3] = {runs, m.regions, m.months};
      d.extend(dims);  // chunked datasets may shrink
    }
    const hsize_t run_dims[1] = {runs};
    m.run_scale.extend(run_dims);
    // The run tables are small: rewrite them with the runs kept.
    H5::Group group = m.group(m.group_name);
    auto seeds =
        h5::read_all<std::uint64_t>(*m.file, layout::in_group(m.group_name, layout::kSeeds), H5::PredType::NATIVE_UINT64);
    seeds.resize(runs);
    group.unlink(layout::kSeeds);
    group.unlink(layout::kRunIds);
    group.unlink(layout::kSeedDecimal);
    write_run_table(group, seeds);
    m.runs = runs;
  } catch (const H5::Exception& e) {
    m.failed = true;
    output_failed(m.path, e.getDetailMsg());
  }
}

void ResultFile::abandon() {
  impl_->failed = true;
}

void ResultFile::commit() {
  Impl& m = *impl_;
  try {
    m.file->flush(H5F_SCOPE_GLOBAL);
    m.release_datasets();
    m.run_scale = H5::DataSet();
    m.file->close();
  } catch (const H5::Exception& e) {
    m.failed = true;
    output_failed(m.path, e.getDetailMsg());
  }
  std::error_code ec;
  if (fs::exists(m.path) && !m.force) output_failed(m.path, "it appeared while the command ran (use --force)");
  fs::rename(m.tmp, m.path, ec);
  if (ec) output_failed(m.path, ec.message());
  m.committed = true;
}

RunFile::RunFile(const std::string& path, bool force, const Provenance& provenance, const Scenario& scenario,
                 const std::vector<std::uint64_t>& seeds)
    : file_(path, force, "run", provenance.command_line, provenance.base_seed) {
  file_.begin_group("/", provenance, scenario, seeds);
}

}  // namespace rf
