// Lays out and renders a Diagram with Graphviz in-process: cgraph builds the graph (attributes
// declared once with agattr, values set with agxset), gvc lays it out with dot and renders
// through its plugins. Small owners free the context, graph, layout and render buffer on every
// path; Graphviz's messages are captured and become a RenderError.
#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include <unistd.h>
#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <set>
#include <string_view>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include "clearpath/render.hpp"
#include "render/labels.hpp"

namespace clearpath {
namespace {

// Graphviz keeps its error handler and error count in globals: one rendering at a time.
std::mutex graphviz_mutex;
std::string* captured_messages = nullptr;

// Called from Graphviz's C code: nothing may be thrown through it.
int capture_message(char* message) noexcept {
  try {
    if (captured_messages && message) captured_messages->append(message);
  } catch (...) {  // out of memory: the message is lost, the error count still reports it
  }
  return 0;
}

// Routes Graphviz's messages (warnings and errors) into a string while it lives.
class MessageCapture {
 public:
  static constexpr std::size_t kQuotedLines = 4;

  MessageCapture() : previous_(agseterrf(capture_message)), level_(agseterr(AGWARN)) {
    captured_messages = &messages_;
    agreseterrors();
  }
  ~MessageCapture() {
    captured_messages = nullptr;
    agseterrf(previous_);
    agseterr(level_);
  }
  MessageCapture(const MessageCapture&) = delete;
  MessageCapture& operator=(const MessageCapture&) = delete;

  // Throws when Graphviz reported an error (or `failed`), quoting the first lines it wrote.
  void check(bool failed, const char* what) const {
    if (!failed && agerrors() < AGERR) return;
    std::string text;
    std::size_t lines = 0, at = 0;
    for (; at < messages_.size() && lines < kQuotedLines; ++lines) {
      std::size_t end = messages_.find('\n', at);
      if (end == std::string::npos) end = messages_.size();
      text += (text.empty() ? "" : "; ") + messages_.substr(at, end - at);
      at = end + 1;
    }
    const auto more =
        std::count(messages_.begin() + static_cast<long>(std::min(at, messages_.size())), messages_.end(), '\n');
    if (more > 0) text += " (and " + std::to_string(more) + " more lines)";
    throw RenderError(std::string("Graphviz could not ") + what + (text.empty() ? "" : ": " + text));
  }
  bool mentions(const char* text) const { return messages_.find(text) != std::string::npos; }
  // What Graphviz wrote straight to stderr (its path planner does).
  void append(const std::string& text) { messages_ += text; }
  // Forgets what was said, for another attempt.
  void reset() {
    messages_.clear();
    agreseterrors();
  }

 private:
  std::string messages_;
  agusererrf previous_;
  agerrlevel_t level_;
};

// Graphviz's path planner prints straight to stderr. While this lives, file descriptor 2 goes to
// a temporary file, whose text take() returns (under graphviz_mutex, so nothing else of ours
// writes to stderr meanwhile). If anything fails, stderr is simply left alone.
class StderrCapture {
 public:
  StderrCapture() {
    std::fflush(stderr);
    file_ = std::tmpfile();
    saved_ = file_ ? dup(2) : -1;
    if (saved_ >= 0 && dup2(fileno(file_), 2) < 0) {
      close(saved_);
      saved_ = -1;
    }
  }
  ~StderrCapture() {
    restore();
    if (file_) std::fclose(file_);
  }
  StderrCapture(const StderrCapture&) = delete;
  StderrCapture& operator=(const StderrCapture&) = delete;
  std::string take() {
    restore();
    std::string text;
    if (!file_) return text;
    std::rewind(file_);
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, file_)) > 0;) text.append(buffer, n);
    return text;
  }

 private:
  void restore() {
    if (saved_ < 0) return;
    std::fflush(stderr);
    dup2(saved_, 2);
    close(saved_);
    saved_ = -1;
  }
  FILE* file_ = nullptr;
  int saved_ = -1;
};

struct ContextDeleter {
  void operator()(GVC_t* c) const { gvFreeContext(c); }
};
using Context = std::unique_ptr<GVC_t, ContextDeleter>;

// One Graphviz context for the process, created on first use (under graphviz_mutex) and freed at
// exit. Graphviz 2.42 cannot have contexts come and go: its pango plugin keeps a pointer to a
// font name that belongs to the context, and the next context's first label reads it after it
// was freed. Creating the context before any graph also matters for the DOT: gvContext() sets
// process-wide defaults (a node label of "\N") for graphs created after it.
GVC_t* shared_context() {
  static const Context context = [] {
    Context c(gvContext());
    if (!c) throw RenderError("Graphviz could not start");
    return c;
  }();
  return context.get();
}

struct GraphDeleter {
  void operator()(Agraph_t* g) const { agclose(g); }
};
using Graph = std::unique_ptr<Agraph_t, GraphDeleter>;

// A layout of a graph, freed before the graph is (also when Graphviz reported an error after
// laying it out, which check() then throws).
class Layout {
 public:
  // dot, unless the graph names another engine in its "layout" attribute (a pinned diagram's nop).
  Layout(GVC_t* gvc, Agraph_t* g) : gvc_(gvc), g_(g), laid_out_(gvLayout(gvc_, g_, "dot") == 0) {}
  void check(MessageCapture& messages) const { messages.check(!laid_out_, "lay out the diagram"); }
  ~Layout() {
    if (laid_out_) gvFreeLayout(gvc_, g_);
  }
  Layout(const Layout&) = delete;
  Layout& operator=(const Layout&) = delete;

 private:
  GVC_t* gvc_;
  Agraph_t* g_;
  bool laid_out_;
};

// Output of gvRenderData, freed with gvFreeRenderData.
class RenderBuffer {
 public:
  RenderBuffer() = default;
  ~RenderBuffer() {
    if (data_) gvFreeRenderData(data_);
  }
  RenderBuffer(const RenderBuffer&) = delete;
  RenderBuffer& operator=(const RenderBuffer&) = delete;
  char** data() { return &data_; }
  unsigned* length() { return &length_; }
  std::string str() const { return data_ ? std::string(data_, length_) : std::string(); }

 private:
  char* data_ = nullptr;
  unsigned length_ = 0;
};

// A FILE* collecting what is written to it in memory (agwrite writes to a channel).
class MemoryFile {
 public:
  MemoryFile() : file_(open_memstream(&data_, &size_)) {
    if (!file_) throw RenderError("out of memory writing DOT");
  }
  ~MemoryFile() {
    if (file_) std::fclose(file_);
    std::free(data_);
  }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;
  FILE* get() { return file_; }
  std::string take() {
    std::fclose(file_);
    file_ = nullptr;
    return std::string(data_, size_);
  }

 private:
  char* data_ = nullptr;
  std::size_t size_ = 0;
  FILE* file_ = nullptr;
};

char* mutable_text(const std::string& s) { return const_cast<char*>(s.c_str()); }

// Object ids for cgraph that follow creation order. The default discipline uses the address of
// each name's interned string as its id, and agwrite orders subgraphs by id: their order in the
// DOT (and so the layout) would follow the heap. Named objects get even ids 2, 4, ...,
// anonymous ones odd ids, as in the default; names stay cgraph's interned strings, which
// agwrite expects. The state belongs to render_diagram, not to the graph: Graphviz 2.42 cannot
// always close a laid-out graph (agclose fails after a newrank layout in which a path leaves a
// cluster and comes back), and the state must not be lost with it.
struct IdState {
  Agraph_t* graph = nullptr;
  std::map<std::string, IDTYPE, std::less<>> ids;
  std::vector<char*> names;  // names[id / 2 - 1], interned with agstrdup
  IDTYPE anonymous = 1;
};
IdState* opening = nullptr;  // the state of the graph agopen is creating (under graphviz_mutex)

// These are called from cgraph's C code: out of memory they fail as cgraph's own would, without
// throwing through it.
void* id_open(Agraph_t* g, Agdisc_t*) noexcept {
  IdState* s = opening;
  if (s) s->graph = g;
  return s;
}
long id_map(void* state, int, char* name, IDTYPE* id, int create) noexcept try {
  auto* s = static_cast<IdState*>(state);
  if (!name) {
    *id = s->anonymous;
    s->anonymous += 2;
    return 1;
  }
  const auto it = s->ids.find(std::string_view(name));
  if (it != s->ids.end()) {
    *id = it->second;
  } else if (create) {
    s->names.push_back(agstrdup(s->graph, name));
    *id = static_cast<IDTYPE>(2 * s->names.size());
    s->ids.emplace(name, *id);
  } else {
    *id = 0;  // no such name: lookups find nothing
  }
  return 1;
} catch (...) {
  return 0;
}
long id_alloc(void*, int, IDTYPE id) { return id % 2 == 1; }
void id_free(void*, int, IDTYPE) {}
char* id_print(void* state, int, IDTYPE id) {
  auto* s = static_cast<IdState*>(state);
  if (id == 0 || id % 2 == 1 || id / 2 > s->names.size()) return nullptr;
  return s->names[id / 2 - 1];
}
void id_close(void* state) {
  auto* s = static_cast<IdState*>(state);
  for (char* name : s->names) agstrfree(s->graph, name);
  s->names.clear();
}
void id_register(void*, int, void*) {}
Agiddisc_t creation_order_ids = {id_open, id_map, id_alloc, id_free, id_print, id_close, id_register};
Agdisc_t creation_order_discipline = {&AgMemDisc, &creation_order_ids, &AgIoDisc};

// Defaults every diagram starts from: one font (so layouts match between machines with it),
// rounded boxes, grey lines.
const DiagramAttributes kGraphDefaults = {{"fontname", "DejaVu Sans"}, {"fontsize", "11"}, {"labelloc", "t"},
                                          {"labeljust", "l"},          {"nodesep", "0.3"}, {"ranksep", "0.45"},
                                          {"newrank", "true"}};
const DiagramAttributes kNodeDefaults = {{"shape", "box"},       {"style", "rounded,filled"}, {"fillcolor", "white"},
                                         {"color", "#555555"},   {"fontname", "DejaVu Sans"}, {"fontsize", "10"},
                                         {"margin", "0.08,0.04"}};
// A pinned diagram's boxes are bars and marks on a chart: square-cornered.
DiagramAttributes pinned_node_defaults() {
  DiagramAttributes a = kNodeDefaults;
  for (auto& [k, v] : a)
    if (k == "style") v = "filled";
  return a;
}
const DiagramAttributes kEdgeDefaults = {{"color", "#666666"},
                                         {"arrowsize", "0.7"},
                                         {"fontname", "DejaVu Sans"},
                                         {"fontsize", "9"},
                                         {"fontcolor", "#333333"}};
const DiagramAttributes kClusterDefaults = {{"style", "rounded"}, {"color", "#aaaaaa"}, {"fontsize", "10"}};

std::string lookup(const DiagramAttributes& a, const std::string& key) {
  for (const auto& [k, v] : a)
    if (k == key) return v;
  return {};
}

// The attributes of an object with styles: each style's in turn, "style" lists merged.
std::map<std::string, std::string> styled(const Diagram& d, const std::vector<std::string>& names,
                                          const DiagramAttributes& defaults) {
  std::map<std::string, std::string> out;
  std::string style = lookup(defaults, "style");
  bool style_changed = false;
  for (const std::string& name : names) {
    const DiagramStyle* s = d.style(name);
    if (!s) throw RenderError("the diagram names an undefined style '" + name + "'");
    for (const auto& [k, v] : s->attributes) {
      if (k == "style") {
        style += (style.empty() ? "" : ",") + v;
        style_changed = true;
      } else {
        out[k] = v;
      }
    }
  }
  if (style_changed) out["style"] = style;
  if (!names.empty()) {
    std::string cls;
    for (const std::string& n : names) cls += (cls.empty() ? "" : " ") + n;
    out["class"] = cls;
  }
  return out;
}

// A pinned node's label, left-aligned in the node's box (a table of its size: an HTML label is
// otherwise centred).
std::string pinned_label(const DiagramNode& n) {
  std::string html = label_html(n.label);
  if (n.label.empty()) return html;
  const auto points = [&](const char* key) {
    const double inches = std::strtod(lookup(n.geometry, key).c_str(), nullptr);
    return std::to_string(static_cast<long>(std::clamp(inches * 72, 1.0, 65535.0)));
  };
  const std::string size = "FIXEDSIZE=\"TRUE\" WIDTH=\"" + points("width") + "\" HEIGHT=\"" + points("height") + "\"";
  return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\" " + size +
         "><TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" " + size + ">" + html + "</TD></TR></TABLE>";
}

// How to make the diagram easier for Graphviz when its edge routing fails.
struct Simplify {
  bool straight = false;  // straight edges (no spline routing)
};

class GraphBuilder {
 public:
  GraphBuilder(const Diagram& d, const std::string& prefix, IdState& ids, Simplify simplify = {})
      : d_(d), prefix_(prefix), ids_(ids), simplify_(simplify) {}

  Graph build() {
    opening = &ids_;
    Graph g(agopen(mutable_text("clearpath"), Agdirected, &creation_order_discipline));
    opening = nullptr;
    if (!g) throw RenderError("Graphviz could not create a graph");
    declare(g.get(), AGRAPH, kGraphDefaults, d_.graph, {"label", "class"});
    const DiagramAttributes node_defaults = d_.pinned ? pinned_node_defaults() : kNodeDefaults;
    declare(g.get(), AGNODE, node_defaults, {}, {"label", "class"});
    declare(g.get(), AGEDGE, kEdgeDefaults, {}, {"label", "class"});
    for (const DiagramStyle& s : d_.styles)
      for (const auto& [k, v] : s.attributes)
        declare_one(g.get(),
                    s.applies == DiagramStyle::Applies::edge   ? AGEDGE
                    : s.applies == DiagramStyle::Applies::node ? AGNODE
                                                               : AGRAPH,
                    k);
    for (const auto& [k, v] : kClusterDefaults) declare_one(g.get(), AGRAPH, k);
    for (const auto& [k, v] : d_.graph) set(g.get(), g.get(), AGRAPH, k, v);
    if (d_.pinned) set(g.get(), g.get(), AGRAPH, "layout", "nop");
    std::vector<std::string> title = d_.title;
    if (simplify_.straight) {
      set(g.get(), g.get(), AGRAPH, "splines", "line");
      title.push_back("edges drawn straight: Graphviz could not route them around the boxes");
    }
    set_html(g.get(), g.get(), AGRAPH, "label", title_html(title));

    std::map<std::string, Agraph_t*> clusters;
    for (const DiagramCluster& c : d_.clusters) {
      Agraph_t* parent = g.get();
      if (!c.parent.empty()) {
        const auto it = clusters.find(c.parent);
        if (it == clusters.end()) throw RenderError("cluster '" + c.name + "' names an unknown parent");
        parent = it->second;
      }
      Agraph_t* sub = agsubg(parent, mutable_text("cluster_" + dot_name(c.name)), 1);
      if (!clusters.emplace(c.name, sub).second) throw RenderError("two clusters are named '" + c.name + "'");
      for (const auto& [k, v] : kClusterDefaults) set(g.get(), sub, AGRAPH, k, v);
      set_html(g.get(), sub, AGRAPH, "label", label_html(c.label));
      for (const auto& [k, v] : styled(d_, c.styles, kClusterDefaults)) set(g.get(), sub, AGRAPH, k, v);
    }

    std::set<std::string> names;
    for (const DiagramNode& n : d_.nodes) {
      if (!names.insert(n.name).second) throw RenderError("two nodes are named '" + n.name + "'");
      Agnode_t* node = agnode(g.get(), mutable_text(dot_name(n.name)), 1);
      if (!n.cluster.empty()) {
        const auto it = clusters.find(n.cluster);
        if (it == clusters.end()) throw RenderError("node '" + n.name + "' names an unknown cluster");
        agsubnode(it->second, node, 1);
      }
      set_html(g.get(), node, AGNODE, "label",
               !n.table.empty() ? table_html(d_, n.table)
               : d_.pinned      ? pinned_label(n)
                                : label_html(n.label));
      for (const auto& [k, v] : styled(d_, n.styles, node_defaults)) set(g.get(), node, AGNODE, k, v);
      if (!n.table.empty()) set(g.get(), node, AGNODE, "shape", "plain");
      for (const auto& [k, v] : n.geometry) set(g.get(), node, AGNODE, k, v);
      if (d_.pinned && lookup(n.geometry, "pos").empty())
        throw RenderError("node '" + n.name + "' of a pinned diagram has no position");
    }
    for (const DiagramEdge& e : d_.edges) {
      Agnode_t* tail = agnode(g.get(), mutable_text(dot_name(e.tail)), 0);
      Agnode_t* head = agnode(g.get(), mutable_text(dot_name(e.head)), 0);
      if (!tail || !head) throw RenderError("an edge names an unknown node '" + (tail ? e.head : e.tail) + "'");
      const auto attributes = styled(d_, e.styles, kEdgeDefaults);
      // A labelled edge that does not constrain the ranks crashes Graphviz 2.42 when its layout
      // is freed (a double free in dot's cleanup of flat edge labels): label it outside instead.
      const auto constraint = attributes.find("constraint");
      const bool free_edge = constraint != attributes.end() && constraint->second == "false";
      Agedge_t* edge = agedge(g.get(), tail, head, nullptr, 1);
      if (!e.label.empty()) set_html(g.get(), edge, AGEDGE, free_edge ? "xlabel" : "label", capped_html_text(e.label));
      for (const auto& [k, v] : attributes) set(g.get(), edge, AGEDGE, k, v);
    }

    const std::vector<const DiagramStyle*> legend = d_.used_styles();
    if (!legend.empty()) {
      Agnode_t* node = agnode(g.get(), mutable_text(prefix_ + "legend"), 1);
      set(g.get(), node, AGNODE, "shape", "plain");
      set(g.get(), node, AGNODE, "class", "legend");
      if (d_.pinned) {
        if (d_.legend_pos.empty()) throw RenderError("a pinned diagram's legend has no position");
        set(g.get(), node, AGNODE, "pos", d_.legend_pos);
      }
      set_html(g.get(), node, AGNODE, "label", legend_html(legend, d_.legend_columns));
    }
    return g;
  }

 private:
  void declare(Agraph_t* g, int kind, const DiagramAttributes& defaults, const DiagramAttributes& extra,
               std::initializer_list<const char*> more) {
    for (const auto& [k, v] : defaults) agattr(g, kind, mutable_text(k), mutable_text(v));
    for (const auto& [k, v] : extra) declare_one(g, kind, k);
    for (const char* k : more) declare_one(g, kind, k);
  }
  void declare_one(Agraph_t* g, int kind, const std::string& key) {
    if (!agattr(g, kind, mutable_text(key), nullptr)) agattr(g, kind, mutable_text(key), mutable_text(""));
  }
  void set(Agraph_t* g, void* obj, int kind, const std::string& key, const std::string& value) {
    Agsym_t* sym = agattr(g, kind, mutable_text(key), nullptr);
    if (!sym) sym = agattr(g, kind, mutable_text(key), mutable_text(""));
    agxset(obj, sym, mutable_text(value));
  }
  void set_html(Agraph_t* g, void* obj, int kind, const std::string& key, const std::string& html) {
    Agsym_t* sym = agattr(g, kind, mutable_text(key), nullptr);
    if (!sym) sym = agattr(g, kind, mutable_text(key), mutable_text(""));
    char* value = agstrdup_html(g, mutable_text(html));
    agxset(obj, sym, value);
    agstrfree(g, value);
  }

  const Diagram& d_;
  std::string prefix_;
  IdState& ids_;
  Simplify simplify_;
};

// Reads DOT text with the creation-order ids (agmemread would use the default ones).
struct TextChannel {
  const std::string* text;
  std::size_t at = 0;
};
int read_line(void* channel, char* buffer, int size) noexcept {  // as cgraph's own memory reader
  auto* c = static_cast<TextChannel*>(channel);
  int n = 0;
  while (n < size && c->at < c->text->size()) {
    const char ch = (*c->text)[c->at++];
    buffer[n++] = ch;
    if (ch == '\n') break;
  }
  return n;
}
int no_put(void*, const char*) noexcept { return 0; }
int no_flush(void*) noexcept { return 0; }
Agiodisc_t text_io = {read_line, no_put, no_flush};
Agdisc_t reading_discipline = {&AgMemDisc, &creation_order_ids, &text_io};

Graph read_dot(const std::string& dot, IdState& ids) {
  TextChannel channel{&dot};
  opening = &ids;
  Graph g(agread(&channel, &reading_discipline));
  opening = nullptr;
  return g;
}

// A prefix for the names of nodes clearpath adds (the legend) that no node of the diagram uses.
std::string reserved_prefix(const Diagram& d) {
  std::vector<std::string_view> names;
  for (const DiagramNode& n : d.nodes) names.push_back(n.name);
  return unused_prefix("clearpath:", names);
}

}  // namespace

namespace {

std::string write_dot(const Diagram& diagram, MessageCapture& messages, Simplify simplify = {}) {
  IdState ids;  // outlives the graph
  Graph built = GraphBuilder(diagram, reserved_prefix(diagram), ids, simplify).build();
  messages.check(false, "build the diagram");
  MemoryFile file;
  const int status = agwrite(built.get(), file.get());
  messages.check(status != 0, "write DOT");
  return file.take();
}

// The layout is made from the DOT itself, so what is drawn is exactly what `dot` draws from
// clearpath's DOT output: nodes in the order the DOT lists them, clusters first.
std::string lay_out_and_render(GVC_t* gvc, const std::string& dot, DiagramFormat format, MessageCapture& messages) {
  IdState ids;  // outlives the graph
  Graph g = read_dot(dot, ids);
  messages.check(!g, "read back its own DOT");
  if (format == DiagramFormat::png || format == DiagramFormat::pdf) {
    // Past about 32,000 pixels cairo gives up (and Graphviz 2.42 crashes scaling down): at most
    // 100 inches either way (9,600 pixels at 96 dpi), scaled down uniformly if larger.
    Agsym_t* size = agattr(g.get(), AGRAPH, mutable_text("size"), nullptr);
    if (!size || std::string(agxget(g.get(), size)).empty())
      agsafeset(g.get(), mutable_text("size"), mutable_text("100,100"), mutable_text(""));
  }
  StderrCapture stderr_text;
  const Layout layout(gvc, g.get());
  messages.append(stderr_text.take());
  layout.check(messages);
  RenderBuffer buffer;
  const int status = gvRenderData(gvc, g.get(), format_name(format), buffer.data(), buffer.length());
  messages.check(status != 0, (std::string("render ") + format_name(format)).c_str());
  return buffer.str();
}

}  // namespace

std::string render_diagram(const Diagram& diagram, DiagramFormat format) {
  const std::lock_guard<std::mutex> lock(graphviz_mutex);
  MessageCapture messages;
  GVC_t* gvc = shared_context();
  std::string dot = write_dot(diagram, messages);  // not const: returned, it is moved
  if (format == DiagramFormat::dot) return dot;
  // Large diagrams can defeat Graphviz 2.42's edge routing (after a complete ranking and
  // placement): then once more with straight edges, saying so in the title. Other failures are
  // not retried: after one, Graphviz's internal state is not fit for another layout.
  try {
    return lay_out_and_render(gvc, dot, format, messages);
  } catch (const RenderError& e) {
    if (!messages.mentions("routesplines") && !messages.mentions("shortest.c")) throw;
    messages.reset();
    Simplify straight;
    straight.straight = true;
    return lay_out_and_render(gvc, write_dot(diagram, messages, straight), format, messages);
  }
}

}  // namespace clearpath
