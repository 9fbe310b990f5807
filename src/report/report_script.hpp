#pragma once
// The HTML report's script (src/report/report.js, built in) and its SHA-256, which the page's
// Content-Security-Policy names so that this script alone may run. Private to the library.
#include <string>
#include <string_view>

namespace clearpath {

std::string_view report_script() noexcept;
std::string_view report_script_sha256_hex() noexcept;  // 64 hex digits, computed by CMake
// "sha256-<base64 of the digest>", as a Content-Security-Policy source names a script.
std::string report_script_csp_source();

}  // namespace clearpath
