// The firm event log of a run group, `<group>/events/`: one row per firm event of every run
// (models/firm_event.hpp), as extendible, chunked and compressed columns of equal length. Runs
// are appended in run order, each run's events in the order the model made them, so the file
// does not depend on the number of threads. Layout: docs/OUTPUT.md, "/events".
#pragma once
#include <H5Cpp.h>

#include <cstddef>
#include <string>
#include <vector>

#include "models/firm_event.hpp"

namespace rf {

class EventLogWriter {
 public:
  /// Creates the empty columns in `group` (a run group), with units, descriptions and the names
  /// of the codes of kind, cause, sector, origin, fund_type and stage as string-array attributes `labels`.
  static EventLogWriter create(H5::Group& group);
  /// Opens the columns of an existing log `<group_path>/events` of `file` to append to them.
  static EventLogWriter open(H5::H5File& file, const std::string& group_path);

  /// Appends `events` as rows of run `run`. Throws H5::Exception when the write fails.
  void append(std::size_t run, const std::vector<FirmEvent>& events);
  /// Rows written so far.
  [[nodiscard]] std::size_t rows() const { return rows_; }

 private:
  std::vector<H5::DataSet> columns_;  // in kEventColumns order
  std::size_t rows_ = 0;
};

/// A column of /events as documented: name, HDF5 type ("int32", "int64", "uint8", "int8",
/// "float64"), unit, description, and for coded columns the name of each code.
struct EventColumn {
  std::string name, type, unit, description;
  std::vector<std::string> labels;
};
/// The columns of /events, in order (docs/OUTPUT.md lists them from this).
std::vector<EventColumn> event_columns();

}  // namespace rf
