// The command line: every subcommand with its options (the shared ones through
// common_options.hpp), each bound to its entry point in commands.hpp.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "sim/engine/cluster.hpp"

namespace CLI {
class App;
}  // namespace CLI

namespace rf::cli {

/// What a subcommand gets beside its options.
struct Invocation {
  std::string command_line;  // recorded in output files
  const Cluster& cluster;    // the MPI ranks (one process outside mpirun)
};

struct Command {
  CLI::App* app = nullptr;                    // true after parsing if this subcommand was chosen
  std::function<int(const Invocation&)> run;  // returns the exit status
  bool under_mpi = false;                     // may run on several MPI ranks (sweep only)
};

/// Adds every subcommand to `app`, in the order of `rainforest --help`.
std::vector<Command> add_commands(CLI::App& app);

}  // namespace rf::cli
