// The raw notes as CSV and the whole log as JSON (with the pulses', measures' and indicators'
// figures), for a municipality's own spreadsheets and archives. Votes leave only as totals per note: who voted never
// leaves the laptop, nor who wrote a note. Depends on nlohmann-json and the export model.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/measures.hpp"
#include "export/encoding.hpp"
#include "export/pulse_figures.hpp"
#include "export/renderers.hpp"

namespace samling {
namespace {

std::string id_or_empty(Id id) {
    return id == 0 ? std::string() : std::to_string(id);
}

nlohmann::json id_or_null(Id id) {
    return id == 0 ? nlohmann::json(nullptr) : nlohmann::json(id);
}

nlohmann::json number_or_null(int n) {
    return n == 0 ? nlohmann::json(nullptr) : nlohmann::json(n);
}

nlohmann::json gathering_json(const std::optional<GatheringInfo>& g) {
    if (!g) return nullptr;
    return {{"number", g->number},
            {"title", g->title},
            {"date", g->date.empty() ? nlohmann::json(nullptr) : nlohmann::json(g->date)}};
}

}  // namespace

std::string render_csv(const std::vector<NoteRow>& rows) {
    // The byte-order mark is there for Excel: without it Excel reads a CSV file in the
    // Windows code page and shows æ, ø and å as "Ã¦", "Ã¸" and "Ã¥". Other tools skip it.
    std::string out = "\xEF\xBB\xBF";
    // A note field (a measure's owner, its start date) gets a column of its own, so a
    // spreadsheet can sort and filter by it: field_owner, field_start... in first-seen order.
    std::vector<std::string> field_ids;
    for (const NoteRow& r : rows)
        for (const auto& [id, value] : r.fields)
            if (std::find(field_ids.begin(), field_ids.end(), id) == field_ids.end()) field_ids.push_back(id);
    out +=
        "gathering_number,gathering_title,exercise,run,note,step,zone,zone_label,cluster,parent,"
        "merged_into,text,dots,merged_count,created_at,updated_at,concluded";
    for (const std::string& id : field_ids) out += ",field_" + id;  // ids are [a-z0-9_-]: safe as they are
    out += "\r\n";
    for (const NoteRow& r : rows) {
        using encode::csv_field;
        using encode::csv_text;
        out += (r.gathering_number ? std::to_string(r.gathering_number) : std::string()) + ",";
        out += csv_text(r.gathering_title) + ",";
        out += csv_field(r.exercise) + ",";
        out += std::to_string(r.run) + "," + std::to_string(r.note) + ",";
        out += csv_field(r.step) + "," + csv_field(r.zone) + "," + csv_text(r.zone_label) + ",";
        out += csv_text(r.cluster) + ",";
        out += id_or_empty(r.parent) + "," + id_or_empty(r.merged_into) + ",";
        out += csv_text(r.text) + ",";
        out += std::to_string(r.dots) + "," + std::to_string(r.merged_count) + ",";
        out += encode::iso8601_utc(r.created_at) + "," + encode::iso8601_utc(r.updated_at) + ",";
        out += r.concluded ? "yes" : "no";
        for (const std::string& id : field_ids) {
            const auto v = r.fields.find(id);
            out += "," + (v == r.fields.end() ? std::string() : csv_text(v->second));
        }
        out += "\r\n";  // RFC 4180 ends records with CRLF
    }
    return out;
}

std::string render_json(const ProjectLog& log, const std::vector<NoteRow>& rows, Timestamp now) {
    using nlohmann::json;
    json doc;
    doc["format"] = "samling-project-log";
    doc["version"] = 1;
    doc["exported_at"] = encode::iso8601_utc(now);
    doc["language"] = std::string(to_string(log.language));
    doc["programme"] = log.programme;
    doc["group"] = {{"id", log.group}, {"name", log.group_name}, {"services", log.services}, {"project", log.project}};
    json gatherings = json::array();
    for (const GatheringInfo& g : log.gatherings) gatherings.push_back(gathering_json(g));
    doc["gatherings"] = gatherings;

    json entries = json::array();
    for (const LogEntry& e : log.entries) {
        json conclusion = json::array();
        for (const LabelledText& f : e.conclusion)
            conclusion.push_back({{"field", f.id}, {"label", f.label}, {"text", f.text}});
        json top = json::array();
        for (const VotedNote& n : e.top_voted)
            top.push_back({{"note", n.id}, {"text", n.text}, {"dots", n.dots}, {"zone", n.zone}});
        entries.push_back({{"run", e.run},
                           {"exercise", e.exercise},
                           {"title", e.title},
                           {"gathering", gathering_json(e.gathering)},
                           {"concluded_at", encode::iso8601_utc(e.concluded_at)},
                           {"conclusion", conclusion},
                           {"top_voted", top},
                           {"why_chains", e.why_chains},
                           {"snapshot", e.snapshot.empty() ? json(nullptr) : json(snapshot_name(e.run))}});
    }
    doc["entries"] = entries;

    json notes = json::array();
    for (const NoteRow& r : rows) {
        json fields = json::object();
        for (const auto& [k, v] : r.fields) fields[k] = v;
        notes.push_back({{"gathering", number_or_null(r.gathering_number)},
                         {"gathering_title", r.gathering_title},
                         {"exercise", r.exercise},
                         {"run", r.run},
                         {"run_concluded", r.concluded},
                         {"note", r.note},
                         {"step", r.step},
                         {"zone", r.zone},
                         {"zone_label", r.zone_label},
                         {"cluster", r.cluster},
                         {"parent", id_or_null(r.parent)},
                         {"merged_into", id_or_null(r.merged_into)},
                         {"text", r.text},
                         {"fields", fields},
                         {"dots", r.dots},
                         {"merged_count", r.merged_count},
                         {"created_at", encode::iso8601_utc(r.created_at)},
                         {"updated_at", encode::iso8601_utc(r.updated_at)}});
    }
    doc["notes"] = notes;
    // Figures only, as the contract says: under the threshold not even a mean or a distribution.
    json pulses = json::array();
    for (const PulseFigure& f : pulse_figures(log.pulses, log.language)) {
        json one = {{"gathering", number_or_null(f.gathering_number)},
                    {"instrument", f.instrument},
                    {"statement", f.statement},
                    {"n", f.n}};
        if (f.suppressed) {
            one["suppressed"] = true;
        } else {
            json distribution = json::object();
            for (const auto& [point, k] : f.distribution) distribution[std::to_string(point)] = k;
            one["mean"] = f.mean;
            one["distribution"] = distribution;
        }
        pulses.push_back(std::move(one));
    }
    doc["pulses"] = pulses;
    doc["pulse_threshold"] = log.pulse_threshold;
    json measures = json::array();
    for (const MeasureTrail& m : log.measures) {
        json trail = json::array();
        for (const MeasureStep& step : m.trail)
            trail.push_back({{"gathering", number_or_null(step.place.gathering_number)},
                             {"status", std::string(to_string(step.status))},
                             {"text", step.text},
                             {"reported_at", encode::iso8601_utc(step.place.at)}});
        measures.push_back({{"note", m.note},
                            {"text", m.text},
                            {"owner", m.owner},
                            {"set_in_gathering", number_or_null(m.planned_at)},
                            {"trail", trail}});
    }
    doc["measures"] = measures;
    json indicators = json::array();
    for (const IndicatorSeries& i : log.indicators) {
        json values = json::array();
        for (const IndicatorPoint& p : i.values)
            values.push_back({{"gathering", number_or_null(p.place.gathering_number)}, {"value", p.value}});
        indicators.push_back({{"note", i.note},
                              {"name", i.name},
                              {"measure", i.measure},
                              {"unit", i.unit},
                              {"baseline", i.baseline ? json(*i.baseline) : json(nullptr)},
                              {"target", i.target ? json(*i.target) : json(nullptr)},
                              {"source", i.source},
                              {"values", values}});
    }
    doc["indicators"] = indicators;
    // Texts are checked as UTF-8 on the way in; replace rather than throw if one is not.
    return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace samling
