#include "sim/io/h5_util.hpp"

#include "sim/base/errors.hpp"

namespace rf::h5 {

H5::StrType string_type() {
  H5::StrType type(H5::PredType::C_S1, H5T_VARIABLE);
  type.setCset(H5T_CSET_UTF8);
  return type;
}

namespace {

/// Pointers to the characters of `values`, as HDF5 writes variable-length strings.
std::vector<const char*> c_strings(const std::vector<std::string>& values) {
  std::vector<const char*> out;
  out.reserve(values.size());
  for (const auto& v : values) out.push_back(v.c_str());
  return out;
}

}  // namespace

H5::DataSet create_column(H5::Group& g, const std::string& name, const H5::PredType& type) {
  const hsize_t zero[1] = {0};
  const hsize_t unlimited[1] = {H5S_UNLIMITED};
  const hsize_t chunk[1] = {65536};
  H5::DSetCreatPropList plist;
  plist.setChunk(1, chunk);
  plist.setShuffle();
  plist.setDeflate(4);
  return g.createDataSet(name, type, H5::DataSpace(1, zero, unlimited), plist);
}

void set_string_attr(H5::H5Object& obj, const std::string& name, const std::string& value) {
  const H5::StrType type = string_type();
  H5::Attribute a = obj.createAttribute(name, type, H5::DataSpace(H5S_SCALAR));
  a.write(type, value);
}

void set_strings_attr(H5::H5Object& obj, const std::string& name, const std::vector<std::string>& values) {
  const H5::StrType type = string_type();
  const hsize_t n[1] = {values.size()};
  H5::Attribute a = obj.createAttribute(name, type, H5::DataSpace(1, n));
  const auto ptrs = c_strings(values);
  if (!values.empty()) a.write(type, ptrs.data());
}

H5::DataSet write_strings(H5::Group& g, const std::string& name, const std::vector<std::string>& values) {
  const H5::StrType type = string_type();
  const hsize_t n[1] = {values.size()};
  H5::DataSet d = g.createDataSet(name, type, H5::DataSpace(1, n));
  const auto ptrs = c_strings(values);
  if (!values.empty()) d.write(ptrs.data(), type);
  return d;
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
  set_strings_attr(d, "rows", t.rows);
  set_strings_attr(d, "columns", t.columns);
  for (const auto& [name, value] : t.attributes) set_string_attr(d, name, value);
}

namespace {

/// A variable-length string memory type with the character set of `stored`.
H5::StrType memory_type_for(const H5::StrType& stored) {
  H5::StrType type(H5::PredType::C_S1, H5T_VARIABLE);
  type.setCset(stored.getCset());
  return type;
}

}  // namespace

std::string read_string_attr(const H5::H5Object& obj, const std::string& name) {
  const H5::Attribute a = obj.openAttribute(name);
  std::string value;
  a.read(memory_type_for(a.getStrType()), value);
  return value;
}

std::string read_string(H5::H5File& f, const std::string& path) {
  const H5::DataSet d = f.openDataSet(path);
  std::string value;
  d.read(value, memory_type_for(d.getStrType()));
  return value;
}

std::vector<std::string> read_strings(H5::H5File& f, const std::string& path) {
  H5::DataSet d = f.openDataSet(path);
  hsize_t n = 0;
  d.getSpace().getSimpleExtentDims(&n);
  const H5::StrType str = memory_type_for(d.getStrType());
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
