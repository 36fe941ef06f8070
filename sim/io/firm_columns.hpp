// Tables of firms in a result file, one extendible, chunked and compressed column per firm
// column of models/snapshot.def, preceded by `run` (and, for the panel, `month`): the living
// firms at the end of each run (`<group>/final/firms/`) and the firm panel every N months
// (`<group>/panel/`, simulation.firm_panel_every). Runs are appended in run order, so the file
// does not depend on the number of threads. Layout: docs/OUTPUT.md.
#pragma once
#include <H5Cpp.h>

#include <cstdint>
#include <string>
#include <vector>

#include "sim/engine/simulation.hpp"

namespace rf {

class FirmColumnsWriter {
 public:
  /// Creates the empty columns in `group`, with units and descriptions; `with_month` adds a
  /// `month` column after `run`.
  static FirmColumnsWriter create(H5::Group& group, bool with_month);
  /// Opens the columns of an existing table at `path` (".../final/firms/" or ".../panel/").
  static FirmColumnsWriter open(H5::H5File& file, const std::string& path, bool with_month);

  /// Appends the rows of `columns` (in snapshot_columns() order, all of one length) as rows of
  /// run `run`; `months` gives each row's month when the table has a month column. Throws
  /// H5::Exception when the write fails.
  void append(std::size_t run, const std::vector<SnapshotColumn>& columns, const std::vector<std::int32_t>& months = {});
  /// Rows written so far.
  [[nodiscard]] std::uint64_t rows() const { return rows_; }

 private:
  H5::DataSet run_, month_;
  std::vector<H5::DataSet> columns_;
  bool with_month_ = false;
  std::uint64_t rows_ = 0;
};

}  // namespace rf
