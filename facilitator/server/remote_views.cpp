// The facilitator remote's overview (remote_views.hpp), in the room's language.
#include "server/remote_views.hpp"

#include <algorithm>
#include <map>

#include "server/control_commands.hpp"

namespace samling {

using nlohmann::json;

json remote_overview(const Workshop& state, const Presence& presence, Timestamp now, const Remote& remote) {
    const Language lang = state.room() ? state.room()->language : Language::nb;
    // Who is at each table, so the remote can name a table lead: names, never what they wrote.
    std::map<Id, json> people;
    for (const auto& [pid, p] : state.participants()) {
        if (p.removed) continue;
        people.try_emplace(p.group, json::array()).first->second.push_back({{"id", pid}, {"name", p.name}});
    }
    const auto id_or_null = [](Id id) { return id ? json(id) : json(nullptr); };
    json groups = json::array();
    for (const auto& [gid, g] : state.groups()) {
        if (g.archived) continue;
        json& o = groups.emplace_back(json::object());
        o["id"] = gid;
        o["name"] = g.name;
        o["participants"] = state.participants_in(gid);
        o["present"] = presence.present_in(state, gid, now);
        const auto here = people.find(gid);
        o["people"] = here == people.end() ? json::array() : std::move(here->second);
        o["lead"] = id_or_null(state.lead_of(gid));
        o["lead_asked"] = id_or_null(state.lead_asked(gid));
        o["run"] = nullptr;
        const ExerciseRun* run = state.current_run(gid);
        if (!run) continue;
        const ExerciseDefinition* def = state.definition(*run);
        const Step* step = state.current_step(*run);
        json r = json::object();
        r["id"] = run->id;
        r["exercise"] = run->exercise;
        r["title"] = def ? def->title.in(lang) : run->exercise;
        r["step"] = run->step;
        r["steps"] = def ? def->steps.size() : 0;
        r["step_kind"] = step ? std::string(to_string(step->kind)) : std::string();
        r["prompt"] = step ? step->prompt.in(lang) : std::string();
        r["notes"] = state.notes_of_run(run->id).size();
        r["done"] = state.done_count(*run);
        r["done_present"] = presence.done_present(state, *run, now);
        r["writing_locked"] = run->writing_locked;
        r["timer"] = {{"remaining_ms", run->timer.remaining_ms(now)}, {"running", run->timer.running()}};
        r["concluded"] = run->concluded_at != 0;
        o["run"] = std::move(r);
    }
    json room = nullptr;
    if (state.room())
        room = {{"code", state.room()->code}, {"title", state.room_title()}, {"language", to_string(lang)}};
    json broadcast = nullptr;
    if (const auto& b = state.broadcast()) broadcast = broadcast_json(*b);
    return {{"revision", state.revision()},
            {"room", std::move(room)},
            {"groups", std::move(groups)},
            {"broadcast", std::move(broadcast)},
            {"remote", {{"id", remote.id}, {"name", remote.name}}}};
}

std::string remote_pairing_url(const std::string& phone_address, const std::string& pairing_token) {
    return phone_address + "/remote.html#pair=" + pairing_token;
}

json phone_broadcast(const Workshop& state, Id group) {
    const auto& b = state.broadcast();
    if (!b) return nullptr;
    if (!b->groups.empty() && std::find(b->groups.begin(), b->groups.end(), group) == b->groups.end()) return nullptr;
    return {{"id", b->id}, {"text", b->text}, {"sent_at", b->sent_at}};
}

}  // namespace samling
