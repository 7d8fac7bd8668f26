// Drawing the join panel and reading the address out of the join URL.
// No GLFW, OpenGL or hub.
#include "ui/panels/join_panel.hpp"

#include <algorithm>
#include <cmath>
#include <initializer_list>

#include "ui/text/draw_text.hpp"
#include "ui/theme.hpp"

namespace samling {

JoinAddress parse_join_url(std::string_view url) {
    JoinAddress a;
    const std::size_t scheme = url.find("://");
    const std::size_t host_at = scheme == std::string_view::npos ? 0 : scheme + 3;
    const std::size_t path_at = url.find_first_of("/?#", host_at);
    a.host_port = std::string(url.substr(host_at, path_at == std::string_view::npos ? url.npos : path_at - host_at));
    if (a.host_port.empty()) a.host_port = std::string(url);
    const std::size_t query = url.find('?');
    if (query != std::string_view::npos) {
        std::string_view q = url.substr(query + 1);
        while (!q.empty()) {
            const std::size_t amp = q.find('&');
            const std::string_view pair = q.substr(0, amp);
            if (pair.starts_with("room=")) a.room = std::string(pair.substr(5));
            if (amp == std::string_view::npos) break;
            q.remove_prefix(amp + 1);
        }
    }
    return a;
}

namespace {

// The largest of `fonts_by_size` in which `text` fits `width` (the smallest when none does).
const ImFont* largest_fitting(const Fonts& fonts, std::initializer_list<const ImFont*> fonts_by_size,
                              std::string_view text, float width) {
    const ImFont* chosen = nullptr;
    for (const ImFont* f : fonts_by_size) {
        chosen = f;
        if (width_of(fonts, f, text) <= width) break;
    }
    return chosen;
}

}  // namespace

float join_panel_width(float window_width, const Fonts& fonts, bool compact) {
    const float em = fonts.em;
    return std::round(compact ? 10.5f * em : std::clamp(0.26f * window_width, 13.0f * em, 20.0f * em));
}

void draw_join_panel(ImDrawList* dl, ImVec2 min, ImVec2 max, const Fonts& fonts, const UiStrings& strings,
                     const QrModules& qr, const JoinAddress& address, std::string_view room_code,
                     float pixels_per_unit) {
    const float em = fonts.em;
    const float pad = 1.0f * em;
    const float inner_w = max.x - min.x - 2 * pad;
    const float centre = (min.x + max.x) / 2;
    dl->AddRectFilled(snap(min), snap(max), theme::join_card, 0.6f * em);

    const std::string code(room_code.empty() ? std::string_view(address.room) : room_code);
    const ImFont* address_font =
        largest_fitting(fonts, {fonts.title, fonts.bold, fonts.small}, address.host_port, inner_w);
    const ImFont* code_font = largest_fitting(fonts, {fonts.display, fonts.heading, fonts.title}, code, inner_w);
    // Everything but the QR code, top to bottom: heading, gaps, address and room code blocks.
    const float heading_h = fonts.size(fonts.title);
    const float label_h = fonts.size(fonts.small);
    const float address_h = fonts.size(address_font);
    const float code_h = code.empty() ? 0.0f : label_h + fonts.size(code_font);
    const float fixed = pad + heading_h + 0.4f * em + 0.5f * em + label_h + address_h + 0.6f * em + code_h + pad;
    const float qr_max = std::min(inner_w + pad, max.y - min.y - fixed);  // the quiet zone may eat the padding
    const float qr_w = qr_side(qr, qr_max, pixels_per_unit);
    const float content_h = fixed + qr_w;
    float y = min.y + std::max(0.0f, (max.y - min.y - content_h) / 2) + pad;

    draw_text_centred(dl, fonts, fonts.title, centre, y, theme::join_text, strings.join_heading, inner_w);
    y += heading_h + 0.4f * em;
    draw_qr(dl, qr, ImVec2(centre - qr_w / 2, y), qr_max, pixels_per_unit);
    y += qr_w + 0.5f * em;
    draw_text_centred(dl, fonts, fonts.small, centre, y, theme::join_muted, strings.join_address, inner_w);
    y += label_h;
    draw_text_centred(dl, fonts, address_font, centre, y, theme::join_text, address.host_port, inner_w + pad);
    y += address_h + 0.6f * em;
    if (!code.empty()) {
        draw_text_centred(dl, fonts, fonts.small, centre, y, theme::join_muted, strings.room_code, inner_w);
        y += label_h;
        draw_text_centred(dl, fonts, code_font, centre, y, theme::join_text, code, inner_w + pad);
    }
}

}  // namespace samling
