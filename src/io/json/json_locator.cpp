#include "io/json/json_locator.hpp"

#include <algorithm>
#include <map>
#include <memory>

namespace clearpath {

TextPosition position_of(std::string_view text, std::size_t offset) { return positions_of(text, {offset}).front(); }

std::vector<TextPosition> positions_of(std::string_view text, const std::vector<std::size_t>& offsets) {
  std::vector<std::size_t> order(offsets.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return offsets[a] < offsets[b]; });
  std::vector<TextPosition> out(offsets.size());
  // Walk forward once; between two offsets, only the new stretch is counted.
  const std::size_t start = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  TextPosition pos{1, 1};
  std::size_t at = start;
  for (std::size_t k : order) {
    const std::size_t target = std::min(offsets[k], text.size());
    for (; at < target; ++at) {
      const unsigned char c = static_cast<unsigned char>(text[at]);
      if (c == '\n') {
        ++pos.line;
        pos.column = 1;
      } else if ((c & 0xC0) != 0x80) {
        ++pos.column;
      }
    }
    out[k] = pos;
  }
  return out;
}

namespace {

// The pointers to find, as a tree of their segments.
struct Node {
  std::vector<std::size_t> targets;  // indexes of the pointers that end here
  std::map<std::string, std::unique_ptr<Node>, std::less<>> children;
};

std::vector<std::string> split_pointer(std::string_view pointer) {
  std::vector<std::string> segments;
  std::size_t i = 0;
  while (i < pointer.size()) {
    // pointer[i] == '/'
    std::string seg;
    ++i;
    while (i < pointer.size() && pointer[i] != '/') {
      if (pointer[i] == '~' && i + 1 < pointer.size()) {
        seg += pointer[i + 1] == '1' ? '/' : '~';
        i += 2;
      } else {
        seg += pointer[i++];
      }
    }
    segments.push_back(std::move(seg));
  }
  return segments;
}

class Locator {
 public:
  Locator(std::string_view text, std::vector<std::optional<std::size_t>>& found) : text_(text), found_(found) {}

  // Walks the value at pos_ with the pointer tree `node` (may be null: just skip it).
  void value(const Node* node, int depth) {
    skip_space();
    if (node) {
      for (std::size_t t : node->targets) found_[t] = pos_;
      if (node->children.empty()) node = nullptr;
    }
    if (pos_ >= text_.size()) return;
    const char c = text_[pos_];
    const bool descend = node != nullptr && depth <= kMaxDepth;
    if (descend && c == '{') object(*node, depth);
    else if (descend && c == '[') array(*node, depth);
    else skip_value();
  }

 private:
  static constexpr int kMaxDepth = 256;

  void object(const Node& node, int depth) {
    ++pos_;  // {
    skip_space();
    if (peek() == '}') {
      ++pos_;
      return;
    }
    while (pos_ < text_.size()) {
      skip_space();
      std::string key = read_string();
      skip_space();
      if (peek() == ':') ++pos_;
      auto it = node.children.find(key);
      value(it == node.children.end() ? nullptr : it->second.get(), depth + 1);
      skip_space();
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      if (peek() == '}') ++pos_;
      return;
    }
  }

  void array(const Node& node, int depth) {
    ++pos_;  // [
    skip_space();
    if (peek() == ']') {
      ++pos_;
      return;
    }
    for (std::size_t index = 0; pos_ < text_.size(); ++index) {
      auto it = node.children.find(std::to_string(index));
      value(it == node.children.end() ? nullptr : it->second.get(), depth + 1);
      skip_space();
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      if (peek() == ']') ++pos_;
      return;
    }
  }

  // Skips one value of any kind, iteratively (no recursion however deep).
  void skip_value() {
    skip_space();
    const char c = peek();
    if (c == '"') {
      skip_string();
      return;
    }
    if (c == '{' || c == '[') {
      std::size_t depth = 0;
      while (pos_ < text_.size()) {
        const char ch = text_[pos_];
        if (ch == '"') {
          skip_string();
          continue;
        }
        ++pos_;
        if (ch == '{' || ch == '[') {
          ++depth;
        } else if ((ch == '}' || ch == ']') && --depth == 0) {
          return;
        }
      }
      return;
    }
    while (pos_ < text_.size() && !is_end_of_scalar(text_[pos_])) ++pos_;
  }

  static bool is_end_of_scalar(char c) {
    return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t';
  }

  void skip_string() {
    ++pos_;  // opening quote
    while (pos_ < text_.size() && text_[pos_] != '"') pos_ += text_[pos_] == '\\' ? 2 : 1;
    ++pos_;
  }

  std::string read_string() {
    std::string out;
    if (peek() != '"') return out;
    ++pos_;
    while (pos_ < text_.size() && text_[pos_] != '"') {
      char c = text_[pos_++];
      if (c != '\\' || pos_ >= text_.size()) {
        out += c;
        continue;
      }
      c = text_[pos_++];
      switch (c) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'u': out += unicode_escape(); break;
        default: out += c;
      }
    }
    ++pos_;
    return out;
  }

  // \uXXXX (with surrogate pairs) as UTF-8.
  std::string unicode_escape() {
    auto hex4 = [&]() -> unsigned {
      unsigned v = 0;
      for (int i = 0; i < 4 && pos_ < text_.size(); ++i, ++pos_) {
        const char h = text_[pos_];
        v = v * 16 + static_cast<unsigned>(h >= 'a' ? h - 'a' + 10 : h >= 'A' ? h - 'A' + 10 : h - '0');
      }
      return v;
    };
    unsigned cp = hex4();
    if (cp >= 0xD800 && cp < 0xDC00 && text_.substr(pos_, 2) == "\\u") {
      pos_ += 2;
      const unsigned low = hex4();
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    std::string out;
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return out;
  }

  char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
  void skip_space() {
    while (pos_ < text_.size() &&
           (text_[pos_] == ' ' || text_[pos_] == '\n' || text_[pos_] == '\r' || text_[pos_] == '\t'))
      ++pos_;
  }

  std::string_view text_;
  std::vector<std::optional<std::size_t>>& found_;
  std::size_t pos_ = 0;
};

}  // namespace

std::vector<std::optional<std::size_t>> locate_pointers(std::string_view text,
                                                        const std::vector<std::string>& pointers) {
  Node root;
  for (std::size_t i = 0; i < pointers.size(); ++i) {
    Node* node = &root;
    for (std::string& seg : split_pointer(pointers[i])) {
      auto& child = node->children[seg];
      if (!child) child = std::make_unique<Node>();
      node = child.get();
    }
    node->targets.push_back(i);
  }
  std::vector<std::optional<std::size_t>> found(pointers.size());
  // Skip a UTF-8 byte order mark, as the parser does.
  std::size_t start = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  Locator locator(text.substr(start), found);
  locator.value(&root, 0);
  for (auto& f : found)
    if (f) *f += start;
  return found;
}

}  // namespace clearpath
