#include "sim/io/event_log.hpp"

#include <array>
#include <cstdint>

#include "models/types.hpp"
#include "sim/io/h5_util.hpp"

namespace rf {

namespace {

enum class Type { Int64, Int32, UInt8, Int8, Real };

struct ColumnSpec {
  const char* name;
  Type type;
  const char* unit;
  const char* description;
};

constexpr std::array<ColumnSpec, 16> kEventColumns = {{
    {"run", Type::Int32, "", "Run index (row of runs/)."},
    {"month", Type::Int32, "month", "Month of the run (0 = the first, dated by series/month); initial firms at 0."},
    {"firm", Type::Int64, "", "Stable firm id (as final/firms/id): the same firm in every event of a run."},
    {"region", Type::UInt8, "", "Region index (row of /regions)."},
    {"sector", Type::UInt8, "", "Sector code; names in the attribute labels."},
    {"origin", Type::UInt8, "", "How the firm was founded; names in the attribute labels."},
    {"kind", Type::UInt8, "", "Event kind; names in the attribute labels."},
    {"cause", Type::UInt8, "", "Failure cause (none for other kinds); names in the attribute labels."},
    {"fund_type", Type::Int8, "", "round: type of the investing fund (labels), -1 for other kinds."},
    {"stage", Type::Int8, "", "round: stage of the round (labels: seed, a, b, c+), -1 for other kinds."},
    {"acquirer", Type::Int64, "",
     "acquisition: firm id of the acquirer (an incumbent of the target's sector and region); -1 for other kinds."},
    {"amount", Type::Real, "m CNY", "round: capital paid in; NaN for other kinds. At the run's scale."},
    {"pre_money", Type::Real, "m CNY",
     "round: valuation before the round (pre-money): the stage's median, or the firm's fundamental value or last post-money "
     "if higher; for a bridge without a milestone, its size x (1 - round_dilution) / round_dilution or the fundamental value "
     "if higher (docs/MODEL.md 7.12); NaN otherwise."},
    {"price", Type::Real, "m CNY",
     "ipo: the firm's fundamental value; acquisition: the price paid for the whole firm (fundamental value, less the fire-sale "
     "discount for a firm short of runway); NaN otherwise."},
    {"multiple", Type::Real, "x",
     "ipo, acquisition: investors' proceeds over equity raised; failure of a funded firm: 0; NaN otherwise."},
    {"cash", Type::Real, "m CNY", "failure: cash at closure; NaN otherwise."},
}};

const H5::PredType& h5_type(Type t) {
  switch (t) {
    case Type::Int64:
      return H5::PredType::NATIVE_INT64;
    case Type::Int32:
      return H5::PredType::NATIVE_INT32;
    case Type::UInt8:
      return H5::PredType::NATIVE_UINT8;
    case Type::Int8:
      return H5::PredType::NATIVE_INT8;
    case Type::Real:
      break;
  }
  return H5::PredType::NATIVE_DOUBLE;
}

const char* type_name(Type t) {
  switch (t) {
    case Type::Int64:
      return "int64";
    case Type::Int32:
      return "int32";
    case Type::UInt8:
      return "uint8";
    case Type::Int8:
      return "int8";
    case Type::Real:
      break;
  }
  return "float64";
}

template <std::size_t N>
std::vector<std::string> names_of(const char* const (&names)[N]) {
  return {std::begin(names), std::end(names)};
}

/// Code names of a column, or empty when its values are not codes.
std::vector<std::string> labels(const std::string& column) {
  if (column == "kind") return names_of(kEventKindNames);
  if (column == "cause") return names_of(kFailureCauseNames);
  if (column == "sector") return names_of(kSectorNames);
  if (column == "origin") return names_of(kOriginNames);
  if (column == "fund_type") return names_of(kFundTypeNames);
  if (column == "stage") return names_of(kRoundStageNames);
  return {};
}

/// One column of `events` converted to the column's stored type.
template <class T, class Get>
std::vector<T> column(const std::vector<FirmEvent>& events, Get get) {
  std::vector<T> out;
  out.reserve(events.size());
  for (const auto& e : events) out.push_back(static_cast<T>(get(e)));
  return out;
}

}  // namespace

std::vector<EventColumn> event_columns() {
  std::vector<EventColumn> out;
  out.reserve(kEventColumns.size());
  for (const auto& c : kEventColumns) out.push_back({c.name, type_name(c.type), c.unit, c.description, labels(c.name)});
  return out;
}

EventLogWriter EventLogWriter::create(H5::Group& group) {
  EventLogWriter w;
  H5::Group events = group.createGroup("events");
  h5::set_string_attr(events, "description",
                      "Every firm event of every run, one row per event: runs in order, each run's events in the "
                      "order the model made them. Columns of equal length (docs/OUTPUT.md).");
  w.columns_.reserve(kEventColumns.size());
  for (const auto& c : kEventColumns) {
    H5::DataSet d = h5::create_column(events, c.name, h5_type(c.type));
    h5::set_string_attr(d, "description", c.description);
    if (*c.unit != '\0') h5::set_string_attr(d, "units", c.unit);
    const auto names = labels(c.name);
    if (!names.empty()) h5::set_strings_attr(d, "labels", names);
    w.columns_.push_back(d);
  }
  return w;
}

EventLogWriter EventLogWriter::open(H5::H5File& file, const std::string& group_path) {
  EventLogWriter w;
  const std::string base = (group_path == "/" ? "" : group_path) + "/events/";
  w.columns_.reserve(kEventColumns.size());
  for (const auto& c : kEventColumns) w.columns_.push_back(file.openDataSet(base + c.name));
  hsize_t rows[1] = {0};
  w.columns_.front().getSpace().getSimpleExtentDims(rows);
  w.rows_ = rows[0];
  return w;
}

void EventLogWriter::append(std::size_t run, const std::vector<FirmEvent>& events) {
  if (events.empty()) return;
  const hsize_t count[1] = {events.size()};
  const hsize_t start[1] = {rows_};
  const hsize_t size[1] = {rows_ + events.size()};
  const H5::DataSpace memory(1, count);
  std::size_t k = 0;
  auto put = [&](const void* data, Type type) {
    H5::DataSet& d = columns_[k++];
    d.extend(size);
    H5::DataSpace space = d.getSpace();
    space.selectHyperslab(H5S_SELECT_SET, count, start);
    d.write(data, h5_type(type), memory, space);
  };
  // The order of these calls is the order of kEventColumns.
  put(std::vector<std::int32_t>(events.size(), static_cast<std::int32_t>(run)).data(), Type::Int32);
  put(column<std::int32_t>(events, [](const FirmEvent& e) { return e.month; }).data(), Type::Int32);
  put(column<std::int64_t>(events, [](const FirmEvent& e) { return e.firm; }).data(), Type::Int64);
  put(column<std::uint8_t>(events, [](const FirmEvent& e) { return e.region; }).data(), Type::UInt8);
  put(column<std::uint8_t>(events, [](const FirmEvent& e) { return e.sector; }).data(), Type::UInt8);
  put(column<std::uint8_t>(events, [](const FirmEvent& e) { return e.origin; }).data(), Type::UInt8);
  put(column<std::uint8_t>(events, [](const FirmEvent& e) { return static_cast<std::uint8_t>(e.kind); }).data(), Type::UInt8);
  put(column<std::uint8_t>(events, [](const FirmEvent& e) { return static_cast<std::uint8_t>(e.cause); }).data(), Type::UInt8);
  put(column<std::int8_t>(events, [](const FirmEvent& e) { return e.fund_type; }).data(), Type::Int8);
  put(column<std::int8_t>(events, [](const FirmEvent& e) { return e.stage; }).data(), Type::Int8);
  put(column<std::int64_t>(events, [](const FirmEvent& e) { return e.acquirer; }).data(), Type::Int64);
  put(column<double>(events, [](const FirmEvent& e) { return e.amount; }).data(), Type::Real);
  put(column<double>(events, [](const FirmEvent& e) { return e.pre_money; }).data(), Type::Real);
  put(column<double>(events, [](const FirmEvent& e) { return e.price; }).data(), Type::Real);
  put(column<double>(events, [](const FirmEvent& e) { return e.multiple; }).data(), Type::Real);
  put(column<double>(events, [](const FirmEvent& e) { return e.cash; }).data(), Type::Real);
  rows_ += events.size();
}

}  // namespace rf
