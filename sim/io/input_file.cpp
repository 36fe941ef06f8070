#include "sim/io/input_file.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>

#include "sim/base/errors.hpp"
#include "sim/io/h5_util.hpp"
#include "sim/io/result_layout.hpp"

namespace rf {

namespace {

/// True if another process holds an exclusive lock on `path`, as HDF5 takes one (flock) for as
/// long as it has a file open for writing. A shared lock is taken and released at once.
bool locked_by_another_process(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool locked = ::flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
  if (!locked) ::flock(fd, LOCK_UN);
  ::close(fd);
  return locked;
}

}  // namespace

H5::H5File open_input_file(const std::string& path) {
  namespace fs = std::filesystem;
  H5::Exception::dontPrint();
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    throw InputFileError("'" + path + "' does not exist", "Check the path; rainforest files are written with --out.");
  }
  if (!fs::is_regular_file(path, ec)) {
    throw InputFileError("'" + path + "' is not a regular file", "Pass a file written by rainforest, not a directory.");
  }
  if (locked_by_another_process(path)) {
    throw InputFileError("'" + path + "' is locked by another process that has it open for writing (HDF5 file locking)",
                         "Wait for that command to finish (or stop it) and try again; the file is complete only then.");
  }
  const auto size = fs::file_size(path, ec);
  if (H5::H5File::isHdf5(path) <= 0) {
    throw InputFileError("'" + path + "' is not an HDF5 file (" + std::to_string(size) + " bytes)",
                         "Pass a file written by rainforest (run, compare, sweep or calibrate --out).");
  }
  H5::H5File file;
  try {
    file.openFile(path, H5F_ACC_RDONLY);
  } catch (const H5::Exception& e) {
    throw InputFileError("'" + path + "' is an HDF5 file whose end is missing or damaged (" + std::to_string(size) +
                             " bytes): truncated, e.g. a copy cut short or a command killed while writing: " + e.getDetailMsg(),
                         "Copy it again, or write it again with the command that made it (with --resume if that command "
                         "was interrupted).");
  }
  try {
    H5::Group root = file.openGroup("/");
    if (root.attrExists(layout::kFormatAttribute) && h5::read_string_attr(root, layout::kFormatAttribute) == layout::kFormat) {
      return file;
    }
  } catch (const H5::Exception&) {
    // Unreadable root attributes: not one of ours either.
  }
  throw InputFileError("'" + path + "' is an HDF5 file, but not one written by rainforest (no format = \"rainforest\")",
                       "Pass a file written by rainforest (run, compare, sweep or calibrate --out).");
}

}  // namespace rf
