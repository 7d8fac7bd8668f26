// The JSON spelling of each facilitator command. One table entry per command; the core
// checks the rules, this only checks shapes.
#include "server/control_commands.hpp"

#include <functional>
#include <map>

#include "core/room_links.hpp"

namespace samling {
namespace {

using nlohmann::json;

Error bad(const std::string& message) {
    return make_error(Errc::invalid_request, message);
}

// Field readers: each fails with a message naming the field.
struct Fields {
    const json& body;
    std::string problem;
    const Workshop* state = nullptr;  // for "group": "all"; null: "all" is refused

    Id id(const char* key) {
        if (body.contains(key) && body[key].is_number_integer() && body[key].get<Id>() >= 0) return body[key].get<Id>();
        if (problem.empty()) problem = std::string("\"") + key + "\" must be an id";
        return 0;
    }
    Id optional_id(const char* key) { return body.contains(key) ? id(key) : 0; }
    std::optional<std::string> optional_text(const char* key) {
        if (!body.contains(key) || body[key].is_null()) return std::nullopt;
        if (body[key].is_string()) return body[key].get<std::string>();
        if (problem.empty()) problem = std::string("\"") + key + "\" must be a string";
        return std::nullopt;
    }
    std::optional<Language> language(const char* key) {
        const auto code = optional_text(key);
        if (!code) return std::nullopt;
        if (auto lang = parse_language(*code)) return lang;
        if (problem.empty()) problem = std::string("\"") + key + "\" must be nb, nn or en";
        return std::nullopt;
    }
    std::string text(const char* key, bool required = true) {
        if (body.contains(key) && body[key].is_string()) return body[key].get<std::string>();
        if (required && problem.empty()) problem = std::string("\"") + key + "\" must be a string";
        return {};
    }
    int integer(const char* key) {
        if (body.contains(key) && body[key].is_number_integer()) return body[key].get<int>();
        if (problem.empty()) problem = std::string("\"") + key + "\" must be a whole number";
        return 0;
    }
    bool flag(const char* key, bool fallback) {
        if (!body.contains(key)) return fallback;
        if (body[key].is_boolean()) return body[key].get<bool>();
        if (problem.empty()) problem = std::string("\"") + key + "\" must be true or false";
        return fallback;
    }
    double position(const char* key) {
        if (!body.contains(key) || body[key].is_null()) return unplaced;
        if (body[key].is_number()) return body[key].get<double>();
        if (problem.empty()) problem = std::string("\"") + key + "\" must be a number from 0 to 1";
        return unplaced;
    }
    std::vector<std::string> texts(const char* key) {
        std::vector<std::string> out;
        if (!body.contains(key) || !body[key].is_array()) {
            if (problem.empty()) problem = std::string("\"") + key + "\" must be a list of texts";
            return out;
        }
        for (const json& v : body[key])
            if (v.is_string())
                out.push_back(v.get<std::string>());
            else if (problem.empty())
                problem = std::string("\"") + key + "\" must be a list of texts";
        return out;
    }
    NoteFields fields(const char* key) {
        NoteFields out;
        if (!body.contains(key)) return out;
        if (!body[key].is_object())
            problem = std::string("\"") + key + "\" must be an object of texts";
        else
            for (auto& [k, v] : body[key].items())
                if (v.is_string())
                    out[k] = v.get<std::string>();
                else
                    problem = std::string("\"") + key + "\" must be an object of texts";
        return out;
    }
    std::vector<Id> ids(const char* key) {
        std::vector<Id> out;
        if (!body.contains(key)) return out;
        if (!body[key].is_array())
            problem = std::string("\"") + key + "\" must be a list of ids";
        else
            for (const json& v : body[key])
                if (v.is_number_integer())
                    out.push_back(v.get<Id>());
                else
                    problem = std::string("\"") + key + "\" must be a list of ids";
        return out;
    }
};

// "group": "all" — every group that is not archived and has a current run, as the projector's
// room-wide keys count them. Needs the state; empty with a problem when there is none.
std::vector<const ExerciseRun*> all_runs(Fields& f) {
    std::vector<const ExerciseRun*> runs;
    if (!f.state) {
        if (f.problem.empty()) f.problem = "\"group\": \"all\" is not taken here";
        return runs;
    }
    for (const auto& [id, g] : f.state->groups())
        if (const ExerciseRun* r = f.state->current_run(id); r && !g.archived) runs.push_back(r);
    if (runs.empty() && f.problem.empty()) f.problem = "no group has an exercise running";
    return runs;
}

bool for_all(const Fields& f) {
    return f.body.contains("group") && f.body["group"] == "all";
}

// {"command": "timer", "group": ID | "all", "action": "start" | "pause" | "reset"}. For "all",
// one action over every group whose clock it changes (a start leaves running clocks alone).
Command parse_timer(Fields& f) {
    const std::string a = f.text("action");
    if (a != "start" && a != "pause" && a != "reset" && f.problem.empty())
        f.problem = "\"action\" must be start, pause or reset";
    const TimerAction action = a == "pause"   ? TimerAction::pause
                               : a == "reset" ? TimerAction::reset
                                              : TimerAction::start;
    if (!for_all(f)) return cmd::RunTimer{f.id("group"), action};
    cmd::Together together;
    for (const ExerciseRun* r : all_runs(f)) {
        const bool running = r->timer.running();
        if ((action == TimerAction::start && running) || (action == TimerAction::pause && !running)) continue;
        together.commands.push_back(cmd::RunTimer{r->group, action});
    }
    if (together.commands.empty() && f.problem.empty())
        f.problem =
            action == TimerAction::start ? "every group's timer is running already" : "no group's timer is running";
    return together;
}

// {"command": "conclude_run", "group": ID | "all"}: "all" saves every run not yet in its log.
Command parse_conclude(Fields& f) {
    if (!for_all(f)) return cmd::ConcludeRun{f.id("group")};
    cmd::Together together;
    for (const ExerciseRun* r : all_runs(f))
        if (r->concluded_at == 0) together.commands.push_back(cmd::ConcludeRun{r->group});
    if (together.commands.empty() && f.problem.empty()) f.problem = "every group's run is saved in its log already";
    return together;
}

using Parser = std::function<Command(Fields&)>;
const std::map<std::string, Parser, std::less<>>& parsers();

// {"command": "together", "commands": [{...}, {...}]}: one action, one step back for undo.
Command parse_together(Fields& f) {
    cmd::Together together;
    if (!f.body.contains("commands") || !f.body["commands"].is_array() || f.body["commands"].empty()) {
        if (f.problem.empty()) f.problem = "\"commands\" must be a list of commands";
        return together;
    }
    for (const json& part : f.body["commands"]) {
        auto c = parse_control_command(part, f.state);
        if (!c) {
            if (f.problem.empty()) f.problem = c.error().message;
            return together;
        }
        together.commands.push_back(std::move(c.value()));
    }
    return together;
}

const std::map<std::string, Parser, std::less<>>& parsers() {
    static const std::map<std::string, Parser, std::less<>> table = {
        {"together", parse_together},
        {"undo", [](Fields&) -> Command { return cmd::UndoLast{}; }},
        {"reopen_run", [](Fields& f) -> Command { return cmd::ReopenRun{f.id("run")}; }},
        {"set_room",
         [](Fields& f) -> Command {
             return cmd::SetRoom{f.optional_text("name"), f.language("language")};
         }},
        {"archive_group",
         [](Fields& f) -> Command {
             return cmd::ArchiveGroup{f.id("group"), f.flag("archived", true)};
         }},
        {"delete_group", [](Fields& f) -> Command { return cmd::DeleteGroup{f.id("group")}; }},
        {"archive_gathering",
         [](Fields& f) -> Command {
             return cmd::ArchiveGathering{f.id("gathering"), f.flag("archived", true)};
         }},
        {"delete_gathering", [](Fields& f) -> Command { return cmd::DeleteGathering{f.id("gathering")}; }},
        {"move_participant",
         [](Fields& f) -> Command {
             return cmd::MoveParticipant{f.id("participant"), f.id("group")};
         }},
        {"remove_participant", [](Fields& f) -> Command { return cmd::RemoveParticipant{f.id("participant")}; }},
        {"add_group", [](Fields& f) -> Command { return cmd::AddGroup{f.text("name")}; }},
        {"start_exercise",
         [](Fields& f) -> Command {
             return cmd::StartExercise{f.id("group"), f.text("exercise")};
         }},
        {"go_to_step",
         [](Fields& f) -> Command {
             return cmd::GoToStep{f.id("group"), f.integer("step")};
         }},
        {"reveal", [](Fields& f) -> Command { return cmd::Reveal{f.id("group")}; }},
        {"lock_writing",
         [](Fields& f) -> Command {
             return cmd::LockWriting{f.id("group"), f.flag("locked", true)};
         }},
        {"timer", parse_timer},
        {"place_note",
         [](Fields& f) -> Command {
             return cmd::PlaceNote{f.id("note"), f.text("zone", false), f.position("x"), f.position("y")};
         }},
        {"set_note_text",
         [](Fields& f) -> Command {
             return cmd::SetNoteText{f.id("note"), f.text("text")};
         }},
        {"remove_note", [](Fields& f) -> Command { return cmd::RemoveNote{f.id("note")}; }},
        {"flag_personal", [](Fields& f) -> Command { return cmd::FlagPersonal{f.id("note")}; }},
        {"highlight_note",
         [](Fields& f) -> Command {
             return cmd::HighlightNote{f.id("note"), f.flag("on", true)};
         }},
        {"make_cluster",
         [](Fields& f) -> Command {
             return cmd::MakeCluster{f.id("group"), f.text("zone", false), f.text("name"), f.ids("notes")};
         }},
        {"rename_cluster",
         [](Fields& f) -> Command {
             return cmd::RenameCluster{f.id("cluster"), f.text("name")};
         }},
        {"set_cluster",
         [](Fields& f) -> Command {
             return cmd::SetCluster{f.id("note"), f.optional_id("cluster")};
         }},
        {"merge_notes",
         [](Fields& f) -> Command {
             return cmd::MergeNotes{f.id("keep"), f.id("absorb")};
         }},
        {"add_note",
         [](Fields& f) -> Command {
             return cmd::AddFacilitatorNote{f.id("group"), f.text("text"), f.text("zone", false),
                                            f.optional_id("parent"), f.fields("fields")};
         }},
        {"name_programme", [](Fields& f) -> Command { return cmd::NameProgramme{f.text("name")}; }},
        {"set_retention", [](Fields& f) -> Command { return cmd::SetRetention{f.integer("months")}; }},
        {"set_pulse_threshold", [](Fields& f) -> Command { return cmd::SetPulseThreshold{f.integer("threshold")}; }},
        {"save_gathering",
         [](Fields& f) -> Command {
             return cmd::SaveGathering{f.optional_id("gathering"), f.text("title"), f.text("date", false)};
         }},
        {"open_gathering", [](Fields& f) -> Command { return cmd::OpenGathering{f.id("gathering")}; }},
        {"edit_group",
         [](Fields& f) -> Command {
             return cmd::EditGroup{f.id("group"), f.optional_text("name"), f.optional_text("services"),
                                   f.optional_text("project")};
         }},
        {"set_agenda",
         [](Fields& f) -> Command {
             return cmd::SetAgenda{f.id("gathering"), f.texts("exercises")};
         }},
        {"start_next", [](Fields& f) -> Command { return cmd::StartNext{f.id("group")}; }},
        {"conclude_run", parse_conclude},
        // {"command": "set_lead", "group": 2, "participant": 7 | null}: null, 0 or left out: no lead.
        {"set_lead",
         [](Fields& f) -> Command {
             const bool none = !f.body.contains("participant") || f.body["participant"].is_null();
             return cmd::SetLead{f.id("group"), none ? 0 : f.id("participant")};
         }},
        {"decline_lead", [](Fields& f) -> Command { return cmd::DeclineLead{f.id("group")}; }},
        {"set_conclusion",
         [](Fields& f) -> Command {
             return cmd::SetConclusion{f.id("group"), f.text("field"), f.text("text")};
         }},
        {"revoke_remote", [](Fields& f) -> Command { return cmd::RevokeRemote{f.id("remote")}; }},
        {"broadcast",
         [](Fields& f) -> Command {
             return cmd::Broadcast{f.text("text"), f.ids("groups")};
         }},
    };
    return table;
}

}  // namespace

Result<Command> parse_control_command(const json& body, const Workshop* state) {
    if (!body.is_object() || !body.contains("command") || !body["command"].is_string())
        return bad("a command is {\"command\": name, ...fields}");
    const std::string name = body["command"].get<std::string>();
    auto it = parsers().find(name);
    if (it == parsers().end()) {
        std::string known;
        for (const auto& [n, p] : parsers()) known += (known.empty() ? "" : ", ") + n;
        return bad("unknown command \"" + name + "\" (" + known + ")");
    }
    Fields fields{body, {}, state};
    Command c = it->second(fields);
    if (!fields.problem.empty()) return bad(name + ": " + fields.problem);
    return c;
}

json broadcast_json(const BroadcastMessage& m) {
    return {{"id", m.id}, {"text", m.text}, {"groups", m.groups}, {"sent_at", m.sent_at}};
}

json control_state(const Workshop& state, const Presence& presence, Timestamp now, const std::string& origin) {
    json groups = json::array();
    for (const auto& [gid, g] : state.groups()) {
        // Objects are filled in place and moved, never built from nested initializer lists or
        // copied: a programme's 1,080 runs made this answer cost tens of milliseconds.
        json runs = json::array();  // every run, so a script can reopen one
        for (const ExerciseRun* r : state.runs_of(gid)) {
            json& o = runs.emplace_back(json::object());
            o["id"] = r->id;
            o["exercise"] = r->exercise;
            o["gathering"] = r->gathering;
            o["step"] = r->step;
            std::size_t on_board = 0;
            for (const auto& [id, n] : state.notes_in_run(r->id)) on_board += !n.deleted && n.merged_into == 0;
            o["notes"] = on_board;
            o["concluded_at"] = r->concluded_at;
        }
        json log = json::array();
        for (const ExerciseRun* r : state.project_log(gid)) {
            json& o = log.emplace_back(json::object());
            o["run"] = r->id;
            o["exercise"] = r->exercise;
            o["gathering"] = r->gathering;
            o["concluded_at"] = r->concluded_at;
        }
        json group = {{"id", gid},
                      {"name", g.name},
                      {"services", g.services},
                      {"project", g.project},
                      {"archived", g.archived},
                      {"participants", state.participants_in(gid)},
                      {"present", presence.present_in(state, gid, now)},
                      {"lead", state.lead_of(gid) ? json(state.lead_of(gid)) : json(nullptr)},
                      {"lead_asked", state.lead_asked(gid) ? json(state.lead_asked(gid)) : json(nullptr)},
                      {"log", std::move(log)},
                      {"runs", std::move(runs)},
                      {"run", nullptr}};
        // The group's table screen (GET /table), what a TV at its table opens.
        group["table_url"] =
            origin.empty() || !state.room() ? json(nullptr) : json(table_screen_link(origin, state.room()->code, gid));
        if (const ExerciseRun* run = state.current_run(gid)) {
            json notes = json::array();
            for (const Note* n : state.notes_of_run(run->id)) {
                const Participant* author = state.participant(n->author);
                notes.push_back({{"id", n->id},
                                 {"text", n->text},
                                 {"zone", n->zone},
                                 {"author", author ? author->name : std::string()},
                                 {"revealed", n->revealed},
                                 {"highlighted", n->highlighted},
                                 {"x", n->x},
                                 {"y", n->y},
                                 {"cluster", n->cluster},
                                 {"parent", n->parent},
                                 {"step", n->step},
                                 {"fields", n->fields},
                                 {"dots", state.dots_on(n->id)},
                                 {"merged", state.merged_count(n->id)}});
            }
            json clusters = json::array();
            for (const Cluster* c : state.clusters_of_run(run->id))
                clusters.push_back({{"id", c->id}, {"name", c->name}, {"zone", c->zone}});
            json conclusion = json::object();
            if (const ExerciseDefinition* def = state.definition(*run))
                for (const Step& s : def->steps)
                    for (const FieldDefinition& f : s.fields) conclusion[f.id] = state.conclusion(run->id, f.id);
            const Step* step = state.current_step(*run);
            group["run"] = {
                {"id", run->id},
                {"exercise", run->exercise},
                {"step", run->step},
                {"step_kind", step ? std::string(to_string(step->kind)) : std::string()},
                {"writing_locked", run->writing_locked},
                {"timer", {{"remaining_ms", run->timer.remaining_ms(now)}, {"running", run->timer.running()}}},
                {"done", state.done_count(*run)},
                {"done_present", presence.done_present(state, *run, now)},
                {"gathering", run->gathering},
                {"concluded_at", run->concluded_at},
                {"notes", std::move(notes)},
                {"clusters", std::move(clusters)},
                {"conclusion", std::move(conclusion)}};
        }
        groups.push_back(std::move(group));
    }
    json exercises = json::array();
    for (const auto& [id, def] : state.catalog().all()) exercises.push_back(id);
    json gatherings = json::array();
    for (const auto& [id, g] : state.gatherings())
        gatherings.push_back({{"id", id},
                              {"number", g.number},
                              {"title", g.title},
                              {"date", g.date},
                              {"archived", g.archived},
                              {"agenda", state.agenda(id)}});
    json participants = json::array();
    for (const auto& [id, p] : state.participants()) {
        if (p.removed) continue;
        participants.push_back({{"id", id},
                                {"group", p.group},
                                {"name", p.name},
                                {"joined_at", p.joined_at},
                                {"last_seen", presence.seen_at(state, id)},
                                {"present", presence.present(state, id, now)}});
    }
    json room = nullptr;
    if (state.room())
        room = {{"code", state.room()->code},
                {"name", state.room()->name},
                {"title", state.room_title()},
                {"language", to_string(state.room()->language)}};
    json remotes = json::array();  // the paired ones: a revoked remote is gone for good
    for (const auto& [id, r] : state.remotes())
        if (!r.revoked) remotes.push_back({{"id", id}, {"name", r.name}, {"paired_at", r.paired_at}});
    json broadcast = nullptr;
    if (const auto& b = state.broadcast()) broadcast = broadcast_json(*b);
    return {{"revision", state.revision()},
            {"remotes", std::move(remotes)},
            {"broadcast", std::move(broadcast)},
            {"programme", state.programme()},
            {"gatherings", std::move(gatherings)},
            {"open_gathering", state.open_gathering() ? json(state.open_gathering()->id) : json(nullptr)},
            {"retention_months", state.retention_months()},
            {"pulse_threshold", state.pulse_threshold()},
            {"room", std::move(room)},
            {"participants", std::move(participants)},
            {"groups", std::move(groups)},
            {"exercises", std::move(exercises)}};
}

}  // namespace samling
