#include "clearpath/stats.hpp"

namespace clearpath {

ModelStats compute_stats(const Model& m) {
  ModelStats s = compute_entity_stats(m);
  for (int r = 0; r < kRelationCount; ++r) s.relations[r] = m.relation_count(static_cast<Relation>(r));
  s.relation_total = m.relation_count();
  return s;
}

ModelStats compute_entity_stats(const Model& m) {
  ModelStats s;
  s.entities[static_cast<int>(EntityKind::person)] = m.people().size();
  s.entities[static_cast<int>(EntityKind::department)] = m.departments().size();
  s.entities[static_cast<int>(EntityKind::system)] = m.systems().size();
  s.entities[static_cast<int>(EntityKind::initiative)] = m.initiatives().size();
  s.entities[static_cast<int>(EntityKind::approval)] = m.approvals().size();
  s.entities[static_cast<int>(EntityKind::step)] = m.steps().size();
  s.entity_total = m.entity_count();
  for (const System& sys : m.systems()) s.legacy_systems += sys.legacy ? 1 : 0;
  for (const Step& st : m.steps()) {
    s.three_point_steps += st.duration.three_point ? 1 : 0;
    s.open_steps += st.status != StepStatus::done ? 1 : 0;
  }
  for (const Approval& a : m.approvals()) s.pending_approvals += a.status == ApprovalStatus::pending ? 1 : 0;
  return s;
}

}  // namespace clearpath
