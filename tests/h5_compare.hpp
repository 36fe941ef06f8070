// Compares every dataset of two HDF5 files (names, shapes, types and contents). Attributes such
// as the creation time are ignored: "identical in every dataset".
#pragma once
#include <hdf5.h>

#include <cstring>
#include <string>
#include <vector>

namespace rf::test {

inline herr_t collect_dataset(hid_t, const char* name, const H5O_info_t* info, void* data) {
  if (info->type == H5O_TYPE_DATASET) static_cast<std::vector<std::string>*>(data)->emplace_back(name);
  return 0;
}

inline std::vector<std::string> dataset_names(hid_t file) {
  std::vector<std::string> names;
  H5Ovisit(file, H5_INDEX_NAME, H5_ITER_INC, collect_dataset, &names);
  return names;
}

/// The contents of a dataset as bytes (variable-length strings as their characters).
inline std::string dataset_bytes(hid_t file, const std::string& name) {
  const hid_t d = H5Dopen2(file, name.c_str(), H5P_DEFAULT);
  const hid_t space = H5Dget_space(d);
  const hid_t type = H5Dget_type(d);
  const auto n = static_cast<std::size_t>(H5Sget_simple_extent_npoints(space));
  const int rank = H5Sget_simple_extent_ndims(space);
  std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
  H5Sget_simple_extent_dims(space, dims.data(), nullptr);
  std::string out = "rank " + std::to_string(rank) + ":";
  for (auto x : dims) out += std::to_string(x) + ",";
  if (H5Tis_variable_str(type) > 0) {
    std::vector<char*> strings(n);
    const hid_t mem = H5Tcopy(H5T_C_S1);
    H5Tset_size(mem, H5T_VARIABLE);
    H5Tset_cset(mem, H5Tget_cset(type));  // HDF5 does not convert between ASCII and UTF-8
    if (H5Dread(d, mem, H5S_ALL, H5S_ALL, H5P_DEFAULT, strings.data()) < 0) out += "unreadable strings";
    for (auto* p : strings) out += std::string(p ? p : "") + '\0';
    H5Dvlen_reclaim(mem, space, H5P_DEFAULT, strings.data());
    H5Tclose(mem);
  } else {
    const hid_t native = H5Tget_native_type(type, H5T_DIR_ASCEND);
    std::string bytes(n * H5Tget_size(native), '\0');
    if (n > 0) H5Dread(d, native, H5S_ALL, H5S_ALL, H5P_DEFAULT, bytes.data());
    out += bytes;
    H5Tclose(native);
  }
  H5Tclose(type);
  H5Sclose(space);
  H5Dclose(d);
  return out;
}

/// Empty if every dataset is identical, else the first difference.
inline std::string compare_datasets(const std::string& a, const std::string& b) {
  const hid_t fa = H5Fopen(a.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  const hid_t fb = H5Fopen(b.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (fa < 0 || fb < 0) return "cannot open " + a + " or " + b;
  std::string diff;
  const auto na = dataset_names(fa), nb = dataset_names(fb);
  if (na != nb) diff = "the files hold different datasets";
  for (std::size_t i = 0; diff.empty() && i < na.size(); ++i) {
    if (dataset_bytes(fa, na[i]) != dataset_bytes(fb, na[i])) diff = "dataset " + na[i] + " differs";
  }
  if (diff.empty() && na.empty()) diff = "no datasets";
  H5Fclose(fa);
  H5Fclose(fb);
  return diff;
}

}  // namespace rf::test
