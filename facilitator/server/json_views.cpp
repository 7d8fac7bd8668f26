// Serialising what a phone may see. Never serialises a secret or another person's name.
#include "server/json_views.hpp"

namespace samling {

using nlohmann::json;

json to_json(const ParticipantView::NoteView& n) {
    json out = {{"id", n.id},
                {"text", n.text},
                {"zone", n.zone},
                {"mine", n.mine},
                {"my_votes", n.my_votes},
                {"cluster", n.cluster == 0 ? json(nullptr) : json(n.cluster)},
                {"parent", n.parent == 0 ? json(nullptr) : json(n.parent)},
                {"step", n.step},
                {"fields", n.fields},
                {"highlighted", n.highlighted},
                {"created_at", n.created_at},
                {"updated_at", n.updated_at}};
    if (n.dots) out["dots"] = *n.dots;  // only once the vote is over (participant_view.hpp)
    return out;
}

json to_json(const ParticipantView::MeasureView& m) {
    json fields = json::array();
    for (const auto& f : m.fields) fields.push_back({{"label", f.label}, {"value", f.value}, {"kind", f.kind}});
    const auto or_null = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
    json out = {
        {"note", m.note},
        {"text", m.text},
        {"fields", fields},
        {"status", or_null(m.status)},
        {"report", m.report},
        {"last", m.last_status.empty() ? json(nullptr) : json{{"status", m.last_status}, {"report", m.last_report}}},
        {"mine", m.mine}};
    if (m.indicator) {
        const auto number = [](const std::optional<double>& x) { return x ? json(*x) : json(nullptr); };
        const auto& i = *m.indicator;
        out["indicator"] = {{"name", i.name},
                            {"unit", i.unit},
                            {"source", i.source},
                            {"baseline", number(i.baseline)},
                            {"target", number(i.target)},
                            {"value", number(i.value)}};
    }
    return out;
}

json to_json(const ParticipantView& v) {
    json out = {
        {"revision", v.revision},
        {"room", {{"name", v.room.name}, {"language", to_string(v.room.language)}}},
        {"participant",
         {{"id", v.participant.id},
          {"group", v.participant.group},
          {"name", v.participant.name},
          {"lead", v.lead == ParticipantView::Lead::me},
          {"lead_asked", v.lead == ParticipantView::Lead::asked}}},
        {"group",
         {{"id", v.group.id},
          {"name", v.group.name},
          {"has_lead", v.lead == ParticipantView::Lead::me || v.lead == ParticipantView::Lead::other}}},
        {"activity", nullptr},
        {"notes", json::array()},
    };
    if (v.activity) {
        const auto& a = *v.activity;
        json zones = json::array();
        for (const auto& z : a.zones) zones.push_back({{"id", z.id}, {"label", z.label}, {"colour", z.colour}});
        json clusters = json::array();
        for (const auto& c : a.clusters) clusters.push_back({{"id", c.id}, {"name", c.name}, {"zone", c.zone}});
        json note_fields = json::array();
        for (const auto& f : a.step.note_fields)
            note_fields.push_back({{"id", f.id}, {"label", f.label}, {"kind", f.kind}});
        json fields = json::array();
        for (const auto& f : a.fields)
            fields.push_back({{"id", f.id}, {"label", f.label}, {"hint", f.hint}, {"text", f.text}});
        json context = json::array();
        for (const auto& c : a.context) {
            json notes = json::array();
            for (const auto& n : c.notes) {
                json fields = json::array();
                for (const auto& f : n.fields)
                    fields.push_back({{"label", f.label}, {"value", f.value}, {"kind", f.kind}});
                notes.push_back({{"text", n.text}, {"fields", fields}});
            }
            context.push_back({{"label", c.label}, {"text", c.text}, {"notes", notes}});
        }
        out["activity"] = {
            {"exercise", a.exercise},
            {"title", a.title},
            {"layout", a.layout},
            {"step",
             {{"index", a.step.index},
              {"count", a.step.count},
              {"id", a.step.id},
              {"kind", to_string(a.step.kind)},
              {"prompt", a.step.prompt},
              {"instructions", a.step.instructions},
              {"timer_seconds", a.step.timer_seconds},
              {"chain", a.step.chain},
              {"proposals", a.step.proposals},
              {"note_fields", note_fields}}},
            {"accepts_notes", a.accepts_notes},
            {"writing_locked", a.writing_locked},
            {"zones", zones},
            {"note_zones", a.note_zones},
            {"votes", a.votes ? json{{"budget", a.votes->budget}, {"left", a.votes->left}} : json(nullptr)},
            {"timer",
             {{"duration_seconds", a.timer.duration_seconds},
              {"remaining_seconds", a.timer.remaining_seconds},
              {"running", a.timer.running},
              {"started", a.timer.started}}},
            {"done", {{"me", a.done.me}, {"count", a.done.count}, {"total", a.done.total}}},
            {"clusters", clusters},
            {"fields", fields},
            {"note_field_labels", a.note_field_labels},
            {"context", context},
        };
        if (a.pulse) {
            const auto& p = *a.pulse;
            json statements = json::array();
            for (const auto& s : p.statements) statements.push_back({{"id", s.id}, {"text", s.text}});
            json labels = json::object();
            for (const auto& [point, label] : p.labels) labels[std::to_string(point)] = label;
            json& step = out["activity"]["step"];
            step["instrument"] = {{"id", p.instrument}, {"title", p.title}};
            step["statements"] = statements;
            step["scale"] = {{"min", p.min}, {"max", p.max}, {"labels", labels}};
            out["activity"]["my_answers"] = p.my_answers;
            out["activity"]["answered"] = p.answered;
        }
        if (a.top) out["activity"]["results"] = {{"top", *a.top}};
        if (a.measures) {
            json measures = json::array();
            for (const auto& m : *a.measures) measures.push_back(to_json(m));
            out["activity"]["measures"] = measures;
        }
        if (a.pulse_result) {
            const auto& r = *a.pulse_result;
            json labels = json::object();
            for (const auto& [point, label] : r.labels) labels[std::to_string(point)] = label;
            json statements = json::array();
            for (const auto& s : r.statements) {
                json one = {{"id", s.id}, {"text", s.text}, {"n", s.n}};
                if (s.suppressed) {
                    one["suppressed"] = true;
                } else {
                    json distribution = json::object();
                    for (const auto& [point, k] : s.distribution) distribution[std::to_string(point)] = k;
                    one["mean"] = s.mean;
                    one["distribution"] = distribution;
                }
                statements.push_back(std::move(one));
            }
            out["activity"]["pulse_result"] = {{"instrument", {{"id", r.instrument}, {"title", r.title}}},
                                               {"licence", r.licence},
                                               {"citation", r.citation},
                                               {"scale", {{"min", r.min}, {"max", r.max}, {"labels", labels}}},
                                               {"respondents", r.respondents},
                                               {"threshold", r.threshold},
                                               {"suppressed", r.suppressed},
                                               {"statements", statements}};
        }
    }
    for (const auto& n : v.notes) out["notes"].push_back(to_json(n));
    return out;
}

json error_body(std::string_view code, std::string_view message) {
    return {{"error", {{"code", code}, {"message", message}}}};
}

int http_status(Errc code) {
    switch (code) {
        case Errc::room_code_invalid:
            return 403;
        case Errc::group_not_found:
            return 404;
        case Errc::unauthorized:
            return 401;
        case Errc::note_not_found:
            return 404;
        case Errc::not_your_note:
            return 403;
        case Errc::text_empty:
            return 422;
        case Errc::text_too_long:
            return 422;
        case Errc::text_invalid:
            return 400;
        case Errc::name_too_long:
            return 422;
        case Errc::client_id_invalid:
            return 422;
        case Errc::zone_unknown:
            return 422;
        case Errc::step_closed:
            return 409;
        case Errc::no_activity:
            return 409;
        case Errc::no_votes_left:
            return 409;
        case Errc::vote_not_found:
            return 404;
        case Errc::invalid_request:
            return 400;
        case Errc::group_has_notes:
            return 409;
        case Errc::nothing_to_undo:
            return 409;
        case Errc::storage_failed:
            return 503;
        case Errc::statement_unknown:
            return 422;
        case Errc::value_out_of_range:
            return 422;
        case Errc::not_lead:
            return 403;
        case Errc::lead_taken:
            return 409;
        case Errc::not_lead_command:
            return 422;
        case Errc::other_group:
            return 403;
        case Errc::status_unknown:
        case Errc::value_invalid:
            return 422;
    }
    return 500;
}

}  // namespace samling
