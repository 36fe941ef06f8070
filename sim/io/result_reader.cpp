#include "sim/io/result_reader.hpp"

#include <H5Cpp.h>

#include "sim/base/errors.hpp"
#include "sim/io/h5_util.hpp"
#include "sim/io/input_file.hpp"
#include "sim/io/result_layout.hpp"

namespace rf {

std::string read_root_attribute(const std::string& path, const std::string& name) {
  H5::Exception::dontPrint();
  try {
    if (H5::H5File::isHdf5(path) <= 0) return "";
    H5::H5File file(path, H5F_ACC_RDONLY);
    H5::Group root = file.openGroup("/");
    if (!root.attrExists(name)) return "";
    return h5::read_string_attr(root, name);
  } catch (const H5::Exception&) {
    return "";
  }
}

StoredRuns read_stored_runs(const std::string& path, const std::string& group) {
  H5::Exception::dontPrint();
  StoredRuns out;
  H5::H5File file = open_input_file(path);
  try {
    out.scenario_yaml = h5::read_string(file, layout::in_group(group, layout::kScenario));
    out.seeds = h5::read_all<std::uint64_t>(file, layout::in_group(group, layout::kSeeds), H5::PredType::NATIVE_UINT64);
    out.regions = h5::read_strings(file, layout::in_group(group, layout::kRegions));
    hsize_t dims[3] = {0, 0, 0};
    file.openDataSet(layout::in_group(group, layout::kShapeSeries)).getSpace().getSimpleExtentDims(dims);
    out.months = dims[2];
  } catch (const H5::Exception& e) {
    throw InputFileError("cannot read '" + path + "': " + e.getDetailMsg(),
                         "The file may be truncated or not a rainforest file; run the command that made it again.");
  }
  return out;
}

std::vector<std::string> series_names(const std::string& path, const std::string& group) {
  H5::Exception::dontPrint();
  H5::H5File file = open_input_file(path);
  std::vector<std::string> names;
  try {
    std::string series = layout::in_group(group, layout::kSeries);
    series.pop_back();  // "series/" names the group without its slash
    const H5::Group g = file.openGroup(series);
    for (hsize_t k = 0; k < g.getNumObjs(); ++k) {
      const std::string name = g.getObjnameByIdx(k);
      if (g.childObjType(name) != H5O_TYPE_DATASET) continue;
      if (g.openDataSet(name).getSpace().getSimpleExtentNdims() == 3) names.push_back(name);
    }
  } catch (const H5::Exception& e) {
    throw InputFileError("cannot list the series of '" + path + "': " + e.getDetailMsg(),
                         "The file may be truncated or not a rainforest file; run the command that made it again.");
  }
  return names;
}

std::vector<double> read_series(const std::string& path, const std::string& metric, const std::string& group) {
  H5::Exception::dontPrint();
  H5::H5File file = open_input_file(path);
  try {
    H5::DataSet d = file.openDataSet(layout::in_group(group, layout::kSeries + metric));
    hsize_t dims[3] = {0, 0, 0};
    d.getSpace().getSimpleExtentDims(dims);
    std::vector<double> out(dims[0] * dims[1] * dims[2]);
    d.read(out.data(), H5::PredType::NATIVE_DOUBLE);
    return out;
  } catch (const H5::Exception& e) {
    throw InputFileError("cannot read series '" + metric + "' from '" + path + "': " + e.getDetailMsg(),
                         "Check the metric name (docs/OUTPUT.md) and that the file is complete.");
  }
}

}  // namespace rf
