// Opening a rainforest file for reading, with the reason when it cannot be opened.
#pragma once
#include <H5Cpp.h>

#include <string>

namespace rf {

/// Opens `path` read-only and checks it is a rainforest file. Throws InputFileError (status 4)
/// that tells apart, each with what to do:
///   - a missing file (or a directory);
///   - a file another process holds (HDF5 file locking, flock(2)): a command still writing it;
///   - a foreign file: not HDF5, or HDF5 without rainforest's `format` attribute;
///   - a truncated or damaged HDF5 file: HDF5 finds its end missing (a copy cut short, a crash).
H5::H5File open_input_file(const std::string& path);

}  // namespace rf
