// Parsing and validating exercise files. Every rule a facilitator can break gets its own
// message naming the file and the place, so a bad file is fixed without reading C++.
#include "core/exercise.hpp"

#include "core/data_file.hpp"
#include "core/instrument.hpp"

#include <nlohmann/json.hpp>

#include <set>

namespace samling {
namespace {

using data_file::invalid;
using data_file::is_identifier;
using data_file::Problem;
using data_file::read_flag;
using data_file::read_text;
using nlohmann::json;

constexpr std::string_view known_layouts[] = {"columns", "fishbone", "rings", "grid"};

bool is_colour(const std::string& s) {
    if (s.size() != 7 || s[0] != '#') return false;
    for (std::size_t i = 1; i < s.size(); ++i)
        if (!std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
    return true;
}

std::optional<StepKind> parse_kind(const std::string& s) {
    for (StepKind k : {StepKind::write, StepKind::reveal, StepKind::organise, StepKind::vote, StepKind::conclude,
                       StepKind::pulse, StepKind::status})
        if (to_string(k) == s) return k;
    return std::nullopt;
}

std::optional<Problem> read_zones(const json& doc, ExerciseDefinition& def) {
    if (!doc.contains("zones")) return std::nullopt;
    if (!doc["zones"].is_array()) return Problem{"zones", "must be a list"};
    std::set<std::string> seen;
    for (std::size_t i = 0; i < doc["zones"].size(); ++i) {
        const json& z = doc["zones"][i];
        const std::string where = "zones[" + std::to_string(i) + "]";
        if (!z.is_object()) return Problem{where, "must be an object"};
        Zone zone;
        if (!z.contains("id") || !z["id"].is_string() || !is_identifier(z["id"].get<std::string>()))
            return Problem{where, "\"id\" must be lower-case letters, digits, _ or -"};
        zone.id = z["id"].get<std::string>();
        if (!seen.insert(zone.id).second) return Problem{where, "zone id \"" + zone.id + "\" is used twice"};
        if (auto p = read_text(z, "label", where, true, zone.label)) return p;
        zone.colour = z.value("colour", std::string("#FFE27A"));
        if (!is_colour(zone.colour)) return Problem{where, "\"colour\" must look like #RRGGBB"};
        if (auto p = read_flag(z, "recap", where, zone.recap)) return p;
        def.zones.push_back(std::move(zone));
    }
    return std::nullopt;
}

// Reads a list of {"id", "label", ...} objects with unique ids; `each` reads the rest of one.
template <typename Each>
std::optional<Problem> read_fields(const json& s, const char* key, const std::string& where, Each each) {
    if (!s[key].is_array()) return Problem{where, std::string("\"") + key + "\" must be a list"};
    std::set<std::string> seen;
    for (std::size_t i = 0; i < s[key].size(); ++i) {
        const json& f = s[key][i];
        const std::string fw = where + "." + key + "[" + std::to_string(i) + "]";
        if (!f.is_object() || !f.contains("id") || !f["id"].is_string() || !is_identifier(f["id"].get<std::string>()))
            return Problem{fw, "\"id\" must be lower-case letters, digits, _ or -"};
        const std::string id = f["id"].get<std::string>();
        if (!seen.insert(id).second) return Problem{fw, "field id \"" + id + "\" is used twice"};
        LocalText label;
        if (auto p = read_text(f, "label", fw, true, label)) return p;
        if (auto p = each(f, fw, id, std::move(label))) return p;
    }
    return std::nullopt;
}

std::optional<Problem> read_step(const json& s, const std::string& where, const ExerciseDefinition& def, Step& step) {
    if (!s.is_object()) return Problem{where, "must be an object"};
    if (!s.contains("kind") || !s["kind"].is_string()) return Problem{where, "missing \"kind\""};
    const auto kind = parse_kind(s["kind"].get<std::string>());
    if (!kind)
        return Problem{where, "unknown step kind \"" + s["kind"].get<std::string>() +
                                  "\" (write, reveal, organise, vote, conclude, pulse, status)"};
    step.kind = *kind;
    step.id = s.value("id", std::string(to_string(step.kind)));
    if (!is_identifier(step.id)) return Problem{where, "\"id\" must be lower-case letters, digits, _ or -"};
    if (auto p = read_text(s, "prompt", where, true, step.prompt)) return p;
    if (auto p = read_text(s, "instructions", where, false, step.instructions)) return p;
    if (s.contains("timer_seconds")) {
        if (!s["timer_seconds"].is_number_integer() || s["timer_seconds"].get<int>() < 0 ||
            s["timer_seconds"].get<int>() > 4 * 3600)
            return Problem{where, "\"timer_seconds\" must be a whole number from 0 to 14400"};
        step.timer_seconds = s["timer_seconds"].get<int>();
    }
    if (auto p = read_flag(s, "silent", where, step.silent)) return p;
    if (s.contains("zones")) {
        if (!s["zones"].is_array()) return Problem{where, "\"zones\" must be a list of zone ids"};
        for (const json& z : s["zones"]) {
            if (!z.is_string() || !def.zone(z.get<std::string>()))
                return Problem{where, "zone \"" + (z.is_string() ? z.get<std::string>() : z.dump()) +
                                          "\" is not in the exercise's \"zones\""};
            step.zones.push_back(z.get<std::string>());
        }
    }
    for (auto [key, field] :
         {std::pair{"hide_totals", &step.hide_totals}, {"chain", &step.chain}, {"proposals", &step.proposals}})
        if (auto p = read_flag(s, key, where, *field)) return p;
    if (step.chain && step.kind != StepKind::write) return Problem{where, "\"chain\" belongs to a write step"};
    if (step.proposals && step.kind != StepKind::conclude)
        return Problem{where, "\"proposals\" belongs to a conclude step"};
    if (s.contains("note_fields")) {
        if (step.kind != StepKind::write) return Problem{where, "\"note_fields\" belong to a write step"};
        auto p = read_fields(
            s, "note_fields", where,
            [&](const json& f, const std::string& fw, std::string id, LocalText label) -> std::optional<Problem> {
                NoteFieldDefinition field{std::move(id), std::move(label), NoteFieldDefinition::Kind::text};
                const std::string kind = f.value("kind", std::string("text"));
                if (kind == "date")
                    field.kind = NoteFieldDefinition::Kind::date;
                else if (kind != "text")
                    return Problem{fw, "\"kind\" must be \"text\" or \"date\""};
                step.note_fields.push_back(std::move(field));
                return std::nullopt;
            });
        if (p) return p;
    }
    if (s.contains("fields")) {
        if (step.kind != StepKind::conclude) return Problem{where, "\"fields\" belong to a conclude step"};
        auto p = read_fields(
            s, "fields", where,
            [&](const json& f, const std::string& fw, std::string id, LocalText label) -> std::optional<Problem> {
                FieldDefinition field{std::move(id), std::move(label), {}};
                if (auto problem = read_text(f, "hint", fw, false, field.hint)) return problem;
                if (auto problem = read_flag(f, "recap", fw, field.recap)) return problem;
                step.fields.push_back(std::move(field));
                return std::nullopt;
            });
        if (p) return p;
    }
    if (step.kind == StepKind::conclude && step.fields.empty())
        return Problem{where, "a conclude step needs \"fields\": what the group concludes"};
    if (step.kind == StepKind::vote) {
        if (!s.contains("votes") || !s["votes"].is_number_integer() || s["votes"].get<int>() < 1 ||
            s["votes"].get<int>() > 50)
            return Problem{where, "a vote step needs \"votes\": the dots per participant, 1 to 50"};
        step.vote_budget = s["votes"].get<int>();
    }
    // Which instrument exists is known only once every file is read: the loader checks the id.
    if (s.contains("instrument") != (step.kind == StepKind::pulse))
        return Problem{where, "\"instrument\" belongs to a pulse step, and a pulse step needs one"};
    if (step.kind == StepKind::pulse) {
        if (!s["instrument"].is_string() || !is_identifier(s["instrument"].get<std::string>()))
            return Problem{where, "\"instrument\" must be an instrument's id"};
        step.instrument = s["instrument"].get<std::string>();
    }
    // Like a context source, the other exercise may be in a file not read yet.
    if (s.contains("measures") != (step.kind == StepKind::status))
        return Problem{where, "\"measures\" belongs to a status step, and a status step needs one"};
    if (step.kind == StepKind::status) {
        const json& m = s["measures"];
        if (!m.is_object() || !m.contains("exercise") || !m["exercise"].is_string() ||
            !is_identifier(m["exercise"].get<std::string>()) || !m.contains("zone") || !m["zone"].is_string() ||
            !is_identifier(m["zone"].get<std::string>()))
            return Problem{where, "\"measures\" must be {\"exercise\": id, \"zone\": id}"};
        step.measures_exercise = m["exercise"].get<std::string>();
        step.measures_zone = m["zone"].get<std::string>();
    }
    return std::nullopt;
}

// "context": [{"exercise", "field" | "zone", "label"}]. The other exercise may be in a file
// not read yet, so its ids are checked where they are used: a missing one shows nothing.
std::optional<Problem> read_context(const json& doc, ExerciseDefinition& def) {
    if (!doc.contains("context")) return std::nullopt;
    if (!doc["context"].is_array()) return Problem{"context", "must be a list"};
    for (std::size_t i = 0; i < doc["context"].size(); ++i) {
        const json& c = doc["context"][i];
        const std::string where = "context[" + std::to_string(i) + "]";
        if (!c.is_object()) return Problem{where, "must be an object"};
        ContextSource source;
        for (auto [key, out] :
             {std::pair{"exercise", &source.exercise}, {"field", &source.field}, {"zone", &source.zone}}) {
            if (!c.contains(key)) continue;
            if (!c[key].is_string() || !is_identifier(c[key].get<std::string>()))
                return Problem{where, std::string("\"") + key + "\" must be lower-case letters, digits, _ or -"};
            *out = c[key].get<std::string>();
        }
        if (source.exercise.empty()) return Problem{where, "missing \"exercise\": the exercise it comes from"};
        if (source.field.empty() == source.zone.empty())
            return Problem{where, "needs either \"field\" (a conclusion field) or \"zone\" (the notes in a zone)"};
        if (auto p = read_text(c, "label", where, true, source.label)) return p;
        def.context.push_back(std::move(source));
    }
    return std::nullopt;
}

// Whether a conclude step of `def` declares the field `id`.
bool own_conclusion_field(const ExerciseDefinition& def, const std::string& id) {
    for (const Step& step : def.steps)
        for (const FieldDefinition& f : step.fields)
            if (f.id == id) return true;
    return false;
}

}  // namespace

const std::string& LocalText::in(Language lang) const {
    switch (lang) {
        case Language::nn:
            return nn.empty() ? nb : nn;
        case Language::en:
            return en.empty() ? nb : en;
        case Language::nb:
            break;
    }
    return nb;
}

std::string_view to_string(Anonymity a) {
    switch (a) {
        case Anonymity::hidden:
            return "hidden";
        case Anonymity::facilitator:
            return "facilitator";
        case Anonymity::projector:
            return "projector";
    }
    return "hidden";
}

std::string_view to_string(StepKind kind) {
    switch (kind) {
        case StepKind::write:
            return "write";
        case StepKind::reveal:
            return "reveal";
        case StepKind::organise:
            return "organise";
        case StepKind::vote:
            return "vote";
        case StepKind::conclude:
            return "conclude";
        case StepKind::pulse:
            return "pulse";
        case StepKind::status:
            return "status";
    }
    return "write";
}

const Zone* ExerciseDefinition::zone(std::string_view zone_id) const {
    for (const Zone& z : zones)
        if (z.id == zone_id) return &z;
    return nullptr;
}

Result<ExerciseDefinition> parse_exercise(std::string_view json_text, std::string_view source) {
    auto parsed = data_file::parse_object(json_text, source);
    if (!parsed) return parsed.error();
    json doc = std::move(parsed.value());

    ExerciseDefinition def;
    if (!doc.contains("id") || !doc["id"].is_string() || !is_identifier(doc["id"].get<std::string>()))
        return invalid(source, {"id", "must be lower-case letters, digits, _ or -"});
    def.id = doc["id"].get<std::string>();
    if (auto p = read_text(doc, "title", "", true, def.title)) return invalid(source, *p);
    if (auto p = read_text(doc, "purpose", "", true, def.purpose)) return invalid(source, *p);
    def.layout = doc.value("layout", std::string("columns"));
    if (std::find(std::begin(known_layouts), std::end(known_layouts), def.layout) == std::end(known_layouts))
        return invalid(source, {"layout", "unknown layout \"" + def.layout + "\" (columns, fishbone, rings, grid)"});
    if (doc.contains("anonymity")) {
        const std::string a = doc["anonymity"].is_string() ? doc["anonymity"].get<std::string>() : "";
        if (a == "hidden")
            def.anonymity = Anonymity::hidden;
        else if (a == "facilitator")
            def.anonymity = Anonymity::facilitator;
        else if (a == "projector")
            def.anonymity = Anonymity::projector;
        else
            return invalid(source, {"anonymity", "must be \"hidden\", \"facilitator\" or \"projector\""});
    }
    if (auto p = read_zones(doc, def)) return invalid(source, *p);
    if (doc.contains("axes")) {
        if (!doc["axes"].is_object()) return invalid(source, {"axes", "must be an object with x and y"});
        Axes axes;
        if (auto p = read_text(doc["axes"], "x", "axes", true, axes.x)) return invalid(source, *p);
        if (auto p = read_text(doc["axes"], "y", "axes", true, axes.y)) return invalid(source, *p);
        def.axes = axes;
    }
    if (def.layout == "grid" && !def.axes) return invalid(source, {"axes", "a grid layout needs \"axes\""});
    if (def.layout == "grid" && def.zones.size() != 4)
        return invalid(source, {"zones",
                                "a grid layout needs four zones: the quadrants, top-left, top-right, "
                                "bottom-left, bottom-right"});
    if (doc.contains("head")) {
        const json& h = doc["head"];
        if (!h.is_object() || (h.contains("exercise") && !h["exercise"].is_string()) || !h.contains("field") ||
            !h["field"].is_string())
            return invalid(source, {"head", "must be {\"exercise\": id, \"field\": id} or {\"field\": id}"});
        if (def.layout != "fishbone") return invalid(source, {"head", "only a fishbone layout has a head"});
        def.head = HeadSource{h.value("exercise", std::string()), h["field"].get<std::string>()};
    }
    if (auto p = read_context(doc, def)) return invalid(source, *p);
    if (!doc.contains("steps") || !doc["steps"].is_array() || doc["steps"].empty())
        return invalid(source, {"steps", "needs at least one step"});
    for (std::size_t i = 0; i < doc["steps"].size(); ++i) {
        Step step;
        if (auto p = read_step(doc["steps"][i], "steps[" + std::to_string(i) + "]", def, step))
            return invalid(source, *p);
        def.steps.push_back(std::move(step));
    }
    if (def.head && def.head->exercise.empty() && !own_conclusion_field(def, def.head->field))
        return invalid(source, {"head", "names no conclusion field of this exercise: \"" + def.head->field + "\""});
    return def;
}

void ExerciseCatalog::add(ExerciseDefinition def) {
    const std::string id = def.id;
    defs_.insert_or_assign(id, std::move(def));
}

const ExerciseDefinition* ExerciseCatalog::find(std::string_view id) const {
    auto it = defs_.find(id);
    return it == defs_.end() ? nullptr : &it->second;
}

void ExerciseCatalog::set_instruments(std::shared_ptr<const InstrumentCatalog> instruments) {
    instruments_ = std::move(instruments);
}

const Instrument* ExerciseCatalog::instrument(std::string_view id) const {
    return instruments_ ? instruments_->find(id) : nullptr;
}

}  // namespace samling
