#pragma once
// Checks that need the whole file: references (unknown ids, wrong kinds, self-references),
// dependency and reporting cycles, rule sides, priorities. Each problem becomes a diagnostic
// with the JSON pointer of the offending value. Private to the library.
#include "clearpath/diagnostic.hpp"
#include "model/model_builder.hpp"

namespace clearpath {

void check_model(const ModelBuilder& builder, Diagnostics& diag);

// The parts, for tests.
void check_references(const ModelBuilder& builder, Diagnostics& diag);
void check_dependency_cycles(const ModelBuilder& builder, Diagnostics& diag);
void check_reporting_cycles(const ModelBuilder& builder, Diagnostics& diag);

}  // namespace clearpath
