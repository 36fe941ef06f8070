// Typed errors. Each says what went wrong, where, and what to do about it.
#pragma once
#include <stdexcept>
#include <string>

namespace rf {

class Error : public std::runtime_error {
 public:
  Error(const std::string& what, std::string remedy) : std::runtime_error(what), remedy_(std::move(remedy)) {}
  [[nodiscard]] const std::string& remedy() const { return remedy_; }
  /// Exit status of the command line for this kind of error.
  [[nodiscard]] virtual int exit_code() const { return 1; }

 private:
  std::string remedy_;
};

/// The scenario or sweep text is malformed, misspelled, out of range or inconsistent.
class ScenarioError : public Error {
 public:
  using Error::Error;
  [[nodiscard]] int exit_code() const override { return 2; }
};

/// Command-line usage error (bad --set, missing file).
class UsageError : public Error {
 public:
  using Error::Error;
  [[nodiscard]] int exit_code() const override { return 2; }
};

/// Output cannot be written (exists without --force, not writable, disk full).
class OutputError : public Error {
 public:
  using Error::Error;
  [[nodiscard]] int exit_code() const override { return 3; }
};

/// An input HDF5 file is not a readable rainforest file.
class InputFileError : public Error {
 public:
  using Error::Error;
  [[nodiscard]] int exit_code() const override { return 4; }
};

/// A model invariant failed (accounting, NaN). Indicates a bug: please report.
class ModelError : public Error {
 public:
  using Error::Error;
  [[nodiscard]] int exit_code() const override { return 5; }
};

}  // namespace rf

namespace rf {

/// Another MPI rank failed and printed why; this rank exits with `status` and prints nothing.
class SilentExit : public Error {
 public:
  explicit SilentExit(int status) : Error("", ""), status_(status) {}
  [[nodiscard]] int exit_code() const override { return status_; }

 private:
  int status_;
};

}  // namespace rf

namespace rf {

/// Stopped by SIGINT or SIGTERM; exit status 128 + signal.
class Interrupted : public Error {
 public:
  Interrupted(const std::string& what, std::string remedy, int signal) : Error(what, std::move(remedy)), signal_(signal) {}
  [[nodiscard]] int exit_code() const override { return 128 + signal_; }

 private:
  int signal_;
};

}  // namespace rf
