#include "sim/base/text_file.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim/base/errors.hpp"

namespace rf {

namespace {
constexpr std::uintmax_t kMaxBytes = 16u << 20;  // far beyond any scenario; stops /dev/zero and mistakes
}  // namespace

std::string read_text_file(const std::string& path, const std::string& what, const std::string& referrer) {
  namespace fs = std::filesystem;
  const std::string at = referrer.empty() ? "" : referrer + ": ";
  std::error_code ec;
  if (!fs::exists(path, ec)) throw UsageError(at + "cannot read " + what + " '" + path + "': no such file", "Check the path.");
  if (!fs::is_regular_file(path, ec)) {
    throw UsageError(at + what + " '" + path + "' is not a regular file", "Name a YAML file.");
  }
  if (fs::file_size(path, ec) > kMaxBytes) {
    throw UsageError(at + what + " '" + path + "' is larger than 16 MB", "Name the YAML file you meant.");
  }
  std::ifstream in(path);
  if (!in) throw UsageError(at + "cannot read " + what + " '" + path + "'", "Check that the file is readable.");
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

}  // namespace rf
