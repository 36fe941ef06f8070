// The journal request (OUT.parts, sim/io/parts_dir) of a study that resumes from its journal:
// `compare` and `calibrate` build it the same way from their options.
#pragma once
#include <cstdint>
#include <string>

#include "sim/io/parts_dir.hpp"
#include "sim/studies/study_options.hpp"

namespace rf {

/// The request for OUT.parts of a study with options `o` and plan `fingerprint`; `what` names the
/// study in messages ("comparison", "calibration"). The resume command is the command line with
/// --resume added unless it is there.
inline PartsRequest study_parts_request(const StudyOptions& o, std::uint64_t fingerprint, const std::string& what) {
  PartsRequest request;
  request.out = o.out;
  request.fingerprint = hex64(fingerprint);
  request.command_line = o.command_line;
  request.what = what;
  request.resume_command = o.command_line + (o.resume ? "" : " --resume");
  request.resume = o.resume;
  request.force = o.force;
  return request;
}

}  // namespace rf
