// Fixture of the `layering_rejects_upward_include` test: a model header that includes the
// configuration layer, which scripts/check-layers.py must refuse. Never compiled.
#pragma once
#include "sim/config/scenario.hpp"
