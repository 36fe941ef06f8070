#include "sim/cli/describe.hpp"

#include <fstream>
#include <map>
#include <sstream>
#include <vector>

#include "models/metrics.hpp"
#include "models/param_table.hpp"
#include "sim/base/calendar.hpp"
#include "sim/base/errors.hpp"
#include "sim/base/suggest.hpp"
#include "sim/config/scenario.hpp"
#include "sim/config/scenario_loader.hpp"
#include "sim/engine/simulation.hpp"
#include "sim/io/event_log.hpp"

namespace rf {

namespace {

std::string kind_name(Kind k) {
  switch (k) {
    case Kind::Real:
      return "real";
    case Kind::Int:
      return "integer";
    case Kind::Bool:
      return "boolean";
    case Kind::Choice:
      return "choice";
    case Kind::Month:
      return "year-month YYYY-MM";
  }
  return "?";
}

std::string range(const ParamSpec& p) {
  if (p.kind == Kind::Bool) return "true | false";
  if (p.kind == Kind::Choice) {
    std::string s(p.choices);
    for (auto& c : s) c = c == '|' ? ',' : c;
    return s;
  }
  return p.format_value(p.min) + " .. " + p.format_value(p.max);
}

std::string block(const ParamSpec& p) {
  std::ostringstream s;
  s << p.path() << "  (" << kind_name(p.kind) << (p.scope == Scope::Simulation ? ", per scenario" : ", per region") << ")\n"
    << "  " << p.description << "\n"
    << "  default: " << p.format_value(p.default_value) << "   range: " << range(p) << "   unit: " << p.unit
    << (p.scaled ? "   (multiplied by simulation.scale)" : "") << "\n"
    << "  source: " << p.source << "\n";
  if (const PlausibleRange* r = plausible_range(p)) {
    s << "  plausible: " << p.format_value(r->low) << " .. " << p.format_value(r->high) << " (" << r->reason
      << "; varied by compare --robust)\n";
  }
  return s.str();
}

/// The plausible range of an assumed default with its reason, or "".
std::string plausible_text(const ParamSpec& p) {
  const PlausibleRange* r = plausible_range(p);
  return r == nullptr ? "" : p.format_value(r->low) + " .. " + p.format_value(r->high) + ": " + std::string(r->reason);
}

std::string md_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string describe_parameters() {
  std::ostringstream s;
  std::string_view group;
  for (const auto& p : parameter_table()) {
    if (p.group != group) {
      group = p.group;
      s << "\n== " << group << (p.scope == Scope::Simulation ? " (simulation:)" : " (regions[]." + std::string(group) + ":)")
        << "\n";
    }
    s << block(p);
  }
  return s.str();
}

std::string describe_parameter(const std::string& key) {
  std::vector<std::string> all;
  for (const auto& p : parameter_table()) {
    if (key == p.name || key == p.path()) return block(p);
    all.push_back(p.path());
    all.emplace_back(p.name);
  }
  const std::string near = closest(key, all);
  throw UsageError("no parameter named '" + key + "'",
                   near.empty() ? "Run `rainforest describe` for the full list." : "Did you mean '" + near + "'?");
}

SourceReport describe_sources(const std::string& scenario_file) {
  const Scenario s = load_scenario_file(scenario_file);
  std::map<std::string, std::vector<std::string>> lines;  // file -> lines
  auto line_of = [&](const std::string& file, int line) -> std::string {
    auto it = lines.find(file);
    if (it == lines.end()) {
      std::ifstream in(file);
      std::vector<std::string> all;
      for (std::string l; std::getline(in, l);) all.push_back(l);
      it = lines.emplace(file, std::move(all)).first;
    }
    return line > 0 && static_cast<std::size_t>(line) <= it->second.size() ? it->second[static_cast<std::size_t>(line - 1)] : "";
  };
  SourceReport report;
  std::ostringstream body;
  auto add = [&](const std::string& label, const std::string& setting, const std::string& file, int line) {
    const std::string text = line_of(file, line);
    const auto hash = text.find('#');
    std::string source = hash == std::string::npos ? "" : text.substr(hash + 1);
    source.erase(0, source.find_first_not_of(' '));
    ++report.parameters;
    if (source.empty()) {
      ++report.missing;
      source = "NO SOURCE: add a comment citing one, or '# assumption: why'";
    } else if (source.rfind("assumption", 0) == 0) {
      ++report.assumptions;
    }
    body << label << "  " << setting << "\n    " << source << "  (" << file << ":" << line << ")\n";
  };
  for (const auto& o : s.origins) {
    const auto dot = o.path.find('.');
    const std::string group = o.path.substr(0, dot), name = o.path.substr(dot + 1);
    const bool sim = o.region.empty();
    const ParamSpec* spec = find_param(sim ? Scope::Simulation : Scope::Region, group, name);
    if (spec == nullptr) continue;
    double value = 0.0;
    if (sim) {
      value = spec->get(&s.sim);
    } else {
      for (const auto& r : s.regions) {
        if (r.name == o.region) value = spec->get(&r.params);
      }
    }
    add(sim ? std::string("simulation") : o.region, o.path + " = " + spec->format_value(value), o.file, o.line);
  }
  for (const auto& e : s.timeline) {  // `at` is file:line:column
    const auto column = e.at.rfind(':');
    const auto line = column == std::string::npos ? std::string::npos : e.at.rfind(':', column - 1);
    if (line == std::string::npos) continue;
    add(e.region < 0 ? std::string("simulation") : s.regions[static_cast<std::size_t>(e.region)].name,
        "from " + month_text(e.date) + " " + e.spec->path() + " = " + e.spec->format_value(e.value), e.at.substr(0, line),
        std::stoi(e.at.substr(line + 1, column - line - 1)));
  }
  std::ostringstream head;
  head << scenario_file << ": " << report.parameters << " parameters set, "
       << report.parameters - report.assumptions - report.missing << " with a source, " << report.assumptions << " assumptions, "
       << report.missing << " without a source; every other parameter keeps its table default (rainforest describe NAME)\n";
  report.text = head.str() + body.str();
  return report;
}

std::string parameters_markdown() {
  std::ostringstream s;
  s << "# Parameters\n\n"
    << "Generated from `models/parameters.def` by `rainforest describe --markdown` (run\n"
    << "`scripts/update-docs.sh`; a test fails when this file is stale). Every parameter is\n"
    << "declared once there. In a scenario, `simulation` parameters sit under `simulation:` and\n"
    << "region parameters under `regions: - name: X` then `<group>: <name>: value`. A parameter\n"
    << "marked *scaled* is multiplied by `simulation.scale` (1 = the real city). *Plausible* is the\n"
    << "range of an assumed default that `compare --robust` samples (`models/plausible_ranges.def`;\n"
    << "a preset gives its own assumed values' ranges in its `ranges:` block, docs/MODEL.md 8).\n";
  std::string_view group;
  for (const auto& p : parameter_table()) {
    if (p.group != group) {
      group = p.group;
      s << "\n## " << group << (p.scope == Scope::Simulation ? " (per scenario)" : " (per region)") << "\n\n"
        << "| parameter | type | default | range | unit | scaled | description | source | plausible |\n"
        << "|---|---|---|---|---|---|---|---|---|\n";
    }
    s << "| `" << p.name << "` | " << kind_name(p.kind) << " | " << md_escape(p.format_value(p.default_value)) << " | "
      << md_escape(range(p)) << " | " << md_escape(p.unit) << " | " << (p.scaled ? "yes" : "") << " | "
      << md_escape(p.description) << " | " << md_escape(p.source) << " | " << md_escape(plausible_text(p)) << " |\n";
  }
  return s.str();
}

std::string outputs_markdown() {
  std::ostringstream s;
  s << "### /series/<metric> — float64 [run, region, month]\n\n"
    << "| metric | unit | description |\n|---|---|---|\n";
  for (const auto& m : metric_table())
    s << "| `" << m.name << "` | " << md_escape(m.unit) << " | " << md_escape(m.description) << " |\n";
  s << "\n### /final/firms/<column> — one row per living firm per run\n\n"
    << "| column | type | unit | description |\n|---|---|---|---|\n"
    << "| `run` | int64 | index | Run index of the row. |\n";
  for (const auto& c : snapshot_columns()) {
    s << "| `" << c.name << "` | " << (c.integer ? "int64" : "float64") << " | " << md_escape(c.unit) << " | "
      << md_escape(c.description) << " |\n";
  }
  s << "\n### /events/<column> — one row per firm event per run (with simulation.event_log)\n\n"
    << "| column | type | unit | description | codes |\n|---|---|---|---|---|\n";
  for (const auto& c : event_columns()) {
    std::string codes;
    for (std::size_t k = 0; k < c.labels.size(); ++k) codes += (k > 0 ? ", " : "") + std::to_string(k) + " " + c.labels[k];
    s << "| `" << c.name << "` | " << c.type << " | " << md_escape(c.unit) << " | " << md_escape(c.description) << " | "
      << md_escape(codes) << " |\n";
  }
  return s.str();
}

}  // namespace rf
