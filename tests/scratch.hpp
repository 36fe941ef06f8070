// A scratch directory unique to this test and process, removed afterwards, so that test runs
// in parallel (ctest -j, or Debug and Release suites at once) never share files.
#pragma once
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

namespace rf::test {

struct Scratch {
  std::filesystem::path dir;
  Scratch()
      : dir(std::filesystem::temp_directory_path() /
            ("rf_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "_" +
             std::to_string(getpid()))) {
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
  }
  ~Scratch() { std::filesystem::remove_all(dir); }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  [[nodiscard]] std::string file(const std::string& name) const { return (dir / name).string(); }
};

}  // namespace rf::test
