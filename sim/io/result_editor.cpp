#include "sim/io/result_editor.hpp"

#include <H5Cpp.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <sstream>

#include "sim/io/h5_util.hpp"

namespace rf {

namespace fs = std::filesystem;

void replace_tables(const std::string& path, const std::string& group, const std::vector<Table>& tables,
                    const std::vector<std::pair<std::string, std::string>>& attributes) {
  H5::Exception::dontPrint();
  const std::string tmp = path + ".tmp." + std::to_string(getpid());
  std::error_code ec;
  fs::copy_file(path, tmp, fs::copy_options::overwrite_existing, ec);
  if (ec) h5::output_failed(path, "cannot copy it to '" + tmp + "': " + ec.message());
  try {
    {
      H5::H5File file(tmp, H5F_ACC_RDWR);
      // H5Lexists needs every parent to exist: walk down the path, replacing the last level.
      std::vector<std::string> levels;
      std::stringstream parts(group);
      for (std::string part; std::getline(parts, part, '/');) {
        if (!part.empty()) levels.push_back(part);
      }
      std::string sofar;
      for (std::size_t i = 0; i < levels.size(); ++i) {
        sofar += "/" + levels[i];
        const bool last = i + 1 == levels.size();
        if (last && file.nameExists(sofar)) file.unlink(sofar);
        if (!file.nameExists(sofar)) file.createGroup(sofar);
      }
      H5::Group g = file.openGroup(group);
      for (const auto& [name, value] : attributes) h5::set_string_attr(g, name, value);
      for (const auto& t : tables) h5::write_table(g, t);
    }
    fs::rename(tmp, path);
  } catch (const H5::Exception& e) {
    std::remove(tmp.c_str());
    h5::output_failed(path, e.getDetailMsg());
  } catch (const fs::filesystem_error& e) {
    std::remove(tmp.c_str());
    h5::output_failed(path, e.what());
  }
}

}  // namespace rf
