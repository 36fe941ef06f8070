#include "sim/io/firm_columns.hpp"

#include "sim/io/h5_util.hpp"

namespace rf {

using h5::set_string_attr;

FirmColumnsWriter FirmColumnsWriter::create(H5::Group& group, bool with_month) {
  FirmColumnsWriter w;
  w.with_month_ = with_month;
  w.run_ = h5::create_column(group, "run", H5::PredType::NATIVE_INT64);
  set_string_attr(w.run_, "description", "Run index of the row.");
  if (with_month) {
    w.month_ = h5::create_column(group, "month", H5::PredType::NATIVE_INT32);
    set_string_attr(w.month_, "units", "month");
    set_string_attr(w.month_, "description", "Month of the run at whose end the row was taken (0 = the first).");
  }
  for (const auto& c : snapshot_columns()) {
    const auto& type = c.integer ? H5::PredType::NATIVE_INT64 : H5::PredType::NATIVE_DOUBLE;
    H5::DataSet d = h5::create_column(group, std::string(c.name), type);
    set_string_attr(d, "units", std::string(c.unit));
    set_string_attr(d, "description", std::string(c.description));
    w.columns_.push_back(d);
  }
  return w;
}

FirmColumnsWriter FirmColumnsWriter::open(H5::H5File& file, const std::string& path, bool with_month) {
  FirmColumnsWriter w;
  w.with_month_ = with_month;
  w.run_ = file.openDataSet(path + "run");
  if (with_month) w.month_ = file.openDataSet(path + "month");
  hsize_t rows[1] = {0};
  w.run_.getSpace().getSimpleExtentDims(rows);
  w.rows_ = rows[0];
  for (const auto& c : snapshot_columns()) w.columns_.push_back(file.openDataSet(path + std::string(c.name)));
  return w;
}

void FirmColumnsWriter::append(std::size_t run, const std::vector<SnapshotColumn>& columns,
                               const std::vector<std::int32_t>& months) {
  if (columns.empty()) return;
  const hsize_t rows = columns.front().values.size();
  const hsize_t new_size[1] = {rows_ + rows};
  const hsize_t start[1] = {rows_};
  const hsize_t count[1] = {rows};
  const H5::DataSpace memory(1, count);
  auto append = [&](H5::DataSet& d, const void* data, const H5::PredType& type) {
    d.extend(new_size);
    H5::DataSpace space = d.getSpace();
    space.selectHyperslab(H5S_SELECT_SET, count, start);
    if (rows > 0) d.write(data, type, memory, space);
  };
  std::vector<std::int64_t> ints(rows, static_cast<std::int64_t>(run));
  append(run_, ints.data(), H5::PredType::NATIVE_INT64);
  if (with_month_) append(month_, months.data(), H5::PredType::NATIVE_INT32);
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (columns[c].integer) {
      for (std::size_t i = 0; i < rows; ++i) ints[i] = static_cast<std::int64_t>(columns[c].values[i]);
      append(columns_[c], ints.data(), H5::PredType::NATIVE_INT64);
    } else {
      append(columns_[c], columns[c].values.data(), H5::PredType::NATIVE_DOUBLE);
    }
  }
  rows_ += rows;
}

}  // namespace rf
