// The table screen panel (table_screen_panel.hpp): title, address, QR code, what it shows.
#include "ui/panels/table_screen_panel.hpp"

#include <algorithm>

#include "core/phrase.hpp"
#include "core/room_links.hpp"
#include "ui/panels/overlay_window.hpp"
#include "ui/text/draw_text.hpp"
#include "ui/text/drawable_text.hpp"
#include "ui/theme.hpp"

namespace samling {

void draw_table_screen_panel(const Frame& frame, TableScreenCache& cache, const std::string& origin, Id group,
                             ImVec2 size, float pixels_per_unit) {
    const Fonts& fonts = frame.fonts;
    const UiStrings& s = frame.words;
    const Workshop& state = frame.state;
    const float em = fonts.em;
    const LeaderGroup* g = state.group(group);
    const std::string link =
        g && state.room() && !origin.empty() ? table_screen_link(origin, state.room()->code, group) : std::string();
    if (cache.link != link) {
        cache.link = link;
        cache.qr = link.empty() ? QrModules{} : encode_qr(link);
    }
    const float panel_w = std::min(size.x - 4 * em, 40 * em);
    begin_overlay_window("##table_screen", size, ImVec2(panel_w, 0), fonts);
    ImGui::PushFont(fonts.title);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme::accent));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(fill(s.table_title, {{"group", drawable_text(g ? g->name : std::string())}}).c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::Spacing();
    if (link.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(g ? s.table_no_server : s.no_groups);
        ImGui::PopTextWrapPos();
    } else {
        // The address to type, in the largest face that holds it on one line: a TV's remote
        // types it letter by letter, so it must be read without a doubt.
        const std::string shown = link.substr(link.find("//") + 2);
        const float avail = ImGui::GetContentRegionAvail().x;
        ImFont* face = fonts.bold;
        for (ImFont* f : {fonts.heading, fonts.title})
            if (width_of(fonts, f, shown) <= avail) {
                face = f;
                break;
            }
        ImGui::PushFont(face);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(shown.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
        ImGui::Spacing();
        qr_item(cache.qr, size.y - 18 * em, pixels_per_unit);
        ImGui::Spacing();
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(s.table_about);
        ImGui::PopTextWrapPos();
    }
    ImGui::Spacing();
    ImGui::PushFont(fonts.small);
    ImGui::TextDisabled("%s", s.table_keys);
    ImGui::PopFont();
    end_overlay_window();
}

}  // namespace samling
