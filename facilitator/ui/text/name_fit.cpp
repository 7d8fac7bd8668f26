// Cutting names from the middle, on code point boundaries, and telling cut names apart. Pure
// text measuring over ImGui's font; no GLFW, OpenGL, hub or workshop state.
#include "ui/text/name_fit.hpp"

#include <cstddef>

#include "ui/text/text_wrap.hpp"

namespace samling {
namespace {

constexpr std::string_view name_ellipsis = "…";

// Byte offsets of each code point's start, and the end.
std::vector<std::size_t> boundaries(std::string_view s) {
    std::vector<std::size_t> b;
    for (std::size_t i = 0; i < s.size(); ++i)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) b.push_back(i);
    b.push_back(s.size());
    return b;
}

// The first `head` and last `tail` code points around "…", without spaces next to it.
std::string joined(std::string_view s, const std::vector<std::size_t>& b, std::size_t head, std::size_t tail) {
    const std::size_t n = b.size() - 1;
    std::string_view front = s.substr(0, b[head]), back = s.substr(b[n - tail]);
    while (!front.empty() && front.back() == ' ') front.remove_suffix(1);
    while (!back.empty() && back.front() == ' ') back.remove_prefix(1);
    return std::string(front) + std::string(name_ellipsis) + std::string(back);
}

std::size_t head_share(std::size_t kept) {
    return (kept * 11 + 19) / 20;  // about 55%, rounded up: a name's start reads first
}

}  // namespace

std::string cut_middle(const ImFont* font, float size, std::string_view name, float width) {
    if (text_width(font, size, name) <= width) return std::string(name);
    const std::vector<std::size_t> b = boundaries(name);
    const std::size_t n = b.size() - 1;
    for (std::size_t kept = n; kept-- > 0;) {
        const std::size_t head = head_share(kept);
        std::string t = joined(name, b, head, kept - head);
        if (text_width(font, size, t) <= width) return t;
    }
    return std::string(name_ellipsis);
}

std::vector<std::string> distinct_names(const ImFont* font, float size, const std::vector<std::string>& names,
                                        float width) {
    std::vector<std::string> out;
    out.reserve(names.size());
    for (const std::string& n : names) out.push_back(cut_middle(font, size, n, width));
    // A cut name that reads as another group's (cut or whole) name: the largest cut that is
    // unique, the split nearest the usual one first. Equal full names stay equal.
    auto taken = [&](std::size_t i, const std::string& text) {
        for (std::size_t j = 0; j < out.size(); ++j)
            if (j != i && names[j] != names[i] && out[j] == text) return true;
        return false;
    };
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (out[i] == names[i] || !taken(i, out[i])) continue;
        const std::vector<std::size_t> b = boundaries(names[i]);
        const std::size_t n = b.size() - 1;
        bool found = false;
        for (std::size_t kept = n; kept-- > 1 && !found;) {
            const std::size_t usual = head_share(kept);
            for (std::size_t step = 0; step <= 2 * kept + 1 && !found; ++step) {
                // usual, usual + 1, usual - 1, usual + 2...
                const auto offset = static_cast<std::ptrdiff_t>((step + 1) / 2);
                const std::ptrdiff_t at = static_cast<std::ptrdiff_t>(usual) + (step % 2 ? offset : -offset);
                if (at < 0 || at > static_cast<std::ptrdiff_t>(kept)) continue;
                const auto head = static_cast<std::size_t>(at);
                std::string t = joined(names[i], b, head, kept - head);
                if (text_width(font, size, t) <= width && !taken(i, t)) {
                    out[i] = std::move(t);
                    found = true;
                }
            }
        }
    }
    return out;
}

}  // namespace samling
