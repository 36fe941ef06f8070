// rainforest: command-line entry point. Adds every subcommand (command_line.cpp), parses,
// dispatches, and turns errors into a one-paragraph message and an exit status (docs/CLI in README).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <vector>

#include "sim/base/errors.hpp"
#include "sim/base/interrupt.hpp"
#include "sim/base/version.hpp"
#include "sim/cli/command_line.hpp"
#include "sim/engine/cluster.hpp"

namespace {

std::string joined(int argc, char** argv) {
  std::string s;
  for (int i = 0; i < argc; ++i) s += (i ? " " : "") + std::string(argv[i]);
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  const rf::Cluster cluster(argc, argv);
  rf::install_interrupt_handlers();
  CLI::App app{"rainforest: agent-based simulator of regional innovation systems"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string(rf::version()) + " (" + std::string(rf::git_commit()) + ")");
  const std::vector<rf::cli::Command> commands = rf::cli::add_commands(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  const rf::cli::Invocation invocation{joined(argc, argv), cluster};
  try {
    for (const auto& command : commands) {
      if (!*command.app) continue;
      if (cluster.size() > 1 && !command.under_mpi) {
        if (!cluster.root()) return 2;
        throw rf::UsageError("only `rainforest sweep` runs under mpirun", "Run other commands as a single process.");
      }
      return command.run(invocation);
    }
  } catch (const rf::SilentExit& e) {
    return e.exit_code();
  } catch (const rf::Error& e) {
    std::fprintf(stderr, "rainforest: error: %s\n  what to do: %s\n", e.what(), e.remedy().c_str());
    if (cluster.size() == 1) {
      // Skip library clean-up at exit: HDF5 would try again to flush a file that failed.
      std::fflush(nullptr);
      std::_Exit(e.exit_code());
    }
    return e.exit_code();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "rainforest: unexpected error: %s\n  what to do: this is a bug; please report the command line.\n",
                 e.what());
    return 70;
  }
  return 0;
}
