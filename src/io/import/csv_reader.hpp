#pragma once
// A strict RFC 4180 CSV reader over libcsv, private to the library (libcsv types stay in
// csv_reader.cpp). It knows physical line numbers: each record carries the line it starts on,
// so a quoted field spanning lines does not shift the lines reported for later records.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace clearpath {

struct CsvRecord {
  std::size_t line = 0;             // 1-based physical line the record starts on
  std::vector<std::string> fields;  // as read: quotes removed, "" unescaped, not trimmed
  bool invalid_utf8 = false;        // a line of it is not UTF-8 (reported in problems; its
                                    // bad bytes read as '?')
};

struct CsvTable {
  char delimiter = ',';
  std::vector<CsvRecord> records;     // the header is records[0]; blank lines are not records
  std::vector<std::string> problems;  // "FILE:LINE: ..." (invalid UTF-8, malformed quoting)
};

// The delimiter of the header line (the first line after a UTF-8 BOM): whichever of ',' ';'
// and tab occurs most often in it outside quotes; ',' when none does. Ties go to ',' then ';'.
char detect_csv_delimiter(std::string_view text);

// Reads `text` (a UTF-8 BOM is skipped; LF or CRLF line ends) with `delimiter` (0 = detect).
// Lines holding bytes that are not UTF-8 are problems, and so is malformed quoting (a quote
// inside an unquoted field, text after a closing quote, a quote left open at the end); reading
// stops at malformed quoting, as libcsv cannot resynchronise. Never throws for bad input.
CsvTable read_csv(std::string_view text, const std::string& file, char delimiter = 0);

// Windows-1252 text (what spreadsheets on Windows save as "CSV"; also what "latin1" means in
// practice, as in browsers) as UTF-8. Line ends are unchanged.
std::string windows1252_to_utf8(std::string_view text);

}  // namespace clearpath
