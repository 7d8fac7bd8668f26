// The pairing panel (remote_panel.hpp): title, QR code, how to scan it, the paired remotes.
#include "ui/panels/remote_panel.hpp"

#include <ctime>

#include "platform/platform.hpp"
#include "ui/panels/confirm.hpp"
#include "ui/panels/overlay_window.hpp"
#include "ui/text/drawable_text.hpp"
#include "ui/theme.hpp"

namespace samling {
namespace {

// "14:05": when a remote was paired, in the laptop's time zone, as the room reads a clock.
std::string clock_time(Timestamp ms) {
    const auto local = platform::local_time(static_cast<std::time_t>(ms / 1000));
    if (!local) return {};
    char out[8];
    std::strftime(out, sizeof out, "%H:%M", &*local);
    return out;
}

}  // namespace

const QrModules& pairing_qr(RemotePanelCache& cache, const std::string& pairing_url) {
    if (cache.url != pairing_url) {
        cache.url = pairing_url;
        cache.qr = pairing_url.empty() ? QrModules{} : encode_qr(pairing_url);
    }
    return cache.qr;
}

void draw_remote_panel(const Frame& frame, ControlState& controls, RemotePanelCache& cache,
                       const std::string& pairing_url, ImVec2 size, float pixels_per_unit, bool presenter) {
    const Fonts& fonts = frame.fonts;
    const UiStrings& s = frame.words;
    const float em = fonts.em;
    const QrModules& qr = pairing_qr(cache, pairing_url);
    const float panel_w = std::min(size.x - 4 * em, 34 * em);
    begin_overlay_window("##remote", size, ImVec2(panel_w, 0), fonts);
    ImGui::PushFont(fonts.title);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme::accent));
    ImGui::TextUnformatted(presenter ? s.remote_title_presenter : s.remote_title);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::Spacing();

    // The code on white, as large as the panel's width and the window's height allow.
    const float avail = ImGui::GetContentRegionAvail().x;
    qr_item(qr, size.y - 16 * em, pixels_per_unit);
    ImGui::Spacing();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(s.remote_scan);
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    ImGui::Separator();

    ImGui::PushFont(fonts.bold);
    ImGui::TextUnformatted(s.remote_paired);
    ImGui::PopFont();
    bool any = false;
    for (const auto& [id, remote] : frame.state.remotes()) {
        if (remote.revoked) continue;
        any = true;
        ImGui::PushID(static_cast<int>(id));
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted((drawable_text(remote.name) + "  ·  " + clock_time(remote.paired_at)).c_str());
        ImGui::SameLine(avail - ImGui::CalcTextSize(s.remote_revoke).x - 2 * ImGui::GetStyle().FramePadding.x);
        if (ImGui::Button(s.remote_revoke))  // never at once: a wrong click would leave a co-facilitator stranded
            controls.confirm =
                PendingConfirm{fill_question(s.confirm_revoke, drawable_text(remote.name), 1), {cmd::RevokeRemote{id}}};
        ImGui::PopID();
    }
    if (!any) ImGui::TextDisabled("%s", s.remote_none);
    ImGui::Spacing();
    ImGui::PushFont(fonts.small);
    ImGui::TextDisabled("%s", s.remote_close);
    ImGui::PopFont();
    end_overlay_window();
}

}  // namespace samling
