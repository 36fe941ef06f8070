// Issue 21, cases 4-6: YAML edge cases every loader shares (duplicate keys, empty values), and the
// resolved scenario read back identically by yaml-cpp and by PyYAML (the analysis package's reader).
#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <sstream>

#include "cli.hpp"
#include "models/param_table.hpp"
#include "sim/config/resolved_yaml.hpp"
#include "sim/config/scenario_loader.hpp"

namespace rf {

using test::rainforest;
using Scratch = test::CliScratch;

namespace {

const std::string kDefault = std::string(RF_SOURCE_DIR) + "/scenarios/default.yaml";

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST(YamlInput, DuplicateKeyInAScenarioIsRefusedNamingBothLines) {
  Scratch s;
  const auto file = s.write("dup.yaml", R"(name: dup
regions:
  - name: A
    policy:
      voucher_rate: 0.3
    policy:
      voucher_rate: 0.1
)");
  const auto r = rainforest("validate " + file);
  EXPECT_EQ(r.status, 2) << r.output;
  EXPECT_TRUE(has(r.output, "dup.yaml:6:5: 'policy' is written twice in the same map (first at line 4, again here)")) << r.output;
}

TEST(YamlInput, DuplicateKeyInASweepTargetsAndGroupsFileIsRefused) {
  Scratch s;
  const auto sweep = s.write("s.yaml", "base: " + kDefault + "\ndesign: latin\npoints: 4\npoints: 8\nparameters:\n" +
                                           "  - path: regions.*.policy.voucher_rate\n    range: [0.1, 0.2]\n");
  const auto r = rainforest("sweep " + sweep + " --out " + s.file("o.h5"));
  EXPECT_EQ(r.status, 2) << r.output;
  EXPECT_TRUE(has(r.output, "s.yaml:4:1: 'points' is written twice in the same map (first at line 3")) << r.output;
  const auto targets = s.write("t.yaml", "targets:\n  - name: a\n    name: b\n    kind: final\n");
  const auto t = rainforest("check " + kDefault + " --targets " + targets + " --runs 2");
  EXPECT_EQ(t.status, 2) << t.output;
  EXPECT_TRUE(has(t.output, "t.yaml:3:5: 'name' is written twice")) << t.output;
}

TEST(YamlInput, EmptyValueNeedsAValueAtItsOwnLine) {
  Scratch s;
  for (const std::string empty : {"", " ~", " null"}) {
    const auto file = s.write("e.yaml", "name: e\nsimulation:\n  months:" + empty + "\n  scale: 0.01\n");
    const auto r = rainforest("validate " + file);
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_TRUE(has(r.output, "e.yaml:3:3: 'months' needs a value")) << "'" << empty << "': " << r.output;
  }
  const auto sweep = s.write("s.yaml", "base: " + kDefault + "\ndesign: latin\npoints:\nparameters:\n" +
                                           "  - path: regions.*.policy.voucher_rate\n    range: [0.1, 0.2]\n");
  const auto r = rainforest("sweep " + sweep + " --out " + s.file("o.h5"));
  EXPECT_EQ(r.status, 2) << r.output;
  EXPECT_TRUE(has(r.output, "s.yaml:3:1: 'points' needs a value")) << r.output;
}

namespace {

/// Every parameter of every region and of the simulation, as "region|group.name" -> value, and the
/// names, from a scenario loaded by yaml-cpp.
std::map<std::string, std::string> values_of(const Scenario& s) {
  std::map<std::string, std::string> out;
  out["name"] = s.name;
  out["description"] = s.description;
  for (const auto& p : parameter_table()) {
    if (p.scope == Scope::Simulation) out["|" + p.path()] = p.format_value(p.get(&s.sim));
  }
  for (std::size_t k = 0; k < s.regions.size(); ++k) {
    out["region " + std::to_string(k)] = s.regions[k].name;
    for (const auto& p : parameter_table()) {
      if (p.scope == Scope::Region) out[s.regions[k].name + "|" + p.path()] = p.format_value(p.get(&s.regions[k].params));
    }
  }
  return out;
}

/// The same map from PyYAML's yaml.safe_load of the text; every value typed as its kind requires
/// (a real must load as a float, a choice or month as str, a name as str), or "WRONG TYPE".
std::map<std::string, std::string> values_by_pyyaml(const Scratch& s, const std::string& yaml_file) {
  std::string kinds;
  for (const auto& p : parameter_table()) {
    kinds += p.path() + "=" + std::to_string(static_cast<int>(p.kind)) + ",";
  }
  const std::string script = R"PY(
import sys, yaml
kinds = dict(k.split("=") for k in sys.argv[2].split(",") if k)
doc = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
want = {"0": float, "1": int, "2": bool, "3": str, "4": str}
def text(path, v):
    kind = kinds[path]
    if type(v) is not want[kind]:
        return "WRONG TYPE " + type(v).__name__
    if kind == "2":
        return "true" if v else "false"
    if kind == "0":
        return repr(v)
    return str(v)
def out(key, value):
    sys.stdout.buffer.write((key + "\t" + value + "\n").encode("utf-8"))
for key in ("name", "description"):
    v = doc.get(key, "")
    out(key, v if type(v) is str else "WRONG TYPE " + type(v).__name__)
for name, v in doc["simulation"].items():
    out("|simulation." + name, text("simulation." + name, v))
for k, region in enumerate(doc["regions"]):
    rname = region["name"]
    out("region " + str(k), rname if type(rname) is str else "WRONG TYPE " + type(rname).__name__)
    for group, params in region.items():
        if group == "name":
            continue
        for name, v in params.items():
            out(str(rname) + "|" + group + "." + name, text(group + "." + name, v))
)PY";
  const auto py = s.write("read.py", script);
  const auto r = test::run_command("/usr/bin/python3 " + py + " " + yaml_file + " '" + kinds + "'");
  EXPECT_EQ(r.status, 0) << r.output;
  std::map<std::string, std::string> out;
  std::istringstream lines(r.output);
  for (std::string line; std::getline(lines, line);) {
    const auto tab = line.find('\t');
    if (tab != std::string::npos) out[line.substr(0, tab)] = line.substr(tab + 1);
  }
  return out;
}

}  // namespace

TEST(YamlInput, ResolvedScenarioLoadsBackIdenticallyWithYamlCppAndPyYaml) {
  // Awkward names: YAML 1.1 booleans and numbers, a colon, a comma, CJK text, leading spaces.
  const std::vector<std::string> names = {"NO", "yes", "true", "1", "a: b", "杭州", "  leading", "Hangzhou, China", "null"};
  std::string text = "name: \"NO\"\ndescription: \"yes\"\nsimulation:\n  months: 24\n  scale: 0.002\nregions:\n";
  for (std::size_t k = 0; k < names.size(); ++k) {
    text += "  - name: \"" + names[k] + "\"\n";
    // Reals of every shape format_value writes (tiny, whole, exponent), a choice and an integer.
    text += "    policy:\n      voucher_rate: " + std::string(k % 2 ? "0.00001" : "0.5") + "\n";
  }
  const Scenario original = load_scenario_text(text, "awkward.yaml");
  const std::string resolved = resolved_yaml(original);
  const Scenario again = load_scenario_text(resolved, "resolved.yaml");
  EXPECT_EQ(values_of(again), values_of(original));
  EXPECT_EQ(resolved_yaml(again), resolved);

  Scratch s;
  const auto file = s.write("resolved.yaml", resolved);
  const auto expected = values_of(original);
  const auto python = values_by_pyyaml(s, file);
  ASSERT_EQ(python.size(), expected.size());
  for (const auto& [key, value] : expected) {
    const auto it = python.find(key);
    ASSERT_NE(it, python.end()) << key;
    if (it->second.rfind("WRONG TYPE", 0) == 0) {
      ADD_FAILURE() << key << ": PyYAML reads " << it->second << " for " << value;
    } else if (it->second != value) {
      // Reals: Python's repr and format_value may spell the same double differently ("2.0", "2").
      char* end = nullptr;
      const double py = std::strtod(it->second.c_str(), &end);
      EXPECT_TRUE(*end == '\0' && py == std::strtod(value.c_str(), nullptr)) << key << ": " << it->second << " vs " << value;
    }
  }
}

}  // namespace rf
