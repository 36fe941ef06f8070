// HDF5 helpers shared by the writer, the editor and the readers of result files: string
// attributes and datasets, whole-dataset reads, tables, and the error for a failed write.
#pragma once
#include <H5Cpp.h>

#include <string>
#include <vector>

#include "sim/io/table.hpp"

namespace rf::h5 {

/// Variable-length C string: how every text in a rainforest file is stored.
H5::StrType string_type();

void set_string_attr(H5::H5Object& obj, const std::string& name, const std::string& value);

template <class T>
void set_scalar_attr(H5::H5Object& obj, const std::string& name, const H5::PredType& type, T value) {
  H5::Attribute a = obj.createAttribute(name, type, H5::DataSpace(H5S_SCALAR));
  a.write(type, &value);
}

/// A scalar string dataset `name` in `g`.
void write_string(H5::Group& g, const std::string& name, const std::string& value);

/// `t` as a 2-D dataset t.name in `g`, with rows, columns and description attributes.
void write_table(H5::Group& g, const Table& t);

/// Every element of a dataset of any rank, flattened in row-major order.
template <class T>
std::vector<T> read_all(H5::H5File& f, const std::string& path, const H5::PredType& type) {
  H5::DataSet d = f.openDataSet(path);
  const auto space = d.getSpace();
  std::vector<hsize_t> dims(static_cast<std::size_t>(space.getSimpleExtentNdims()));
  space.getSimpleExtentDims(dims.data());
  std::size_t n = 1;
  for (auto x : dims) n *= x;
  std::vector<T> out(n);
  if (n > 0) d.read(out.data(), type);
  return out;
}

/// A 1-D string dataset.
std::vector<std::string> read_strings(H5::H5File& f, const std::string& path);

/// Throws OutputError: `path` cannot be written because of `what`.
[[noreturn]] void output_failed(const std::string& path, const std::string& what);

}  // namespace rf::h5
