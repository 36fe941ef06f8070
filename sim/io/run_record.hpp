// A finished run as a sequence of 8-byte words, the payload of a journal record (sim/io/journal):
// `run`, `reproduce` and `compare` journal whole runs so that a killed command resumes to the
// file an uninterrupted one writes. Integers are stored bit for bit, so decoding is exact.
#pragma once
#include <vector>

#include "sim/engine/simulation.hpp"

namespace rf {

/// Series, final firm snapshot (columns by name), ties and firm events of `r`.
std::vector<double> encode_run(const RunResult& r);

/// The run encoded in `words`. Throws InputFileError if they are not a run record of this build
/// (an unknown snapshot column, or the wrong length).
RunResult decode_run(const std::vector<double>& words);

}  // namespace rf
