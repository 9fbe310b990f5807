// Graphviz HTML-like labels: escaping user text, node labels, the title and the legend.
#include "render/labels.hpp"

#include "clearpath/render.hpp"

#include <algorithm>

namespace clearpath {
namespace {

// Bytes in UTF-8 text that start a code point.
bool starts_code_point(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

std::size_t code_points(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), starts_code_point));
}

// The longest prefix of s with at most n code points.
std::string_view cut(std::string_view s, std::size_t n) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (starts_code_point(s[i]) && seen++ == n) return s.substr(0, i);
  return s;
}

std::string attribute_value(const DiagramAttributes& attributes, const std::string& key) {
  std::string value;
  for (const auto& [k, v] : attributes)
    if (k == key) value = v;
  return value;
}

bool has_token(const std::string& list, std::string_view token) { return list.find(token) != std::string::npos; }

// A small picture of the style: a box in its colours for nodes and clusters, a line for edges.
std::string swatch(const DiagramStyle& s) {
  const std::string color = attribute_value(s.attributes, "color");
  const std::string fill = attribute_value(s.attributes, "fillcolor");
  const std::string style = attribute_value(s.attributes, "style");
  const std::string pen = attribute_value(s.attributes, "penwidth");
  const bool bold = has_token(style, "bold") || (!pen.empty() && pen != "1");
  if (s.applies == DiagramStyle::Applies::edge) {
    // U+2501 heavy and U+2500 light horizontals, or dashes; one run per colour of a colour list.
    const char* piece = has_token(style, "dashed")   ? "- - "
                        : has_token(style, "dotted") ? "&middot;&middot;&middot;"
                        : bold                       ? "\u2501\u2501\u2501"
                                                     : "\u2500\u2500\u2500";
    std::string colors = color.empty() ? std::string("#555555") : color, text;
    const std::size_t count = static_cast<std::size_t>(std::count(colors.begin(), colors.end(), ':')) + 1;
    for (std::size_t from = 0; from <= colors.size();) {
      std::size_t to = colors.find(':', from);
      if (to == std::string::npos) to = colors.size();
      text += "<FONT COLOR=\"" + colors.substr(from, to - from) + "\">" + piece + (count == 1 ? piece : "") + "</FONT>";
      from = to + 1;
    }
    return "<TD>" + text + "</TD>";
  }
  std::string cell = "<TD WIDTH=\"40\" HEIGHT=\"16\" BORDER=\"" + std::string(bold ? "3" : "1") + "\"";
  cell += " COLOR=\"" + (color.empty() ? std::string("#555555") : color) + "\"";
  cell += " BGCOLOR=\"" + (fill.empty() ? std::string("white") : fill) + "\"";
  if (has_token(style, "dashed")) cell += " STYLE=\"dashed\"";
  else if (has_token(style, "dotted")) cell += " STYLE=\"dotted\"";
  return cell + "> </TD>";
}

}  // namespace

std::string unused_prefix(const std::string& base, const std::vector<std::string_view>& names) {
  std::string prefix = base;
  auto taken = [&] {
    return std::any_of(names.begin(), names.end(),
                       [&](std::string_view n) { return n.substr(0, prefix.size()) == prefix; });
  };
  for (std::size_t underscores = 1; taken(); ++underscores) prefix = std::string(underscores, '_').append(base);
  return prefix;
}

std::vector<std::string> wrap_words(std::string_view s, std::size_t width, std::size_t max_lines) {
  std::vector<std::string> lines;
  std::string line;
  auto flush = [&] {
    if (!line.empty()) lines.push_back(std::move(line));
    line.clear();
  };
  std::size_t i = 0;
  bool truncated = false;
  while (i < s.size()) {
    if (s[i] == ' ' || s[i] == '\n') {
      if (s[i] == '\n') flush();
      ++i;
      continue;
    }
    std::size_t j = s.find_first_of(" \n", i);
    if (j == std::string_view::npos) j = s.size();
    std::string_view word = s.substr(i, j - i);
    i = j;
    while (code_points(word) > width) {  // a word longer than a line: cut it
      flush();
      if (lines.size() == max_lines) break;
      const std::string_view head = cut(word, width);
      lines.emplace_back(head);
      word.remove_prefix(head.size());
    }
    if (lines.size() >= max_lines) {
      truncated = true;
      break;
    }
    if (!line.empty() && code_points(line) + 1 + code_points(word) > width) flush();
    if (lines.size() >= max_lines) {
      truncated = true;
      break;
    }
    if (!line.empty()) line += ' ';
    line += word;
  }
  flush();
  if (lines.size() > max_lines) {
    lines.resize(max_lines);
    truncated = true;
  }
  if (truncated && !lines.empty()) {
    std::string& last = lines.back();
    last = std::string(cut(last, width > 3 ? width - 3 : width)) + "...";
  }
  if (lines.empty()) lines.emplace_back();
  return lines;
}

std::string capped_html_text(std::string_view s) {
  if (code_points(s) <= kMaxLabelText) return html_text(s);
  return html_text(std::string(cut(s, kMaxLabelText - 1)) + "\u2026");
}

std::string label_html(const DiagramLabel& label) {
  std::string out;
  for (const LabelLine& line : label) {
    if (!out.empty()) out += "<BR/>";
    const std::string text = line.text.empty() ? std::string(" ") : capped_html_text(line.text);
    switch (line.look) {
      case LabelLine::Look::emphasis: out += "<B>" + text + "</B>"; break;
      case LabelLine::Look::small: out += "<FONT POINT-SIZE=\"8\" COLOR=\"#444444\">" + text + "</FONT>"; break;
      case LabelLine::Look::normal: out += text; break;
    }
  }
  return out.empty() ? std::string(" ") : out;
}

std::string table_html(const Diagram& d, const std::vector<std::vector<DiagramCell>>& rows) {
  std::string out = "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"4\" COLOR=\"#bbbbbb\">";
  for (const auto& row : rows) {
    out += "<TR>";
    for (const DiagramCell& c : row) {
      std::string fill, font;
      if (!c.style.empty()) {
        const DiagramStyle* s = d.style(c.style);
        if (!s) throw RenderError("the diagram names an undefined style '" + c.style + "'");
        fill = attribute_value(s->attributes, "fillcolor");
        font = attribute_value(s->attributes, "fontcolor");
      }
      out += "<TD";
      if (c.span > 1) out += " COLSPAN=\"" + std::to_string(c.span) + "\"";
      if (!fill.empty()) out += " BGCOLOR=\"" + fill + "\"";
      out += c.left ? " ALIGN=\"LEFT\" BALIGN=\"LEFT\">" : ">";
      const std::string text = label_html(c.text);
      out += font.empty() ? text : "<FONT COLOR=\"" + font + "\">" + text + "</FONT>";
      out += "</TD>";
    }
    out += "</TR>";
  }
  return out + "</TABLE>";
}

std::string title_html(const std::vector<std::string>& title) {
  std::string out;
  for (std::size_t i = 0; i < title.size(); ++i) {
    if (i == 0) out += "<FONT POINT-SIZE=\"16\"><B>" + capped_html_text(title[i]) + "</B></FONT>";
    else out += "<BR ALIGN=\"LEFT\"/>" + capped_html_text(title[i]);
  }
  return out + "<BR ALIGN=\"LEFT\"/>";
}

std::string legend_html(const std::vector<const DiagramStyle*>& styles, std::size_t columns) {
  columns = std::max<std::size_t>(1, columns);
  const std::size_t rows = (styles.size() + columns - 1) / columns;
  std::string out = "<TABLE BORDER=\"1\" COLOR=\"#999999\" CELLBORDER=\"0\" CELLSPACING=\"4\" CELLPADDING=\"2\">";
  out += "<TR><TD COLSPAN=\"" + std::to_string(2 * columns) + "\" ALIGN=\"LEFT\"><B>Legend</B></TD></TR>";
  // Column by column: the first `rows` styles down the first column, and so on.
  for (std::size_t r = 0; r < rows; ++r) {
    out += "<TR>";
    for (std::size_t c = 0; c < columns; ++c) {
      const std::size_t k = c * rows + r;
      if (k < styles.size())
        out += swatch(*styles[k]) + "<TD ALIGN=\"LEFT\">" + capped_html_text(styles[k]->legend) + "</TD>";
    }
    out += "</TR>";
  }
  return out + "</TABLE>";
}

}  // namespace clearpath
