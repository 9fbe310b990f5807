#pragma once
// The whole public API in one include, for programs that use clearpath as a library
// (docs/library.md). Each header also stands alone; include only those you need to compile less.

// The model and what a file says about it.
#include "clearpath/attributes.hpp"
#include "clearpath/diagnostic.hpp"
#include "clearpath/entities.hpp"
#include "clearpath/error.hpp"
#include "clearpath/finding.hpp"
#include "clearpath/model.hpp"
#include "clearpath/progress.hpp"
#include "clearpath/stats.hpp"
#include "clearpath/version.hpp"

// Reading, writing, importing and exporting models.
#include "clearpath/export.hpp"
#include "clearpath/hr_import.hpp"
#include "clearpath/load.hpp"
#include "clearpath/load_result.hpp"
#include "clearpath/model_builder.hpp"
#include "clearpath/mspdi.hpp"
#include "clearpath/psplib.hpp"
#include "clearpath/save.hpp"
#include "clearpath/schema.hpp"

// The analyses.
#include "clearpath/analyze.hpp"
#include "clearpath/approval_rules.hpp"
#include "clearpath/calendar.hpp"
#include "clearpath/conflicts.hpp"
#include "clearpath/copilots.hpp"
#include "clearpath/diff.hpp"
#include "clearpath/levelling.hpp"
#include "clearpath/path_analysis.hpp"
#include "clearpath/psplib_levelling.hpp"
#include "clearpath/schedule.hpp"

// Diagrams.
#include "clearpath/diagram.hpp"
#include "clearpath/render.hpp"
