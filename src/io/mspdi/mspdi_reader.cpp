#include "io/mspdi/mspdi_reader.hpp"

#include <algorithm>
#include <tuple>
#include <unordered_set>
#include <utility>
#include <vector>

#include "clearpath/load.hpp"
#include "io/mspdi/mspdi_values.hpp"

namespace clearpath::mspdi {

void Reader::warn(const std::string& key, pugi::xml_node node, std::string code, std::string message,
                  std::string entity) {
  Tally& t = tallies_[key];
  if (t.count++ == 0) {
    const ErrorLocation at = xml_.where(node);
    t.first.severity = DiagnosticSeverity::warning;
    t.first.code = std::move(code);
    t.first.message = std::move(message);
    t.first.entity = std::move(entity);
    t.first.line = at.line;
    t.first.column = at.column;
  }
}

void Reader::check_children(pugi::xml_node parent, bool (*known)(std::string_view)) {
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element || known(c.name())) continue;
    warn(std::string("unknown:") + parent.name() + "/" + c.name(), c, "mspdi-unknown-element",
         std::string("<") + c.name() + "> in <" + parent.name() +
             "> is not an MSPDI element clearpath knows: it is not read");
  }
}

void Reader::flush(Diagnostics& out) {
  std::vector<Diagnostic> all;
  for (auto& [key, t] : tallies_) {
    Diagnostic d = std::move(t.first);
    if (t.count > 1) d.message += " (" + std::to_string(t.count) + " in all; the first is here)";
    all.push_back(std::move(d));
  }
  std::stable_sort(all.begin(), all.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.line, a.column, a.code) < std::tie(b.line, b.column, b.code);
  });
  for (Diagnostic& d : all) out.add(std::move(d));
  tallies_.clear();
}

void Reader::fail(pugi::xml_node node, const std::string& message) const {
  throw InputError(message, xml_.where(node));
}

std::optional<std::string_view> Reader::text(pugi::xml_node node, const char* name) {
  const pugi::xml_node c = node.child(name);
  if (!c) return std::nullopt;
  return std::string_view(c.text().get());
}

std::optional<long long> Reader::integer(pugi::xml_node node, const char* name) const {
  const std::optional<std::string_view> t = text(node, name);
  if (!t) return std::nullopt;
  const std::optional<long long> v = parse_integer(*t);
  if (!v)
    fail(node.child(name), std::string("<") + name + "> '" + std::string(t->substr(0, 40)) + "' is not a whole number");
  return v;
}

std::optional<double> Reader::number(pugi::xml_node node, const char* name) const {
  const std::optional<std::string_view> t = text(node, name);
  if (!t) return std::nullopt;
  const std::optional<double> v = parse_number(*t);
  if (!v) fail(node.child(name), std::string("<") + name + "> '" + std::string(t->substr(0, 40)) + "' is not a number");
  return v;
}

bool Reader::flag(pugi::xml_node node, const char* name) const {
  const std::optional<long long> v = integer(node, name);
  return v && *v != 0;
}

namespace {

using Names = std::unordered_set<std::string_view>;

const Names kProject = {"ActualsInSync",
                        "AdminProject",
                        "Assignments",
                        "Author",
                        "AutoAddNewResourcesAndTasks",
                        "Autolink",
                        "BaselineCalendar",
                        "BaselineForEarnedValue",
                        "BuildNumber",
                        "CalendarUID",
                        "Calendars",
                        "Category",
                        "Comments",
                        "Company",
                        "CreationDate",
                        "CriticalSlackLimit",
                        "CurrencyCode",
                        "CurrencyDigits",
                        "CurrencySymbol",
                        "CurrencySymbolPosition",
                        "CurrentDate",
                        "DataLinks",
                        "DaysPerMonth",
                        "DefaultFinishTime",
                        "DefaultFixedCostAccrual",
                        "DefaultOvertimeRate",
                        "DefaultStandardRate",
                        "DefaultStartTime",
                        "DefaultTaskEVMethod",
                        "DefaultTaskType",
                        "Drawings",
                        "DurationFormat",
                        "EarnedValueMethod",
                        "EditableActualCosts",
                        "ExtendedAttributes",
                        "ExtendedCreationDate",
                        "FYStartDate",
                        "Filters",
                        "FinishDate",
                        "FiscalYearStart",
                        "GUID",
                        "Groups",
                        "HonorConstraints",
                        "HyperlinkBase",
                        "InsertedProjectsLikeSummary",
                        "KeepTaskOnNearestWorkingTimeWhenMadeAutoScheduled",
                        "Keywords",
                        "LastSaved",
                        "Manager",
                        "Maps",
                        "MicrosoftProjectServerURL",
                        "MinutesPerDay",
                        "MinutesPerWeek",
                        "MoveCompletedEndsBack",
                        "MoveCompletedEndsForward",
                        "MoveRemainingStartsBack",
                        "MoveRemainingStartsForward",
                        "MultipleCriticalPaths",
                        "Name",
                        "NewTaskStartDate",
                        "NewTasksAreManual",
                        "NewTasksEffortDriven",
                        "NewTasksEstimated",
                        "OutlineCodes",
                        "ProjectExternallyEdited",
                        "RemoveFileProperties",
                        "Reports",
                        "Resources",
                        "Revision",
                        "SaveVersion",
                        "ScheduleFromStart",
                        "SplitsInProgressTasks",
                        "SpreadActualCost",
                        "SpreadPercentComplete",
                        "StartDate",
                        "StatusDate",
                        "Subject",
                        "Tables",
                        "TaskUpdatesResource",
                        "Tasks",
                        "Title",
                        "UID",
                        "UpdateManuallyScheduledTasksWhenEditingLinks",
                        "VBAProjects",
                        "Views",
                        "WBSMasks",
                        "WeekStartDay",
                        "WorkFormat",
                        "ShowProjectSummaryTask",
                        "ProjectSummaryTask"};
const Names kTask = {"ACWP",
                     "Active",
                     "ActualCost",
                     "ActualDuration",
                     "ActualFinish",
                     "ActualOvertimeCost",
                     "ActualOvertimeWork",
                     "ActualOvertimeWorkProtected",
                     "ActualStart",
                     "ActualWork",
                     "ActualWorkProtected",
                     "BCWP",
                     "BCWS",
                     "Baseline",
                     "BoardStatusColumnOrderingID",
                     "CV",
                     "CalendarUID",
                     "CommitmentFinish",
                     "CommitmentStart",
                     "CommitmentType",
                     "ConstraintDate",
                     "ConstraintType",
                     "Contact",
                     "Cost",
                     "CostVariance",
                     "CreateDate",
                     "Critical",
                     "Deadline",
                     "DisplayAsSummary",
                     "DisplayOnTimeline",
                     "Duration",
                     "DurationFormat",
                     "DurationText",
                     "EarlyFinish",
                     "EarlyStart",
                     "EarnedValueMethod",
                     "EffortDriven",
                     "Estimated",
                     "ExtendedAttribute",
                     "ExternalTask",
                     "ExternalTaskProject",
                     "Finish",
                     "FinishSlack",
                     "FinishText",
                     "FinishVariance",
                     "FixedCost",
                     "FixedCostAccrual",
                     "FreeSlack",
                     "FreeformDurationFormat",
                     "GUID",
                     "HideBar",
                     "Hyperlink",
                     "HyperlinkAddress",
                     "HyperlinkSubAddress",
                     "ID",
                     "IgnoreResourceCalendar",
                     "IsNull",
                     "IsPublished",
                     "IsSubproject",
                     "IsSubprojectReadOnly",
                     "LateFinish",
                     "LateStart",
                     "LevelAssignments",
                     "LevelingCanSplit",
                     "LevelingDelay",
                     "LevelingDelayFormat",
                     "Manual",
                     "ManualDuration",
                     "ManualFinish",
                     "ManualStart",
                     "Marked",
                     "Milestone",
                     "Name",
                     "NextAvailableBoardStatusColumnOrderingID",
                     "NextAvailableSprintOrderingID",
                     "Notes",
                     "OutlineCode",
                     "OutlineLevel",
                     "OutlineNumber",
                     "OverAllocated",
                     "OvertimeCost",
                     "OvertimeWork",
                     "PercentComplete",
                     "PercentWorkComplete",
                     "PhysicalPercentComplete",
                     "PreLeveledFinish",
                     "PreLeveledStart",
                     "PredecessorLink",
                     "Priority",
                     "Recurring",
                     "RegularWork",
                     "RemainingCost",
                     "RemainingDuration",
                     "RemainingOvertimeCost",
                     "RemainingOvertimeWork",
                     "RemainingWork",
                     "Resume",
                     "ResumeValid",
                     "Rollup",
                     "SprintColumnOrderingID",
                     "Start",
                     "StartSlack",
                     "StartText",
                     "StartVariance",
                     "StatusManager",
                     "Stop",
                     "Subproject",
                     "Summary",
                     "TimephasedData",
                     "TotalSlack",
                     "Type",
                     "UID",
                     "WBS",
                     "WBSLevel",
                     "Work",
                     "WorkVariance"};
const Names kResource = {"ACWP",
                         "AccrueAt",
                         "ActiveDirectoryGUID",
                         "ActualCost",
                         "ActualOvertimeCost",
                         "ActualOvertimeWork",
                         "ActualOvertimeWorkProtected",
                         "ActualWork",
                         "ActualWorkProtected",
                         "AvailabilityPeriods",
                         "AvailableFrom",
                         "AvailableTo",
                         "BCWP",
                         "BCWS",
                         "Baseline",
                         "BookingType",
                         "CV",
                         "CalendarUID",
                         "CanLevel",
                         "Code",
                         "Cost",
                         "CostPerUse",
                         "CostVariance",
                         "CreationDate",
                         "EmailAddress",
                         "ExtendedAttribute",
                         "Finish",
                         "GUID",
                         "Group",
                         "Hyperlink",
                         "HyperlinkAddress",
                         "ID",
                         "Initials",
                         "IsBudget",
                         "IsCostResource",
                         "IsEnterprise",
                         "IsGeneric",
                         "IsInactive",
                         "IsNull",
                         "MaterialLabel",
                         "MaxUnits",
                         "Name",
                         "NTAccount",
                         "Notes",
                         "OutlineCode",
                         "OverAllocated",
                         "OvertimeCost",
                         "OvertimeRate",
                         "OvertimeRateFormat",
                         "OvertimeWork",
                         "PeakUnits",
                         "PercentWorkComplete",
                         "Rates",
                         "RegularWork",
                         "RemainingCost",
                         "RemainingOvertimeCost",
                         "RemainingOvertimeWork",
                         "RemainingWork",
                         "SV",
                         "StandardRate",
                         "StandardRateFormat",
                         "Start",
                         "Type",
                         "UID",
                         "Work",
                         "WorkGroup",
                         "WorkVariance"};
const Names kAssignment = {"ACWP",
                           "ActualCost",
                           "ActualFinish",
                           "ActualOvertimeCost",
                           "ActualOvertimeWork",
                           "ActualOvertimeWorkProtected",
                           "ActualStart",
                           "ActualWork",
                           "ActualWorkProtected",
                           "BCWP",
                           "BCWS",
                           "Baseline",
                           "BookingType",
                           "BudgetCost",
                           "BudgetWork",
                           "CV",
                           "Confirmed",
                           "Cost",
                           "CostRateTable",
                           "CostVariance",
                           "CreationDate",
                           "Delay",
                           "ExtendedAttribute",
                           "Finish",
                           "FinishVariance",
                           "FixedMaterial",
                           "GUID",
                           "HasFixedRateUnits",
                           "Hyperlink",
                           "HyperlinkAddress",
                           "HyperlinkSubAddress",
                           "LevelingDelay",
                           "LevelingDelayFormat",
                           "LinkedFields",
                           "Milestone",
                           "Notes",
                           "Overallocated",
                           "OvertimeCost",
                           "OvertimeWork",
                           "PercentWorkComplete",
                           "RateScale",
                           "RegularWork",
                           "RemainingCost",
                           "RemainingOvertimeCost",
                           "RemainingOvertimeWork",
                           "RemainingWork",
                           "ResourceUID",
                           "ResponsePending",
                           "Resume",
                           "SV",
                           "Start",
                           "StartVariance",
                           "Stop",
                           "TaskUID",
                           "TimephasedData",
                           "UID",
                           "Units",
                           "UpdateNeeded",
                           "VAC",
                           "Work",
                           "WorkContour",
                           "WorkVariance"};
const Names kCalendar = {"BaseCalendarUID",    "Exceptions", "GUID", "IsBaseCalendar",
                         "IsBaselineCalendar", "Name",       "UID",  "WeekDays"};
const Names kLink = {"CrossProject", "CrossProjectName", "LagFormat", "LinkLag", "PredecessorUID"};

}  // namespace

bool known_project_element(std::string_view n) { return kProject.count(n) > 0; }
bool known_task_element(std::string_view n) { return kTask.count(n) > 0; }
bool known_resource_element(std::string_view n) { return kResource.count(n) > 0; }
bool known_assignment_element(std::string_view n) { return kAssignment.count(n) > 0; }
bool known_calendar_element(std::string_view n) { return kCalendar.count(n) > 0; }
bool known_link_element(std::string_view n) { return n == "Type" || kLink.count(n) > 0; }

}  // namespace clearpath::mspdi
