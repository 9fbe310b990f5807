// PSPLIB single-mode .sm files (docs/psplib.md): a strict line-oriented reader, and the clearpath
// model of an instance. Every malformed input is an InputError "FILE:LINE: what is wrong".
#include "clearpath/psplib.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <optional>
#include <stdexcept>
#include <system_error>

#include "clearpath/load.hpp"
#include "clearpath/model_builder.hpp"

namespace clearpath {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split_words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_space(s[i])) ++i;
    const std::size_t start = i;
    while (i < s.size() && !is_space(s[i])) ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

// 'text' for a message: printable ASCII as is, anything else as \xNN, long text cut. The files
// are ASCII, so this keeps messages about binary junk readable and valid UTF-8.
std::string quoted(std::string_view text) {
  constexpr std::size_t kMax = 40;
  std::string out = "'";
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i == kMax) {
      out += "...";
      break;
    }
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7f) {
      out += static_cast<char>(c);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    }
  }
  return out + "'";
}

// "3 -> 4 -> 5", cut in the middle when long.
std::string chain_text(const std::vector<int>& jobs) {
  constexpr std::size_t kMax = 12;
  std::string out;
  for (std::size_t k = 0; k < jobs.size(); ++k) {
    if (jobs.size() > kMax && k == kMax / 2) {
      out += " -> ... (" + std::to_string(jobs.size() - kMax) + " more)";
      k = jobs.size() - kMax / 2;
    }
    out += (out.empty() ? "" : " -> ") + std::to_string(jobs[k]);
  }
  return out;
}

const char* const kProject = "PROJECT INFORMATION:";
const char* const kPrecedence = "PRECEDENCE RELATIONS:";
const char* const kRequests = "REQUESTS/DURATIONS:";
const char* const kAvailabilities = "RESOURCEAVAILABILITIES:";

// "PRECEDENCE RELATIONS" for messages: the title without its colon.
std::string section(const char* title) {
  const std::string_view t(title);
  return std::string(t.substr(0, t.size() - 1));
}

class Parser {
 public:
  Parser(std::string_view text, const std::string& file) : file_(file) {
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      lines_.push_back(trim(text.substr(start, end - start)));
      start = end + 1;
    }
  }

  PsplibInstance parse() {
    const std::size_t project = find_section(0, kProject);
    read_header(project);
    read_project(project);
    const std::size_t precedence = find_section(project + 1, kPrecedence);
    read_precedence(precedence);
    const std::size_t requests = find_section(precedence + 1, kRequests);
    read_requests(requests);
    const std::size_t availabilities = find_section(requests + 1, kAvailabilities);
    read_availabilities(availabilities);
    check_used_capacities();
    return std::move(instance_);
  }

 private:
  [[noreturn]] void fail(std::size_t index, const std::string& what) const {
    throw InputError(file_ + ":" + std::to_string(index + 1) + ": " + what);
  }
  // The line number to blame when the file ends too early.
  std::size_t last_line() const { return lines_.empty() ? 0 : lines_.size() - 1; }

  int number(std::size_t line, std::string_view word, const std::string& context) const {
    int v = 0;
    const char* end = word.data() + word.size();
    const auto [ptr, ec] = std::from_chars(word.data(), end, v);
    if (ec == std::errc::result_out_of_range) fail(line, context + ": number " + quoted(word) + " is too large");
    if (ec != std::errc() || ptr != end) fail(line, context + ": " + quoted(word) + " is not a whole number");
    return v;
  }

  std::vector<int> numbers(std::size_t line, const std::string& context) const {
    std::vector<int> out;
    for (std::string_view w : split_words(lines_[line])) out.push_back(number(line, w, context));
    return out;
  }

  std::string section_at(std::size_t title) const {
    return std::string(lines_[title].substr(0, lines_[title].size() - 1));
  }

  static bool is_separator(std::string_view line) { return !line.empty() && line.front() == '*'; }
  static bool is_title(std::string_view line) {
    return line == kProject || line == kPrecedence || line == kRequests || line == kAvailabilities;
  }
  // A data row starts with a number (possibly negative, which is then reported as such).
  static bool is_data(std::string_view line) {
    return !line.empty() &&
           (is_digit(line[0]) || ((line[0] == '-' || line[0] == '+') && line.size() > 1 && is_digit(line[1])));
  }

  std::size_t find_section(std::size_t from, const char* title) const {
    for (std::size_t i = from; i < lines_.size(); ++i)
      if (lines_[i] == title) return i;
    fail(last_line(), std::string("no ") + title + " section" +
                          (from > 0 ? " after line " + std::to_string(from) : std::string()) +
                          " (the file ends here); is this a PSPLIB .sm file?");
  }

  // The `count` data rows of the section whose title is at line `title`: up to `header_rows`
  // column-title lines (and the line of dashes) are skipped first; blank lines are ignored.
  std::vector<std::size_t> rows(std::size_t title, std::size_t header_rows, std::size_t count,
                                const std::string& what) const {
    std::vector<std::size_t> out;
    std::size_t i = title + 1;
    for (std::size_t skipped = 0; i < lines_.size() && skipped < header_rows; ++i) {
      if (lines_[i].empty()) continue;
      if (is_data(lines_[i]) || is_separator(lines_[i]) || is_title(lines_[i])) break;
      ++skipped;
    }
    for (; i < lines_.size() && out.size() < count; ++i) {
      if (lines_[i].empty()) continue;
      if (is_separator(lines_[i]) || is_title(lines_[i]))
        fail(i, section_at(title) + " ends after " + std::to_string(out.size()) + " of " + std::to_string(count) + " " +
                    what);
      out.push_back(i);
    }
    if (out.size() < count)
      fail(last_line(), "the file ends in " + section_at(title) + " after " + std::to_string(out.size()) + " of " +
                            std::to_string(count) + " " + what);
    for (; i < lines_.size(); ++i) {
      if (lines_[i].empty()) continue;
      if (!is_separator(lines_[i]) && !is_title(lines_[i]))
        fail(i, section_at(title) + " has more than the " + std::to_string(count) + " " + what +
                    " expected: " + quoted(lines_[i]));
      break;
    }
    return out;
  }

  // "jobs (incl. supersource/sink ):  32": the key without blanks, and the words of the value.
  void read_header(std::size_t end) {
    struct Field {
      const char* key;
      const char* name;
      const char* unit;  // an optional word after the number ("R" in "4   R")
      std::optional<std::size_t> line;
      int value = 0;
    };
    Field fields[] = {{"projects", "projects", nullptr, {}, 0},
                      {"jobs(incl.supersource/sink)", "jobs (incl. supersource/sink )", nullptr, {}, 0},
                      {"horizon", "horizon", nullptr, {}, 0},
                      {"-renewable", "renewable", "R", {}, 0},
                      {"-nonrenewable", "nonrenewable", "N", {}, 0},
                      {"-doublyconstrained", "doubly constrained", "D", {}, 0}};
    for (std::size_t i = 0; i < end; ++i) {
      const std::size_t colon = lines_[i].find(':');
      if (colon == std::string_view::npos) continue;
      std::string key;
      for (char c : lines_[i].substr(0, colon))
        if (!is_space(c)) key += c;
      for (Field& f : fields) {
        if (key != f.key) continue;
        const std::string context = std::string("header '") + f.name + "'";
        if (f.line) fail(i, context + " is given twice (first on line " + std::to_string(*f.line + 1) + ")");
        const std::vector<std::string_view> words = split_words(lines_[i].substr(colon + 1));
        const bool unit = f.unit && words.size() == 2 && words[1] == f.unit;
        if (words.empty() || (words.size() > 1 && !unit))
          fail(i, context + ": expected one number" +
                      (f.unit ? std::string(" (and '") + f.unit + "')" : std::string()) + ", found " +
                      quoted(trim(lines_[i].substr(colon + 1))));
        f.value = number(i, words[0], context);
        if (f.value < 0) fail(i, context + " is negative (" + std::to_string(f.value) + ")");
        f.line = i;
      }
    }
    Field& projects = fields[0];
    Field& jobs = fields[1];
    Field& horizon = fields[2];
    Field& renewable = fields[3];
    if (projects.line && projects.value != 1)
      fail(*projects.line,
           "the file holds " + std::to_string(projects.value) + " projects; only single-project files are supported");
    for (const Field* f : {&jobs, &horizon, &renewable})
      if (!f->line) fail(end, std::string("the header has no '") + f->name + "' line before " + kProject);
    if (jobs.value < 2)
      fail(*jobs.line, "the header states " + std::to_string(jobs.value) +
                           " jobs; a PSPLIB instance has at least the dummy source and sink (2 jobs)");
    for (const Field* f : {&fields[4], &fields[5]})
      if (f->line && f->value != 0)
        fail(*f->line, "the instance has " + std::to_string(f->value) + " " + f->name +
                           " resources; only single-mode instances with renewable resources alone are supported");
    jobs_ = jobs.value;
    jobs_line_ = *jobs.line;
    resources_ = renewable.value;
    instance_.horizon = horizon.value;
  }

  // "pronr.  #jobs rel.date duedate tardcost  MPM-Time" and one row of six numbers.
  void read_project(std::size_t title) {
    const std::size_t line = rows(title, 1, 1, "project rows")[0];
    const std::vector<int> v = numbers(line, section(kProject));
    if (v.size() != 6)
      fail(line, section(kProject) + ": expected 6 numbers (pronr. #jobs rel.date duedate tardcost MPM-Time), found " +
                     std::to_string(v.size()));
    if (v[1] != jobs_ - 2)
      fail(line, section(kProject) + ": the project has " + std::to_string(v[1]) + " jobs, but the header (line " +
                     std::to_string(jobs_line_ + 1) + ") states " + std::to_string(jobs_) +
                     " including the dummy source and sink, so " + std::to_string(jobs_ - 2) + " without them");
    if (v[5] < 0) fail(line, section(kProject) + ": negative MPM-Time (" + std::to_string(v[5]) + ")");
    instance_.mpm_time = v[5];
  }

  // One row per job: job number, modes (1), number of successors, the successors.
  void read_precedence(std::size_t title) {
    const std::vector<std::size_t> lines = rows(title, 1, static_cast<std::size_t>(jobs_), "job rows");
    instance_.jobs.reserve(lines.size());
    for (std::size_t r = 0; r < lines.size(); ++r) {
      const std::size_t line = lines[r];
      const int job = static_cast<int>(r) + 1;
      const std::string context = "job " + std::to_string(job);
      const std::vector<int> v = numbers(line, context + " in " + section(kPrecedence));
      if (v.size() < 3)
        fail(line, context + ": expected job number, modes, number of successors and the successors, found " +
                       std::to_string(v.size()) + " number(s)");
      if (v[0] != job)
        fail(line, "expected the precedence row of job " + std::to_string(job) + ", found job " + std::to_string(v[0]));
      if (v[1] != 1)
        fail(line,
             context + " has " + std::to_string(v[1]) + " modes; only single-mode instances (1 mode) are supported");
      if (v[2] < 0) fail(line, context + " has a negative number of successors (" + std::to_string(v[2]) + ")");
      if (v.size() - 3 != static_cast<std::size_t>(v[2]))
        fail(line,
             context + " states " + std::to_string(v[2]) + " successor(s) but lists " + std::to_string(v.size() - 3));
      PsplibJob j;
      j.number = job;
      for (std::size_t k = 3; k < v.size(); ++k) {
        const int s = v[k];
        if (s < 1 || s > jobs_)
          fail(line, "successor " + std::to_string(s) + " of " + context + " is not a job (jobs are numbered 1 to " +
                         std::to_string(jobs_) + ")");
        if (s == job) fail(line, context + " lists itself as its own successor (a dependency cycle)");
        if (s < job) fail(line, backward_edge(job, s));
        j.successors.push_back(s);
      }
      std::vector<int> sorted = j.successors;  // sorted, so a row of a million successors stays fast
      std::sort(sorted.begin(), sorted.end());
      if (const auto twice = std::adjacent_find(sorted.begin(), sorted.end()); twice != sorted.end())
        fail(line, context + " lists successor " + std::to_string(*twice) + " twice");
      instance_.jobs.push_back(std::move(j));
    }
  }

  // Job `job` names an earlier job `s` as its successor. Every edge read so far goes forward,
  // so if this edge closes a cycle, the rest of the cycle is a path s -> ... -> job among the
  // rows already read.
  std::string backward_edge(int job, int s) const {
    std::string what = "successor " + std::to_string(s) + " of job " + std::to_string(job) +
                       " is not numbered above it; PSPLIB numbers jobs so that every successor comes later";
    std::vector<int> parent(static_cast<std::size_t>(job - s) + 1, 0);  // by job - s; 0 = not reached
    std::vector<int> queue{s};
    parent[0] = s;
    for (std::size_t q = 0; q < queue.size() && parent.back() == 0; ++q)
      for (int t : instance_.jobs[static_cast<std::size_t>(queue[q] - 1)].successors)
        if (t <= job && parent[static_cast<std::size_t>(t - s)] == 0) {
          parent[static_cast<std::size_t>(t - s)] = queue[q];
          if (t == job) break;
          queue.push_back(t);
        }
    if (parent.back() == 0) return what;
    std::vector<int> cycle{job};
    for (int at = job; at != s;) cycle.push_back(at = parent[static_cast<std::size_t>(at - s)]);
    std::reverse(cycle.begin() + 1, cycle.end());
    cycle.push_back(job);
    return what + "; it closes the dependency cycle " + chain_text(cycle);
  }

  // One row per job: job number, mode (1), duration, the request of each resource.
  void read_requests(std::size_t title) {
    const std::vector<std::size_t> lines = rows(title, 2, static_cast<std::size_t>(jobs_), "job rows");
    request_lines_ = lines;
    for (std::size_t r = 0; r < lines.size(); ++r) {
      const std::size_t line = lines[r];
      const int job = static_cast<int>(r) + 1;
      const std::string context = "job " + std::to_string(job);
      const std::vector<int> v = numbers(line, context + " in " + section(kRequests));
      if (v.size() < 3)
        fail(line, context + ": expected job number, mode, duration and the resource requests, found " +
                       std::to_string(v.size()) + " number(s)");
      if (v[0] != job)
        fail(line, "expected the request row of job " + std::to_string(job) + ", found job " + std::to_string(v[0]));
      if (v[1] != 1)
        fail(line,
             context + " is in mode " + std::to_string(v[1]) + "; only single-mode instances (mode 1) are supported");
      if (v.size() - 3 != static_cast<std::size_t>(resources_))
        fail(line, context + " has " + std::to_string(v.size() - 3) + " resource request(s), but the header declares " +
                       std::to_string(resources_) + " renewable resource(s)");
      if (v[2] < 0) fail(line, context + " has a negative duration (" + std::to_string(v[2]) + ")");
      PsplibJob& j = instance_.jobs[r];
      j.duration = v[2];
      j.demands.assign(v.begin() + 3, v.end());
      for (std::size_t k = 0; k < j.demands.size(); ++k)
        if (j.demands[k] < 0)
          fail(line, context + " has a negative request (" + std::to_string(j.demands[k]) + ") of resource R" +
                         std::to_string(k + 1));
      if (job == 1 || job == jobs_) {
        const std::string dummy = context + " is the dummy " + (job == 1 ? "source" : "sink");
        if (j.duration != 0) fail(line, dummy + "; its duration must be 0, not " + std::to_string(j.duration));
        for (std::size_t k = 0; k < j.demands.size(); ++k)
          if (j.demands[k] != 0)
            fail(line, dummy + "; it must request no resource, but requests " + std::to_string(j.demands[k]) + " of R" +
                           std::to_string(k + 1));
      }
    }
  }

  // A title row ("R 1  R 2  R 3  R 4") and one row with the availability of each resource.
  void read_availabilities(std::size_t title) {
    if (resources_ == 0) return;
    availability_line_ = rows(title, 1, 1, "availability rows")[0];
    const std::vector<int> v = numbers(availability_line_, section(kAvailabilities));
    if (v.size() != static_cast<std::size_t>(resources_))
      fail(availability_line_, section(kAvailabilities) + ": expected " + std::to_string(resources_) +
                                   " capacities (one per renewable resource), found " + std::to_string(v.size()));
    for (std::size_t k = 0; k < v.size(); ++k)
      if (v[k] < 0)
        fail(availability_line_, section(kAvailabilities) + ": resource R" + std::to_string(k + 1) +
                                     " has a negative capacity (" + std::to_string(v[k]) + ")");
    instance_.capacities = v;
  }

  // A job can only run if each resource it requests has that much (docs/psplib.md): a request
  // above the capacity (0 included) could never be met.
  void check_used_capacities() const {
    for (std::size_t r = 0; r < instance_.jobs.size(); ++r) {
      const PsplibJob& j = instance_.jobs[r];
      for (std::size_t k = 0; k < j.demands.size(); ++k)
        if (j.demands[k] > instance_.capacities[k])
          fail(request_lines_[r], "job " + std::to_string(j.number) + " requests " + std::to_string(j.demands[k]) +
                                      " of resource R" + std::to_string(k + 1) + ", whose capacity is " +
                                      std::to_string(instance_.capacities[k]) + " (line " +
                                      std::to_string(availability_line_ + 1) + "): the job could never run");
    }
  }

  const std::string& file_;
  std::vector<std::string_view> lines_;  // without trailing blanks or CR
  int jobs_ = 0, resources_ = 0;
  std::size_t jobs_line_ = 0, availability_line_ = 0;
  std::vector<std::size_t> request_lines_;  // by job - 1
  PsplibInstance instance_;
};

int digits(int v) {
  int d = 1;
  for (; v >= 10; v /= 10) ++d;
  return d;
}

}  // namespace

PsplibInstance parse_psplib(std::string_view text, const std::string& file) { return Parser(text, file).parse(); }

std::string psplib_job_id(const PsplibInstance& instance, int job) {
  const int largest = std::max(1, static_cast<int>(instance.jobs.size()) - 1);  // the last non-dummy job
  const std::string n = std::to_string(job);
  return "job-" +
         std::string(static_cast<std::size_t>(std::max(0, digits(largest) - static_cast<int>(n.size()))), '0') + n;
}

namespace {

// The instance's own consistency, for instances not made by parse_psplib.
void check_instance(const PsplibInstance& instance) {
  const std::size_t n = instance.jobs.size();
  if (n < 2) throw std::invalid_argument("a PSPLIB instance has at least the dummy source and sink");
  for (int c : instance.capacities)
    if (c < 0) throw std::invalid_argument("a PSPLIB resource capacity is negative");
  for (const PsplibJob& j : instance.jobs) {
    if (j.duration < 0) throw std::invalid_argument("a PSPLIB job has a negative duration");
    for (int d : j.demands)
      if (d < 0) throw std::invalid_argument("a PSPLIB job has a negative request");
    for (int s : j.successors)
      if (s < 1 || static_cast<std::size_t>(s) > n) throw std::invalid_argument("successor out of range");
  }
}

std::string description_of(const PsplibInstance& instance) {
  const std::size_t resources = instance.capacities.size();
  return "Imported from a PSPLIB single-mode RCPSP instance (Kolisch and Sprecher 1996): " +
         std::to_string(instance.jobs.size() - 2) + " jobs, " + std::to_string(resources) + " renewable resource" +
         (resources == 1 ? "" : "s") + ", horizon " + std::to_string(instance.horizon) +
         ". MPM-Time (the critical-path length without resource limits): " + std::to_string(instance.mpm_time) + ".";
}

Attributes attributes_of(const PsplibInstance& instance) {
  std::string json = "{\"psplib\":{\"jobs\":";  // append: no GCC 12 -Wrestrict false positive
  json.append(std::to_string(instance.jobs.size())).append(",\"horizon\":").append(std::to_string(instance.horizon));
  json.append(",\"mpm_time\":").append(std::to_string(instance.mpm_time)).append(",\"capacities\":[");
  for (std::size_t k = 0; k < instance.capacities.size(); ++k)
    json.append(k ? "," : "").append(std::to_string(instance.capacities[k]));
  return Attributes::from_json(json.append("]}}"));
}

// The department of resource k (0-based): r1, r2 ...
std::string resource_id(std::size_t k) { return std::string("r").append(std::to_string(k + 1)); }

void add_departments(const PsplibInstance& instance, ModelBuilder& b) {
  for (std::size_t k = 0; k < instance.capacities.size(); ++k) {
    Department d;
    d.id = resource_id(k);
    d.name = std::string("Resource R").append(std::to_string(k + 1));
    // Capacity 0 is not a valid capacity; nothing demands such a resource (the parser checks),
    // and without one its capacity is that of its members: none, so 0 as in the file.
    if (instance.capacities[k] > 0) d.capacity = instance.capacities[k];
    else d.name += " (capacity 0, requested by no job)";
    b.add(std::move(d));
  }
}

// A step per non-dummy job; its predecessors among the non-dummy jobs (the inverse of the
// successor lists) in job order.
void add_steps(const PsplibInstance& instance, Ref project, ModelBuilder& b) {
  const std::size_t n = instance.jobs.size();
  std::vector<std::vector<int>> preds(n);
  for (const PsplibJob& j : instance.jobs)
    for (int s : j.successors)
      if (j.number != 1) preds[static_cast<std::size_t>(s - 1)].push_back(j.number);
  for (std::size_t r = 1; r + 1 < n; ++r) {
    const PsplibJob& j = instance.jobs[r];
    Step s;
    s.id = psplib_job_id(instance, j.number);
    s.initiative = project;
    s.duration = Duration::fixed(j.duration);
    for (std::size_t k = 0; k < j.demands.size() && k < instance.capacities.size(); ++k)
      if (j.demands[k] > 0) s.demands.push_back({b.intern(resource_id(k)), static_cast<double>(j.demands[k])});
    std::vector<int>& p = preds[r];
    std::sort(p.begin(), p.end());
    for (int job : p) s.depends_on.push_back(b.intern(psplib_job_id(instance, job)));
    b.add(std::move(s));
  }
}

}  // namespace

Model psplib_model(const PsplibInstance& instance, const std::string& name) {
  check_instance(instance);
  ModelBuilder b;
  b.set_name(name);
  b.set_description(description_of(instance));
  b.set_attributes(attributes_of(instance));
  add_departments(instance, b);
  Initiative project;
  project.id = "project";
  project.name = name;
  const Ref project_ref = b.intern(project.id);
  b.add(std::move(project));
  add_steps(instance, project_ref, b);
  LoadResult r = std::move(b).build();
  if (!r.model || !r.diagnostics.items().empty()) {
    std::string problems;
    for (const Diagnostic& d : r.diagnostics.items()) problems += "\n" + d.pointer + ": " + d.message;
    throw std::logic_error("clearpath: the model of a PSPLIB instance is not valid (a bug):" + problems);
  }
  return std::move(*r.model);
}

}  // namespace clearpath
