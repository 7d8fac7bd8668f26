// Font discovery and baking. Sizes are fixed at bake time in ImGui 1.86, so a zoom or a new
// window size re-bakes. Must not depend on GLFW, OpenGL or the workshop state.
#include "ui/fonts.hpp"

#include <cmath>
#include <filesystem>
#include <initializer_list>
#include <vector>

#include <imgui_freetype.h>

#include "platform/platform.hpp"
#include "ui/text/drawable_text.hpp"

namespace samling {
namespace {

// The first file that exists, as UTF-8 (ImGui opens it by a UTF-8 name, on Windows too).
// The program's own fonts/ folder comes first: the Windows zip carries Inter there.
std::string first_existing(std::initializer_list<const char*> names, std::initializer_list<const char*> paths) {
    std::error_code ec;
    if (const auto beside = platform::program_folder())
        for (const char* name : names)
            if (const auto p = *beside / "fonts" / name; std::filesystem::is_regular_file(p, ec)) {
                const auto utf8 = p.u8string();
                return std::string(utf8.begin(), utf8.end());
            }
    for (const char* p : paths)
        if (std::filesystem::is_regular_file(p, ec)) return p;
    return {};
}

const ImWchar* text_ranges() {
    static const std::vector<ImWchar> ranges = [] {
        std::vector<ImWchar> r;
        for (const CodeRange& c : drawable_ranges()) {
            r.push_back(static_cast<ImWchar>(c.first));
            r.push_back(static_cast<ImWchar>(c.last));
        }
        r.push_back(0);
        return r;
    }();
    return ranges.data();
}

const ImWchar* ascii_ranges() {
    static const ImWchar ranges[] = {0x0020, 0x007E, 0x00C5, 0x00F8, 0};  // codes are A–Z, 0–9
    return ranges;
}

}  // namespace

FontFiles find_font_files() {
    FontFiles f;
    f.regular = first_existing({"Inter-Regular.otf"}, {"/usr/share/fonts/opentype/inter/Inter-Regular.otf",
                                                       "/usr/share/fonts/truetype/inter/Inter-Regular.ttf",
                                                       "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"});
    f.medium = first_existing({"Inter-Medium.otf"}, {"/usr/share/fonts/opentype/inter/Inter-Medium.otf",
                                                     "/usr/share/fonts/truetype/inter/Inter-Medium.ttf"});
    f.bold = first_existing(
        {"Inter-Bold.otf", "Inter-SemiBold.otf"},
        {"/usr/share/fonts/opentype/inter/Inter-Bold.otf", "/usr/share/fonts/opentype/inter/Inter-SemiBold.otf",
         "/usr/share/fonts/truetype/inter/Inter-Bold.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"});
    if (f.medium.empty()) f.medium = f.regular;
    if (f.bold.empty()) f.bold = f.regular;
    return f;
}

bool bake_fonts(ImFontAtlas& atlas, const FontFiles& files, float em, float raster_scale, Fonts& out) {
    atlas.Clear();
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;

    bool ok = true;
    auto add = [&](const std::string& path, float size_em, const ImWchar* ranges) -> ImFont* {
        ImFontConfig cfg;
        cfg.PixelSnapH = true;
        const float px = static_cast<float>(std::lround(size_em * em * raster_scale));
        ImFont* font = atlas.AddFontFromFileTTF(path.c_str(), px, &cfg, ranges);
        if (!font) ok = false;
        return font;
    };
    Fonts f;
    f.em = em;
    f.raster = raster_scale;
    f.body = add(files.regular, 1.0f, text_ranges());  // first added: ImGui's default font
    f.small = add(files.regular, 0.75f, text_ranges());
    f.bold = add(files.bold, 1.0f, text_ranges());
    f.title = add(files.bold, 1.45f, text_ranges());
    f.heading = add(files.bold, 1.9f, text_ranges());
    f.display = add(files.bold, 2.7f, ascii_ranges());
    for (std::size_t i = 0; i < card_sizes_em.size(); ++i)
        f.card[i] = add(files.medium, card_sizes_em[i], text_ranges());
    if (!ok || !atlas.Build()) return false;
    out = f;
    return true;
}

}  // namespace samling
