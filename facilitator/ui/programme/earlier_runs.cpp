// Earlier runs, reopened from the projector. Buttons in the projector's own window, sized in
// em. No GLFW functions, OpenGL or hub.
#include "ui/programme/earlier_runs.hpp"

#include <algorithm>

#include "ui/panels/control_theme.hpp"
#include "ui/text/draw_text.hpp"
#include "ui/text/drawable_text.hpp"

namespace samling {
namespace {

constexpr std::size_t most_shown = 4;  // a facilitator rarely leaves more; the newest matter

Id gathering_of(const Workshop& state, Id group) {
    if (const ExerciseRun* current = state.current_run(group)) return current->gathering;
    const Gathering* open = state.open_gathering();
    return open ? open->id : 0;
}

}  // namespace

std::vector<const ExerciseRun*> earlier_runs(const Workshop& state, Id group) {
    std::vector<const ExerciseRun*> out;
    const ExerciseRun* current = state.current_run(group);
    const Id gathering = gathering_of(state, group);
    for (const ExerciseRun* run : state.runs_of(group))
        // A run started while no gathering was open (the demo's, a quick try) counts as this one's.
        if (run != current && (run->gathering == gathering || run->gathering == 0) && state.definition(*run))
            out.push_back(run);
    std::reverse(out.begin(), out.end());
    if (out.size() > most_shown) out.resize(most_shown);
    return out;
}

float earlier_runs_height(const Workshop& state, Id group, const Fonts& fonts) {
    const std::size_t n = earlier_runs(state, group).size();
    if (n == 0) return 0;
    return fonts.em * 1.6f + static_cast<float>(n) * (ImGui::GetFrameHeight() + 0.4f * fonts.em);
}

void draw_earlier_runs(const Frame& frame, Id group, ImVec2 min, float max_x) {
    const Workshop& state = frame.state;
    const Fonts& fonts = frame.fonts;
    const UiStrings& s = frame.words;
    const Language lang = frame.lang;
    std::vector<Command>& out = frame.out;
    const std::vector<const ExerciseRun*> runs = earlier_runs(state, group);
    if (runs.empty()) return;
    const float em = fonts.em;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddLine(snap(min), snap(ImVec2(max_x, min.y)), theme::sheet_line, std::max(1.0f, std::round(0.08f * em)));
    draw_text_fit(dl, fonts, fonts.bold, ImVec2(min.x, min.y + 0.3f * em), theme::text_muted, s.earlier_runs,
                  max_x - min.x);
    float y = min.y + 1.6f * em;
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(theme::panel));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::ColorConvertU32ToFloat4(theme::panel_hover));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 0.3f * em);
    for (const ExerciseRun* run : runs) {
        const ExerciseDefinition* def = state.definition(*run);
        const std::size_t notes = state.notes_of_run(run->id).size();
        const std::string what = "«" + drawable_text(def->title.in(lang)) + "»  ·  " + s.step + " " +
                                 std::to_string(run->step + 1) + "  ·  " + std::to_string(notes) + " " +
                                 (notes == 1 ? s.notes_one : s.notes_many) + "  ·  " + s.reopen;
        const std::string label = fit_line(fonts.body, fonts.size(fonts.body), what, max_x - min.x - 2 * em) +
                                  "##reopen" + std::to_string(run->id);
        ImGui::SetCursorScreenPos(ImVec2(min.x, y));
        if (ImGui::Button(label.c_str())) out.push_back(cmd::ReopenRun{run->id});
        y += ImGui::GetFrameHeight() + 0.4f * em;
    }
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
}

}  // namespace samling
