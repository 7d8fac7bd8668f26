// Word wrapping with ImFont::CalcWordWrapPositionA, paragraph by paragraph (1.86's wrapper
// leaves newlines to its caller). Depends on ImGui's font only: no GLFW, GL or workshop.
#include "ui/text/text_wrap.hpp"

#include <algorithm>
#include <cfloat>

#include "core/text.hpp"

namespace samling {
namespace {

constexpr std::string_view ellipsis = "\xE2\x80\xA6";  // …

bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\r';
}

std::string_view trim_end(std::string_view s) {
    while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
    return s;
}

// Appends the wrapped lines of one paragraph (no newline in it), and where each starts.
void wrap_paragraph(const ImFont* font, float size, std::string_view p, float width, std::vector<std::string>& out,
                    std::vector<const char*>& starts) {
    if (p.empty()) {
        out.emplace_back();
        starts.push_back(p.data());
        return;
    }
    const float scale = size / font->FontSize;
    const char* s = p.data();
    const char* end = p.data() + p.size();
    while (s < end) {
        const char* eol = font->CalcWordWrapPositionA(scale, s, end, width);
        if (eol <= s)
            eol = p.data() + text::next_character(p, static_cast<std::size_t>(s - p.data()));  // one wide glyph
        if (eol > end) eol = end;
        out.emplace_back(trim_end(std::string_view(s, static_cast<std::size_t>(eol - s))));
        starts.push_back(s);
        s = eol;
        while (s < end && is_blank(*s)) ++s;
    }
}

}  // namespace

float text_width(const ImFont* font, float size, std::string_view text) {
    return font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.data(), text.data() + text.size()).x;
}

// `text` cut at the end until it fits with "…" after it.
std::string with_ellipsis(const ImFont* font, float size, std::string_view text, float width) {
    std::string_view t = trim_end(text);
    while (!t.empty()) {
        std::string candidate = std::string(t) + std::string(ellipsis);
        if (text_width(font, size, candidate) <= width) return candidate;
        t = trim_end(t.substr(0, text::previous_character(t, t.size())));  // drop one whole character
    }
    return std::string(ellipsis);
}

std::string fit_line(const ImFont* font, float size, std::string_view text, float width) {
    if (text_width(font, size, text) <= width) return std::string(text);
    return with_ellipsis(font, size, text, width);
}

WrappedText wrap_text(const ImFont* font, float size, std::string_view text, float width, int max_lines) {
    WrappedText w;
    std::vector<const char*> starts;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t nl = text.find('\n', start);
        const std::size_t stop = nl == std::string_view::npos ? text.size() : nl;
        wrap_paragraph(font, size, text.substr(start, stop - start), width, w.lines, starts);
        if (nl == std::string_view::npos) break;
        start = nl + 1;
    }
    // Blank lines at the end say nothing on a card.
    while (w.lines.size() > 1 && w.lines.back().empty()) w.lines.pop_back();
    if (max_lines > 0 && w.lines.size() > static_cast<std::size_t>(max_lines)) {
        w.lines.resize(static_cast<std::size_t>(max_lines));
        w.truncated = true;
        // The last line runs on with the rest of the text, cut to fit: "Ulike journalsy…", not "Ulike…".
        const auto from = static_cast<std::size_t>(starts[w.lines.size() - 1] - text.data());
        const std::string_view tail = text.substr(from);
        const std::size_t len = std::min<std::size_t>(tail.size(), 4 * w.lines.back().size() + 16);
        std::string rest(tail.substr(0, text::character_start(tail, len)));
        std::replace(rest.begin(), rest.end(), '\n', ' ');
        w.lines.back() = with_ellipsis(font, size, rest, width);
    }
    return w;
}

}  // namespace samling
