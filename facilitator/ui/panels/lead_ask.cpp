// The band that asks the facilitator about a phone that wants to lead its table. It never takes
// the whole screen: the room goes on while it waits, and only A / Shift+A answer it.
#include "ui/panels/lead_ask.hpp"

#include <GLFW/glfw3.h>

#include "ui/panels/control_theme.hpp"
#include "ui/panels/group_strip.hpp"
#include "ui/text/draw_text.hpp"
#include "ui/text/drawable_text.hpp"

namespace samling {

LeadAsk waiting_lead_ask(const Workshop& state) {
    for (Id g : group_order(state))
        if (const Id asked = state.lead_asked(g)) return LeadAsk{g, asked};
    return {};
}

bool answer_lead_ask(const Frame& frame) {
    const LeadAsk ask = waiting_lead_ask(frame.state);
    if (!ask.group || !ImGui::IsKeyPressed(GLFW_KEY_A, false)) return false;
    if (ImGui::GetIO().KeyShift)
        frame.out.push_back(cmd::DeclineLead{ask.group});
    else
        frame.out.push_back(cmd::SetLead{ask.group, ask.participant});
    return true;
}

void draw_lead_ask(const Frame& frame, ImDrawList* dl, ImVec2 size) {
    const LeadAsk ask = waiting_lead_ask(frame.state);
    if (!ask.group) return;
    const Fonts& fonts = frame.fonts;
    const UiStrings& s = frame.words;
    const float em = fonts.em;
    const LeaderGroup* g = frame.state.group(ask.group);
    const Participant* p = frame.state.participant(ask.participant);
    const std::string group = g ? g->name : std::string();
    const std::string question = p && !p->name.empty() ? fill(s.lead_ask, {{"name", p->name}, {"group", group}})
                                                       : fill(s.lead_ask_anonymous, {{"group", group}});
    const float width = std::min(size.x - 2 * em, 48 * em);
    const std::string line = fit_line(fonts.bold, fonts.size(fonts.bold), drawable_text(question), width - 2.4f * em);
    const std::string keys = s.lead_ask_keys;
    const float h = fonts.size(fonts.bold) + fonts.size(fonts.body) + 1.6f * em;
    const ImVec2 a = snap(ImVec2((size.x - width) / 2, 0.6f * em)), b = snap(ImVec2(a.x + width, a.y + h));
    dl->AddRectFilled(a, b, theme::sheet, 0.5f * em);
    dl->AddRect(a, b, theme::accent, 0.5f * em, 0, std::round(0.12f * em));
    draw_text(dl, fonts, fonts.bold, ImVec2(a.x + 1.2f * em, a.y + 0.6f * em), theme::text, line);
    draw_text(dl, fonts, fonts.body, ImVec2(a.x + 1.2f * em, a.y + 0.9f * em + fonts.size(fonts.bold)), theme::accent,
              keys);
}

}  // namespace samling
