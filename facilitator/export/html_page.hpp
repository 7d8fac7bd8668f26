// The frame every exported HTML page shares: doctype, metadata, the inline stylesheet (screen
// and A4 print) and the title block. No scripts and no external resources, ever: the file
// must open and print the same on a laptop with no network. Standard library only.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "export/report_strings.hpp"

namespace samling {

struct MetaLine {
    std::string_view label;
    std::string value;  // plain text; escaped when printed
};

// A whole HTML document around `body` (already HTML). `title` is plain text.
std::string html_document(const ReportStrings& s, std::string_view title, std::string_view body);

// The report's title block: a kicker line, the heading and label/value lines (plain text).
std::string html_title_block(std::string_view kicker, std::string_view heading, const std::vector<MetaLine>& meta);

}  // namespace samling
