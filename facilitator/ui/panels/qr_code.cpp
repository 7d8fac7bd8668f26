// QR encoding (libqrcodegencpp) and drawing as merged horizontal runs of dark modules.
// Must not depend on GLFW, OpenGL or the workshop state.
#include "ui/panels/qr_code.hpp"

#include <algorithm>
#include <cmath>
#include <exception>
#include <string>

#include <qrcodegen.hpp>

namespace samling {

QrModules encode_qr(std::string_view text) {
    QrModules out;
    try {
        const std::string s(text);
        const auto qr = qrcodegen::QrCode::encodeText(s.c_str(), qrcodegen::QrCode::Ecc::MEDIUM);
        out.size = qr.getSize();
        out.dark.resize(static_cast<std::size_t>(out.size) * static_cast<std::size_t>(out.size));
        for (int y = 0; y < out.size; ++y)
            for (int x = 0; x < out.size; ++x)
                out.dark[static_cast<std::size_t>(y) * static_cast<std::size_t>(out.size) +
                         static_cast<std::size_t>(x)] = qr.getModule(x, y);
    } catch (const std::exception&) {
        out = {};  // too long for any QR version: the address and code are still shown
    }
    return out;
}

namespace {
// Whole device pixels per module, so module edges never blur.
int module_pixels(const QrModules& qr, float max_side, float pixels_per_unit) {
    if (qr.size == 0) return 0;
    const int total = qr.size + 2 * qr_quiet_zone;
    return static_cast<int>(std::floor(max_side * pixels_per_unit / static_cast<float>(total)));
}
}  // namespace

float qr_side(const QrModules& qr, float max_side, float pixels_per_unit) {
    const int px = module_pixels(qr, max_side, pixels_per_unit);
    return static_cast<float>(px * (qr.size + 2 * qr_quiet_zone)) / pixels_per_unit;
}

float draw_qr(ImDrawList* dl, const QrModules& qr, ImVec2 top_left, float max_side, float pixels_per_unit) {
    const int px = module_pixels(qr, max_side, pixels_per_unit);
    if (px < 1) return 0;
    const float m = static_cast<float>(px) / pixels_per_unit;
    const float side = m * static_cast<float>(qr.size + 2 * qr_quiet_zone);
    // Snap to the pixel grid: a half-pixel offset would smear every module edge.
    const ImVec2 o(std::round(top_left.x * pixels_per_unit) / pixels_per_unit,
                   std::round(top_left.y * pixels_per_unit) / pixels_per_unit);
    dl->AddRectFilled(o, ImVec2(o.x + side, o.y + side), IM_COL32_WHITE);
    const float q = m * static_cast<float>(qr_quiet_zone);
    for (int y = 0; y < qr.size; ++y) {
        int x = 0;
        while (x < qr.size) {
            if (!qr.dark[static_cast<std::size_t>(y) * static_cast<std::size_t>(qr.size) +
                         static_cast<std::size_t>(x)]) {
                ++x;
                continue;
            }
            const int run_start = x;
            while (
                x < qr.size &&
                qr.dark[static_cast<std::size_t>(y) * static_cast<std::size_t>(qr.size) + static_cast<std::size_t>(x)])
                ++x;
            const ImVec2 a(o.x + q + m * static_cast<float>(run_start), o.y + q + m * static_cast<float>(y));
            dl->AddRectFilled(a, ImVec2(o.x + q + m * static_cast<float>(x), a.y + m), IM_COL32_BLACK);
        }
    }
    return side;
}

void qr_item(const QrModules& qr, float max_side, float pixels_per_unit) {
    const float avail = ImGui::GetContentRegionAvail().x;
    const float side = qr_side(qr, std::min(avail, max_side), pixels_per_unit);
    if (side <= 0) return;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    draw_qr(ImGui::GetWindowDrawList(), qr, ImVec2(at.x + (avail - side) / 2, at.y), std::min(avail, max_side),
            pixels_per_unit);
    ImGui::Dummy(ImVec2(avail, side));
}

}  // namespace samling
