#include "sim/io/h5_util.hpp"

#include "sim/base/errors.hpp"

namespace rf::h5 {

H5::StrType string_type() {
  return {H5::PredType::C_S1, H5T_VARIABLE};
}

void set_string_attr(H5::H5Object& obj, const std::string& name, const std::string& value) {
  const H5::StrType type = string_type();
  H5::Attribute a = obj.createAttribute(name, type, H5::DataSpace(H5S_SCALAR));
  a.write(type, value);
}

void write_string(H5::Group& g, const std::string& name, const std::string& value) {
  const H5::StrType type = string_type();
  H5::DataSet d = g.createDataSet(name, type, H5::DataSpace(H5S_SCALAR));
  d.write(value, type);
}

void write_table(H5::Group& g, const Table& t) {
  const hsize_t dims[2] = {t.rows.size(), t.columns.size()};
  H5::DataSet d = g.createDataSet(t.name, H5::PredType::NATIVE_DOUBLE, H5::DataSpace(2, dims));
  if (!t.values.empty()) d.write(t.values.data(), H5::PredType::NATIVE_DOUBLE);
  set_string_attr(d, "description", t.description);
  std::string rows, cols;
  for (const auto& r : t.rows) rows += (rows.empty() ? "" : ",") + r;
  for (const auto& c : t.columns) cols += (cols.empty() ? "" : ",") + c;
  set_string_attr(d, "rows", rows);
  set_string_attr(d, "columns", cols);
}

std::vector<std::string> read_strings(H5::H5File& f, const std::string& path) {
  H5::DataSet d = f.openDataSet(path);
  hsize_t n = 0;
  d.getSpace().getSimpleExtentDims(&n);
  const H5::StrType str = string_type();
  std::vector<char*> raw(n);
  if (n > 0) d.read(raw.data(), str);
  std::vector<std::string> out(raw.begin(), raw.end());
  if (n > 0) H5::DataSet::vlenReclaim(raw.data(), str, d.getSpace());
  return out;
}

void output_failed(const std::string& path, const std::string& what) {
  throw OutputError("cannot write '" + path + "': " + what,
                    "Check that the directory exists, is writable and the disk has room; then run again.");
}

}  // namespace rf::h5
