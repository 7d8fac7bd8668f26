// Encodings the exports need, written out by hand: HTML and Markdown escaping, CSV fields,
// base64, percent-encoding of links, and dates. Pure functions; standard library only.
#pragma once

#include <string>
#include <string_view>

#include "core/model.hpp"
#include "export/report_strings.hpp"

namespace samling::encode {

// & < > " ' as entities: safe in element text and in quoted attribute values.
std::string html(std::string_view s);
// Text that Markdown must print as it is: its markup characters backslash-escaped, and a
// line break inside a paragraph or list item kept as a hard break indented by `indent`.
// `starts_line`: the text begins a line's content (after "- " or "> "), where "# ", "- " or
// "1. " would start a heading or a list.
std::string markdown(std::string_view s, std::string_view indent = "", bool starts_line = false);
// One RFC 4180 field: quoted when it holds a comma, quote, CR or LF (quotes doubled).
std::string csv_field(std::string_view s);
// A cell of text a participant typed, made safe for spreadsheets: a leading = + - @ would
// make Excel run it as a formula (CSV injection), so such a cell starts with an apostrophe.
std::string csv_text(std::string_view s);
std::string base64(std::string_view bytes);
// A relative link target: ASCII letters, digits and - _ . / kept; every other byte %XX.
std::string url_path(std::string_view s);

// 2026-09-14T08:30:00Z; "" for 0.
std::string iso8601_utc(Timestamp t);
// 2026-09-14 (the UTC day); "" for 0.
std::string iso_date(Timestamp t);
// "14. september 2026" (en: "14 September 2026") from YYYY-MM-DD; other text unchanged.
std::string long_date(std::string_view iso, const ReportStrings& s);

}  // namespace samling::encode
