// CSV over libcsv (Debian's libcsv-dev): strict quoting, lines counted as the text is fed one
// physical line at a time, so every record knows the line it starts on.
#include "io/import/csv_reader.hpp"

#include <stdexcept>

#include <csv.h>

#include "util/utf8.hpp"

namespace clearpath {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Only spaces are trimmed around unquoted fields: a tab may be the delimiter, and is data otherwise.
int is_space(unsigned char c) { return c == ' ' ? 1 : 0; }

class Reader {
 public:
  Reader(const std::string& file, char delimiter) : file_(file) {
    if (csv_init(&parser_, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) throw std::bad_alloc();
    csv_set_delim(&parser_, static_cast<unsigned char>(delimiter));
    csv_set_space_func(&parser_, is_space);
    table_.delimiter = delimiter;
  }
  ~Reader() { csv_free(&parser_); }
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  CsvTable read(std::string_view text) {
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t end = text.find('\n', start);
      end = end == std::string_view::npos ? text.size() : end + 1;
      ++line_;
      if (!feed(text.substr(start, end - start))) return std::move(table_);
      start = end;
    }
    if (csv_fini(&parser_, on_field, on_record, this) != 0) {
      table_.problems.push_back(
          file_ + ":" + std::to_string(record_start_) +
          ": a quoted field of the record starting on this line is never closed (a \" is missing)");
    }
    return std::move(table_);
  }

 private:
  // Feeds one physical line; false when libcsv gave up on it.
  bool feed(std::string_view chunk) {
    std::string clean;
    if (const std::size_t bad = find_invalid_utf8(chunk); bad != std::string_view::npos) {
      table_.problems.push_back(file_ + ":" + std::to_string(line_) + ": not UTF-8: byte " + byte_text(chunk[bad]) +
                                " at column " + std::to_string(bad + 1) +
                                " (save the export as \"CSV UTF-8\", or read it with --encoding windows-1252)");
      last_bad_line_ = line_;
      clean.assign(chunk);
      for (std::size_t i = 0; i < clean.size();) {
        const std::size_t n = utf8_length(clean, i);
        if (n == 0) clean[i++] = '?';
        else i += n;
      }
      chunk = clean;
    }
    // A record begins on the first line after the last record that is not blank.
    if (between_ && chunk.find_first_not_of(" \r\n") != std::string_view::npos) {
      record_start_ = line_;
      between_ = false;
    }
    const std::size_t used = csv_parse(&parser_, chunk.data(), chunk.size(), on_field, on_record, this);
    if (used == chunk.size()) return true;
    const int error = csv_error(&parser_);
    std::string what =
        error == CSV_EPARSE
            ? "malformed quoting at column " + std::to_string(used + 1) +
                  ": a \" inside an unquoted field, or text after a closing \" (quote the whole field and"
                  " double the quotes inside it); the file is not read further"
            : std::string(csv_strerror(error));
    table_.problems.push_back(file_ + ":" + std::to_string(line_) + ": " + what);
    return false;
  }

  static void on_field(void* data, std::size_t size, void* self) {
    auto* r = static_cast<Reader*>(self);
    r->fields_.emplace_back(data ? static_cast<const char*>(data) : "", data ? size : 0);
  }
  static void on_record(int, void* self) {
    auto* r = static_cast<Reader*>(self);
    CsvRecord record;
    record.line = r->between_ ? r->line_ : r->record_start_;
    record.fields = std::move(r->fields_);
    record.invalid_utf8 = r->last_bad_line_ >= record.line;
    r->fields_.clear();
    r->table_.records.push_back(std::move(record));
    r->between_ = true;
  }

  const std::string& file_;
  csv_parser parser_{};
  CsvTable table_;
  std::vector<std::string> fields_;
  std::size_t line_ = 0;          // the physical line being fed
  std::size_t record_start_ = 1;  // where the record in progress began
  std::size_t last_bad_line_ = 0;
  bool between_ = true;  // no record in progress
};

}  // namespace

std::string windows1252_to_utf8(std::string_view text) {
  // 0x80..0x9F; the five bytes Windows-1252 leaves undefined map to the C1 controls, as in WHATWG.
  static const char16_t k80[32] = {0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                   0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
                                   0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                   0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (unsigned char c : text) {
    const unsigned cp = c >= 0x80 && c < 0xA0 ? k80[c - 0x80] : c;
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  return out;
}

char detect_csv_delimiter(std::string_view text) {
  if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());
  std::size_t comma = 0, semicolon = 0, tab = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c == '\n') break;
    else if (c == ',') ++comma;
    else if (c == ';') ++semicolon;
    else if (c == '\t') ++tab;
  }
  if (semicolon > comma && semicolon >= tab) return ';';
  if (tab > comma && tab > semicolon) return '\t';
  return ',';
}

CsvTable read_csv(std::string_view text, const std::string& file, char delimiter) {
  if (delimiter == 0) delimiter = detect_csv_delimiter(text);
  if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());
  Reader reader(file, delimiter);
  return reader.read(text);
}

}  // namespace clearpath
