#include "sim/io/sweep_file.hpp"

#include <H5Cpp.h>

#include "sim/base/errors.hpp"
#include "sim/io/h5_util.hpp"
#include "sim/io/input_file.hpp"
#include "sim/io/result_layout.hpp"
#include "sim/io/result_reader.hpp"

namespace rf {

namespace {

// The names of the format, used by both the writer and the reader.
constexpr const char* kKind = "sweep";
constexpr const char* kDesign = "design";  // root attribute
constexpr const char* kDefinition = "/sweep/definition";
constexpr const char* kShape = "/sweep/shape";
constexpr const char* kRunPoint = "/runs/point";
constexpr const char* kReplicate = "/runs/replicate";
constexpr const char* kParameters = "/points/parameters";
constexpr const char* kValues = "/points/values";
constexpr const char* kUnit = "/points/unit";
constexpr const char* kSettings = "/points/settings";
constexpr const char* kBlock = "/points/block";
constexpr const char* kChanged = "/points/changed";
constexpr const char* kAnalysis = "/analysis/";
constexpr const char* kFailedRuns = "/runs/failed";
constexpr const char* kFailures = "/runs/failure";

std::int64_t as_int(std::size_t n) {
  return static_cast<std::int64_t>(n);
}

}  // namespace

SweepFileWriter::SweepFileWriter(const std::string& path, const Provenance& provenance, const Scenario& base,
                                 const std::vector<std::uint64_t>& seeds, const SweepRecord& r,
                                 const std::string& definition_file)
    : file_(path, true, kKind, provenance.command_line, provenance.base_seed) {
  const std::size_t k = r.parameters.size();
  file_.begin_group("/", provenance, base, seeds);
  file_.set_root_attribute(kDesign, r.design);
  file_.set_root_attribute(layout::kPlanFingerprint, r.fingerprint);
  file_.write_text(kDefinition, r.definition, "The sweep file as written (" + definition_file + ").");
  file_.write_ints(kRunPoint, r.run_point, "Design point of each run (row of /points).");
  file_.write_ints(kReplicate, r.replicate,
                   "Replicate of each run; replicate r has the same seed at every point (common random numbers).");
  file_.write_strings(kParameters, r.parameters);
  file_.write_doubles(kValues, r.values, k,
                      "Parameter values of each point [point, parameter]; true/false as 1/0, a choice as its index.");
  file_.write_doubles(kUnit, r.unit, k, "Unit-cube coordinates of each point [point, parameter].");
  file_.write_strings(kSettings, r.settings);
  file_.write_ints(kBlock, r.block,
                   "saltelli: 0 = A, 1 = B, 2 + i = A with parameter i from B; morris: trajectory; otherwise 0.");
  file_.write_ints(kChanged, r.changed, "Parameter changed from the previous point (saltelli A_B blocks, morris steps), or -1.");
  file_.write_ints(
      kShape,
      {as_int(r.points), as_int(r.runs_per_point), as_int(r.base_points), as_int(r.trajectories), as_int(r.morris_levels)},
      "points, runs_per_point, design points (N), morris trajectories, morris levels.");
  if (!r.failed_runs.empty()) {
    file_.set_root_attribute(layout::kFailedRuns,
                             std::to_string(r.failed_runs.size()) + " of " + std::to_string(r.run_point.size()) + " runs failed");
    file_.write_ints(kFailedRuns, r.failed_runs, "Runs that failed (their series are NaN); /runs/failure says why.");
    file_.write_strings(kFailures, r.failures);
  }
}

StoredSweep read_sweep_file(const std::string& path) {
  H5::Exception::dontPrint();
  StoredSweep s;
  SweepRecord& r = s.record;
  H5::H5File f = open_input_file(path);
  try {
    H5::Group root = f.openGroup("/");
    const std::string kind = root.attrExists(layout::kKindAttribute) ? h5::read_string_attr(root, layout::kKindAttribute) : "";
    if (kind != kKind) {
      throw InputFileError("'" + path + "' is not a sweep file (kind '" + kind + "')",
                           "Pass a file written by `rainforest sweep`.");
    }
    r.design = h5::read_string_attr(root, kDesign);
    r.fingerprint = h5::read_string_attr(root, layout::kPlanFingerprint);
    r.definition = h5::read_string(f, kDefinition);
    s.scenario_yaml = h5::read_string(f, layout::kScenario);
    r.parameters = h5::read_strings(f, kParameters);
    r.settings = h5::read_strings(f, kSettings);
    r.unit = h5::read_all<double>(f, kUnit, H5::PredType::NATIVE_DOUBLE);
    r.block = h5::read_all<std::int64_t>(f, kBlock, H5::PredType::NATIVE_INT64);
    r.changed = h5::read_all<std::int64_t>(f, kChanged, H5::PredType::NATIVE_INT64);
    r.values = h5::read_all<double>(f, kValues, H5::PredType::NATIVE_DOUBLE);
    r.run_point = h5::read_all<std::int64_t>(f, kRunPoint, H5::PredType::NATIVE_INT64);
    r.replicate = h5::read_all<std::int64_t>(f, kReplicate, H5::PredType::NATIVE_INT64);
    const auto shape = h5::read_all<std::int64_t>(f, kShape, H5::PredType::NATIVE_INT64);
    r.points = static_cast<std::size_t>(shape.at(0));
    r.runs_per_point = static_cast<std::size_t>(shape.at(1));
    r.base_points = static_cast<std::size_t>(shape.at(2));
    r.trajectories = static_cast<std::size_t>(shape.at(3));
    r.morris_levels = static_cast<std::size_t>(shape.at(4));
    if (f.nameExists(kFailedRuns)) {
      r.failed_runs = h5::read_all<std::int64_t>(f, kFailedRuns, H5::PredType::NATIVE_INT64);
      r.failures = h5::read_strings(f, kFailures);
    }
    hsize_t dims[3] = {0, 0, 0};
    f.openDataSet(layout::kShapeSeries).getSpace().getSimpleExtentDims(dims);
    s.regions = dims[1];
    s.months = dims[2];
  } catch (const H5::Exception& e) {
    throw InputFileError("cannot read sweep '" + path + "': " + e.getDetailMsg(),
                         "The file may be incomplete or not a sweep file; run the sweep again (--resume if it was interrupted).");
  }
  return s;
}

std::string sweep_analysis_group(const std::string& name) {
  return kAnalysis + name;
}

}  // namespace rf
