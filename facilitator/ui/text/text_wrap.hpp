// Breaks text into lines that fit a width, cut to a number of lines with "…": the one
// measurement the board layout and the drawing share. Depends on ImGui's font only.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

namespace samling {

struct WrappedText {
    std::vector<std::string> lines;
    bool truncated = false;
};

// `size` is the drawn text height; `max_lines` <= 0 means no limit. Newlines are kept.
WrappedText wrap_text(const ImFont* font, float size, std::string_view text, float width, int max_lines);

// One line cut with "…" to fit `width` (the text itself when it fits).
std::string fit_line(const ImFont* font, float size, std::string_view text, float width);

float text_width(const ImFont* font, float size, std::string_view text);

}  // namespace samling
