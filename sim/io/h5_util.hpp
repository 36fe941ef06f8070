// HDF5 helpers shared by the writer, the editor and the readers of result files: string
// attributes and datasets, whole-dataset reads, tables, and the error for a failed write.
#pragma once
#include <H5Cpp.h>

#include <string>
#include <vector>

#include "sim/io/table.hpp"

namespace rf::h5 {

/// Variable-length C string tagged UTF-8: how every text in a rainforest file is stored (names
/// such as 杭州 are UTF-8, and readers such as h5py's .asstr() and hdf5r trust the tag).
H5::StrType string_type();

void set_string_attr(H5::H5Object& obj, const std::string& name, const std::string& value);

/// A 1-D string attribute: a list of names that may themselves hold commas.
void set_strings_attr(H5::H5Object& obj, const std::string& name, const std::vector<std::string>& values);

template <class T>
void set_scalar_attr(H5::H5Object& obj, const std::string& name, const H5::PredType& type, T value) {
  H5::Attribute a = obj.createAttribute(name, type, H5::DataSpace(H5S_SCALAR));
  a.write(type, &value);
}

/// An empty 1-D dataset `name` of `type` in `g` that grows as rows are appended (H5S_UNLIMITED):
/// chunks of 65,536 rows, shuffle and deflate level 4, as every column of firms or events.
H5::DataSet create_column(H5::Group& g, const std::string& name, const H5::PredType& type);

/// A scalar string dataset `name` in `g`.
void write_string(H5::Group& g, const std::string& name, const std::string& value);

/// A 1-D string dataset `name` in `g`.
H5::DataSet write_strings(H5::Group& g, const std::string& name, const std::vector<std::string>& values);

/// `t` as a 2-D dataset t.name in `g`, with a description and the names of its rows and columns
/// as string-array attributes `rows` and `columns`.
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

/// A string attribute or scalar string dataset, whether tagged UTF-8 or ASCII (files written
/// before the UTF-8 tag): HDF5 does not convert between the two tags, so the stored one is read.
std::string read_string_attr(const H5::H5Object& obj, const std::string& name);
std::string read_string(H5::H5File& f, const std::string& path);

/// A 1-D string dataset (UTF-8 or ASCII).
std::vector<std::string> read_strings(H5::H5File& f, const std::string& path);

/// Throws OutputError: `path` cannot be written because of `what`.
[[noreturn]] void output_failed(const std::string& path, const std::string& what);

}  // namespace rf::h5
