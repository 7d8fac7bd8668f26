// Parsing and validating instrument files: each mistake named with the file and the place.
#include "core/instrument.hpp"

#include <set>

#include "core/data_file.hpp"

namespace samling {
namespace {

using data_file::Problem;
using nlohmann::json;

constexpr int max_statements = 30;  // a pulse answered in minutes, not a survey
constexpr int max_scale_points = 11;

std::optional<Problem> read_string(const json& doc, const char* key, std::string& out) {
    if (!doc.contains(key) || !doc[key].is_string() || doc[key].get<std::string>().empty())
        return Problem{key, "missing (a text)"};
    out = doc[key].get<std::string>();
    return std::nullopt;
}

std::optional<Problem> read_scale(const json& doc, Scale& scale) {
    if (!doc.contains("scale") || !doc["scale"].is_object())
        return Problem{"scale", "missing: {\"min\", \"max\", \"labels\"}"};
    const json& s = doc["scale"];
    if (!s.contains("min") || !s["min"].is_number_integer() || !s.contains("max") || !s["max"].is_number_integer())
        return Problem{"scale", "\"min\" and \"max\" must be whole numbers"};
    scale.min = s["min"].get<int>();
    scale.max = s["max"].get<int>();
    if (scale.min < 0 || scale.max <= scale.min || scale.max - scale.min + 1 > max_scale_points)
        return Problem{"scale", "needs 0 <= min < max and at most " + std::to_string(max_scale_points) + " points"};
    if (!s.contains("labels") || !s["labels"].is_object())
        return Problem{"scale.labels", "missing: words for at least the two ends, e.g. {\"1\": …, \"7\": …}"};
    for (const auto& [key, value] : s["labels"].items()) {
        const std::string where = "scale.labels." + key;
        int point = 0;
        try {
            std::size_t used = 0;
            point = std::stoi(key, &used);
            if (used != key.size()) throw std::invalid_argument(key);
        } catch (const std::exception&) {
            return Problem{where, "a label's key must be a point on the scale"};
        }
        if (!scale.holds(point)) return Problem{where, "is not on the scale"};
        LocalText label;
        const json wrapped = {{"label", value}};
        if (auto p = data_file::read_text(wrapped, "label", where, true, label)) return Problem{where, p->what};
        scale.labels[point] = std::move(label);
    }
    if (!scale.labels.count(scale.min) || !scale.labels.count(scale.max))
        return Problem{"scale.labels", "needs words for both ends of the scale"};
    return std::nullopt;
}

std::optional<Problem> read_statements(const json& doc, Instrument& out) {
    if (!doc.contains("statements") || !doc["statements"].is_array() || doc["statements"].empty())
        return Problem{"statements", "needs at least one statement"};
    if (doc["statements"].size() > static_cast<std::size_t>(max_statements))
        return Problem{"statements", "at most " + std::to_string(max_statements) + " statements"};
    std::set<std::string> seen;
    for (std::size_t i = 0; i < doc["statements"].size(); ++i) {
        const json& s = doc["statements"][i];
        const std::string where = "statements[" + std::to_string(i) + "]";
        if (!s.is_object() || !s.contains("id") || !s["id"].is_string() ||
            !data_file::is_identifier(s["id"].get<std::string>()))
            return Problem{where, "\"id\" must be lower-case letters, digits, _ or -"};
        PulseStatement statement;
        statement.id = s["id"].get<std::string>();
        if (!seen.insert(statement.id).second)
            return Problem{where, "statement id \"" + statement.id + "\" is used twice"};
        if (auto p = data_file::read_text(s, "text", where, true, statement.text)) return p;
        if (auto p = data_file::read_flag(s, "reverse", where, statement.reverse)) return p;
        out.statements.push_back(std::move(statement));
    }
    return std::nullopt;
}

}  // namespace

const PulseStatement* Instrument::statement(std::string_view statement_id) const {
    for (const PulseStatement& s : statements)
        if (s.id == statement_id) return &s;
    return nullptr;
}

Result<Instrument> parse_instrument(std::string_view json_text, std::string_view source) {
    auto parsed = data_file::parse_object(json_text, source);
    if (!parsed) return parsed.error();
    const json& doc = parsed.value();
    auto invalid = [&](const Problem& p) { return data_file::invalid(source, p); };

    Instrument out;
    if (!doc.contains("id") || !doc["id"].is_string() || !data_file::is_identifier(doc["id"].get<std::string>()))
        return invalid({"id", "must be lower-case letters, digits, _ or -"});
    out.id = doc["id"].get<std::string>();
    if (auto p = data_file::read_text(doc, "title", "", true, out.title)) return invalid(*p);
    if (auto p = data_file::read_text(doc, "about", "", true, out.about)) return invalid(*p);
    // Shown with every result: whoever adds an instrument says whose words they are.
    if (auto p = read_string(doc, "licence", out.licence)) return invalid(*p);
    if (auto p = read_string(doc, "citation", out.citation)) return invalid(*p);
    if (auto p = read_scale(doc, out.scale)) return invalid(*p);
    if (auto p = read_statements(doc, out)) return invalid(*p);
    return out;
}

void InstrumentCatalog::add(Instrument instrument) {
    const std::string id = instrument.id;
    instruments_.insert_or_assign(id, std::move(instrument));
}

const Instrument* InstrumentCatalog::find(std::string_view id) const {
    const auto it = instruments_.find(id);
    return it == instruments_.end() ? nullptr : &it->second;
}

}  // namespace samling
