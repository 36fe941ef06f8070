// rainforest: command-line entry point. Adds every subcommand (command_line.cpp), parses,
// dispatches, and turns errors into a one-paragraph message and an exit status (docs/CLI in README).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <vector>

#include "sim/base/errors.hpp"
#include "sim/base/interrupt.hpp"
#include "sim/base/suggest.hpp"
#include "sim/base/version.hpp"
#include "sim/cli/command_line.hpp"
#include "sim/engine/cluster.hpp"

namespace {

std::string joined(int argc, char** argv) {
  std::string s;
  for (int i = 0; i < argc; ++i) s += (i ? " " : "") + std::string(argv[i]);
  return s;
}

std::vector<std::string> command_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) names.push_back(sub->get_name());
  return names;
}

/// A usage error in the program's own words, exit status 2 (README: usage errors exit with 2).
int usage_error(const std::string& what, const std::string& remedy) {
  std::fprintf(stderr, "rainforest: error: %s\n  what to do: %s\n", what.c_str(), remedy.c_str());
  return 2;
}

/// `rainforest help [COMMAND]`, and a first word that is no command (with the closest command).
/// Returns the exit status if the first word was one of those, or -1 to go on parsing.
int help_or_unknown_command(const CLI::App& app, int argc, char** argv) {
  if (argc < 2 || argv[1][0] == '-') return -1;
  const std::string word = argv[1];
  const auto names = command_names(app);
  if (word == "help") {
    if (argc == 2) {
      std::printf("%s", app.help().c_str());
      return 0;
    }
    const std::string topic = argv[2];
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
      if (sub->get_name() == topic) {
        std::printf("%s", sub->help().c_str());
        return 0;
      }
    }
    const std::string near = rf::closest(topic, names);
    return usage_error(
        "no command '" + topic + "' to give help on",
        (near.empty() ? "" : "Did you mean `rainforest help " + near + "`? ") + "`rainforest help` lists the commands.");
  }
  if (std::find(names.begin(), names.end(), word) != names.end()) return -1;
  const std::string near = rf::closest(word, names);
  return usage_error("unknown command '" + word + "'",
                     (near.empty() ? "" : "Did you mean `rainforest " + near + "`? ") + "`rainforest help` lists the commands.");
}

}  // namespace

int main(int argc, char** argv) {
  const rf::Cluster cluster(argc, argv);
  rf::install_interrupt_handlers();
  CLI::App app{"rainforest: agent-based simulator of regional innovation systems"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string(rf::version()) + " (" + std::string(rf::git_commit()) + ")");
  const std::vector<rf::cli::Command> commands = rf::cli::add_commands(app);
  if (const int status = help_or_unknown_command(app, argc, argv); status >= 0) return status;
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    const auto chosen = app.get_subcommands();
    const std::string command = chosen.empty() ? "" : " " + chosen.front()->get_name();
    return usage_error(e.what(), "See `rainforest help" + command + "` for the options and their ranges.");
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
