// The programme views' texts (generated from i18n/strings.json) and how dates are written.
// Must not depend on ImGui, GLFW or the workshop state.
#include "ui/programme/programme_strings.hpp"

#include <ctime>

#include "core/dates.hpp"
#include "core/phrase.hpp"
#include "core/string_table.hpp"
#include "platform/platform.hpp"

namespace samling {
namespace {

std::string day_month(const ProgrammeStrings& s, int day, int month) {
    return fill(s.day_month, {{"day", std::to_string(day)}, {"month", s.months[static_cast<std::size_t>(month - 1)]}});
}

}  // namespace

const ProgrammeStrings& programme_strings(Language lang) {
    return string_table<ProgrammeStrings>(lang);
}

std::string short_date(const ProgrammeStrings& s, std::string_view iso) {
    const auto date = parse_iso_date(iso);
    if (!date) return std::string(iso);
    return day_month(s, static_cast<int>(static_cast<unsigned>(date->day())),
                     static_cast<int>(static_cast<unsigned>(date->month())));
}

std::string field_values_line(const NoteFieldValues& fields, const ProgrammeStrings& s) {
    std::string out;
    for (const auto& [field, value] : fields) {
        if (!out.empty()) out += " · ";
        out += field->kind == NoteFieldDefinition::Kind::date ? short_date(s, value) : value;
    }
    return out;
}

std::string short_date(const ProgrammeStrings& s, Timestamp at) {
    const std::time_t t = static_cast<std::time_t>(at / 1000);
    const auto local = platform::local_time(t);
    if (!local) return {};
    return day_month(s, local->tm_mday, local->tm_mon + 1);
}

std::string gathering_label(const ProgrammeStrings& s, const Gathering& g) {
    std::string label = fill(s.gathering_number, {{"n", std::to_string(g.number)}});
    if (!g.date.empty()) label += " · " + short_date(s, g.date);
    return label;
}

std::string export_progress(const ProgrammeStrings& s, std::string_view format, int done, int total) {
    return fill(s.exporting, {{"format", format}, {"n", std::to_string(done)}, {"m", std::to_string(total)}});
}

std::string pictures_summary(const ProgrammeStrings& s, int pictured, int failed, const std::string& error) {
    std::string text = fill(s.pictures_caught_up, {{"n", std::to_string(pictured)}});
    if (failed > 0) text += "; " + fill(s.pictures_not_saved, {{"n", std::to_string(failed)}, {"why", error}});
    return text;
}

}  // namespace samling
