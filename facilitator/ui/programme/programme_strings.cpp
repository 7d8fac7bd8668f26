// The programme views' texts in nb, nn and en, and date formatting.
// Must not depend on ImGui, GLFW or the workshop state.
#include "ui/programme/programme_strings.hpp"

#include <ctime>

#include "core/dates.hpp"

namespace samling {
namespace {

const ProgrammeStrings nb_strings{
    .gathering = "Samling",
    .months = {"jan.", "feb.", "mars", "apr.", "mai", "juni", "juli", "aug.", "sep.", "okt.", "nov.", "des."},
    .day_first_dot = true,
    .setup_title = "Oppsett",
    .programme = "Program",
    .programme_hint = "Navnet på programmet, f.eks. HeLU Nordvik",
    .gatherings = "Samlinger",
    .title_hint = "Tittel",
    .date_hint = "ÅÅÅÅ-MM-DD",
    .add_gathering = "Legg til",
    .open = "Åpne",
    .is_open = "Åpen",
    .groups = "Ledergrupper",
    .paste_hint =
        "Lim inn rader fra et regneark (navn, tjenester, prosjekt) eller ett navn per linje – Ctrl+Enter "
        "legger dem til",
    .add_groups = "Legg til gruppene",
    .added = "Lagt til",
    .nothing_added = "Ingen grupper lagt til",
    .not_added = "Ikke lagt til",
    .row = "Rad",
    .refused_exists = "finnes allerede",
    .refused_repeated = "står to ganger i lista",
    .refused_no_name = "mangler navn",
    .refused_name_too_long = "navnet er over 60 tegn",
    .refused_services_too_long = "tjenestene er over 120 tegn",
    .refused_project_too_long = "prosjektet er over 120 tegn",
    .refused_columns = "har mer enn tre kolonner (navn, tjenester, prosjekt)",
    .refused_text = "har tegn som ikke kan brukes",
    .room = "Rommet",
    .room_hint = "Navn på telefonene (tomt: programmets)",
    .room_language = "Språk på telefonene og i eksportene",
    .languages = {"Bokmål", "Nynorsk", "English"},
    .archive = "Arkiver",
    .restore = "Hent tilbake",
    .remove = "Slett",
    .archived = "Arkivert",
    .confirm_delete = "Slette",
    .confirm_remove = "Fjerne",
    .confirm_keys = "Enter = ja, Esc = nei",
    .yes = "Ja",
    .no = "Nei",
    .group_has_notes = "har skrevet lapper og kan ikke slettes – arkiver den i stedet",
    .gathering_has_runs = "har hatt øvelser og kan ikke slettes – arkiver den i stedet",
    .anonymous = "anonym",
    .present = "til stede",
    .away = "ikke sett på en stund",
    .move_to = "Flytt til …",
    .remove_participant = "Fjern",
    .no_participants = "Ingen deltakere ennå",
    .name_hint = "Navn",
    .services_hint = "Tjenester, f.eks. skole, PPT",
    .project_hint = "Utviklingsprosjektet",
    .agenda = "Agenda",
    .agenda_for = "Agenda for",
    .no_open_gathering = "Åpne en samling for å sette agendaen.",
    .empty_agenda = "Ingen øvelser ennå – velg fra listen under.",
    .catalogue = "Øvelser",
    .setup_hint =
        "Tab neste felt  ·  Enter lagrer  ·  ↑↓ velg  ·  Shift+↑↓ flytt  ·  Del fjern  ·  ← → agenda/øvelser  ·  Esc "
        "lukk",
    .show_since = "Vis «Siden sist»",
    .save_to_log = "Lagre i prosjektloggen",
    .saved_to_log = "Lagret i prosjektloggen for",
    .picture_failed = "Bildet av tavla ble ikke lagret",
    .log_title = "Prosjektlogg",
    .log_empty = "Ingenting i prosjektloggen ennå. Ctrl+Enter lagrer en øvelse her når gruppen er ferdig.",
    .no_gathering = "Utenom samlingene",
    .concluded = "Lagret",
    .top_notes = "Flest stemmer",
    .log_hint = "Hjul eller PgUp/PgDn blar  ·  Tab neste gruppe  ·  G lukker",
    .no_group = "Ingen ledergrupper ennå – F2 åpner oppsettet.",
    .since_title = "Siden sist",
    .since_nothing = "Ingenting lagret ennå – her begynner vi.",
    .since_measures = "Tiltak",
    .since_hint = "Shift+G lukker  ·  G prosjektloggen til gruppen",
    .export_button = "Eksporter alle (X)",
    .exported_to = "Eksportert til",
    .export_failed = "Eksporten feilet",
    .exporting = "Eksporterer",
    .exporting_of = "av",
    .exporting_groups = "grupper …",
    .pictures_caught_up = "tavlebilder fra før lagt i prosjektloggen",
    .pictures_not_saved = "kunne ikke lagres",
};

const ProgrammeStrings nn_strings{
    .gathering = "Samling",
    .months = {"jan.", "feb.", "mars", "apr.", "mai", "juni", "juli", "aug.", "sep.", "okt.", "nov.", "des."},
    .day_first_dot = true,
    .setup_title = "Oppsett",
    .programme = "Program",
    .programme_hint = "Namnet på programmet, t.d. HeLU Nordvik",
    .gatherings = "Samlingar",
    .title_hint = "Tittel",
    .date_hint = "ÅÅÅÅ-MM-DD",
    .add_gathering = "Legg til",
    .open = "Opne",
    .is_open = "Open",
    .groups = "Leiargrupper",
    .paste_hint =
        "Lim inn rader frå eit rekneark (namn, tenester, prosjekt) eller eitt namn per linje – Ctrl+Enter "
        "legg dei til",
    .add_groups = "Legg til gruppene",
    .added = "Lagt til",
    .nothing_added = "Ingen grupper lagde til",
    .not_added = "Ikkje lagt til",
    .row = "Rad",
    .refused_exists = "finst frå før",
    .refused_repeated = "står to gonger i lista",
    .refused_no_name = "manglar namn",
    .refused_name_too_long = "namnet er over 60 teikn",
    .refused_services_too_long = "tenestene er over 120 teikn",
    .refused_project_too_long = "prosjektet er over 120 teikn",
    .refused_columns = "har meir enn tre kolonnar (namn, tenester, prosjekt)",
    .refused_text = "har teikn som ikkje kan brukast",
    .room = "Rommet",
    .room_hint = "Namn på telefonane (tomt: programmet sitt)",
    .room_language = "Språk på telefonane og i eksportane",
    .languages = {"Bokmål", "Nynorsk", "English"},
    .archive = "Arkiver",
    .restore = "Hent tilbake",
    .remove = "Slett",
    .archived = "Arkivert",
    .confirm_delete = "Slette",
    .confirm_remove = "Fjerne",
    .confirm_keys = "Enter = ja, Esc = nei",
    .yes = "Ja",
    .no = "Nei",
    .group_has_notes = "har skrive lappar og kan ikkje slettast – arkiver henne i staden",
    .gathering_has_runs = "har hatt øvingar og kan ikkje slettast – arkiver henne i staden",
    .anonymous = "anonym",
    .present = "til stades",
    .away = "ikkje sett på ei stund",
    .move_to = "Flytt til …",
    .remove_participant = "Fjern",
    .no_participants = "Ingen deltakarar enno",
    .name_hint = "Namn",
    .services_hint = "Tenester, t.d. skule, PPT",
    .project_hint = "Utviklingsprosjektet",
    .agenda = "Agenda",
    .agenda_for = "Agenda for",
    .no_open_gathering = "Opne ei samling for å setje agendaen.",
    .empty_agenda = "Ingen øvingar enno – vel frå lista under.",
    .catalogue = "Øvingar",
    .setup_hint =
        "Tab neste felt  ·  Enter lagrar  ·  ↑↓ vel  ·  Shift+↑↓ flytt  ·  Del fjern  ·  ← → agenda/øvingar  ·  Esc "
        "lukk",
    .show_since = "Vis «Sidan sist»",
    .save_to_log = "Lagre i prosjektloggen",
    .saved_to_log = "Lagra i prosjektloggen for",
    .picture_failed = "Biletet av tavla vart ikkje lagra",
    .log_title = "Prosjektlogg",
    .log_empty = "Ingenting i prosjektloggen enno. Ctrl+Enter lagrar ei øving her når gruppa er ferdig.",
    .no_gathering = "Utanom samlingane",
    .concluded = "Lagra",
    .top_notes = "Flest røyster",
    .log_hint = "Hjul eller PgUp/PgDn blar  ·  Tab neste gruppe  ·  G lukkar",
    .no_group = "Ingen leiargrupper enno – F2 opnar oppsettet.",
    .since_title = "Sidan sist",
    .since_nothing = "Ingenting lagra enno – her byrjar vi.",
    .since_measures = "Tiltak",
    .since_hint = "Shift+G lukkar  ·  G prosjektloggen til gruppa",
    .export_button = "Eksporter alle (X)",
    .exported_to = "Eksportert til",
    .export_failed = "Eksporten feila",
    .exporting = "Eksporterer",
    .exporting_of = "av",
    .exporting_groups = "grupper …",
    .pictures_caught_up = "tavlebilete frå før lagde i prosjektloggen",
    .pictures_not_saved = "kunne ikkje lagrast",
};

const ProgrammeStrings en_strings{
    .gathering = "Gathering",
    .months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
    .day_first_dot = false,
    .setup_title = "Setup",
    .programme = "Programme",
    .programme_hint = "The programme's name, e.g. HeLU Nordvik",
    .gatherings = "Gatherings",
    .title_hint = "Title",
    .date_hint = "YYYY-MM-DD",
    .add_gathering = "Add",
    .open = "Open",
    .is_open = "Open now",
    .groups = "Leader groups",
    .paste_hint = "Paste rows from a spreadsheet (name, services, project) or one name a line – Ctrl+Enter adds them",
    .add_groups = "Add the groups",
    .added = "Added",
    .nothing_added = "No groups added",
    .not_added = "Not added",
    .row = "Row",
    .refused_exists = "already exists",
    .refused_repeated = "is in the list twice",
    .refused_no_name = "has no name",
    .refused_name_too_long = "name is over 60 characters",
    .refused_services_too_long = "services are over 120 characters",
    .refused_project_too_long = "project is over 120 characters",
    .refused_columns = "has more than three columns (name, services, project)",
    .refused_text = "has characters that cannot be used",
    .room = "The room",
    .room_hint = "Name on the phones (empty: the programme's)",
    .room_language = "Language on the phones and in exports",
    .languages = {"Bokmål", "Nynorsk", "English"},
    .archive = "Archive",
    .restore = "Bring back",
    .remove = "Delete",
    .archived = "Archived",
    .confirm_delete = "Delete",
    .confirm_remove = "Remove",
    .confirm_keys = "Enter = yes, Esc = no",
    .yes = "Yes",
    .no = "No",
    .group_has_notes = "has written notes and cannot be deleted – archive it instead",
    .gathering_has_runs = "has had exercises and cannot be deleted – archive it instead",
    .anonymous = "anonymous",
    .present = "here",
    .away = "not seen for a while",
    .move_to = "Move to …",
    .remove_participant = "Remove",
    .no_participants = "No participants yet",
    .name_hint = "Name",
    .services_hint = "Services, e.g. school, PPT",
    .project_hint = "Development project",
    .agenda = "Agenda",
    .agenda_for = "Agenda for",
    .no_open_gathering = "Open a gathering to set its agenda.",
    .empty_agenda = "No exercises yet – pick from the list below.",
    .catalogue = "Exercises",
    .setup_hint =
        "Tab next field  ·  Enter saves  ·  ↑↓ pick  ·  Shift+↑↓ move  ·  Del remove  ·  ← → agenda/exercises  ·  Esc "
        "close",
    .show_since = "Show “Since last time”",
    .save_to_log = "Save to the project log",
    .saved_to_log = "Saved to the project log of",
    .picture_failed = "The picture of the board was not saved",
    .log_title = "Project log",
    .log_empty = "Nothing in the project log yet. Ctrl+Enter saves an exercise here when the group is done.",
    .no_gathering = "Between gatherings",
    .concluded = "Saved",
    .top_notes = "Most votes",
    .log_hint = "Wheel or PgUp/PgDn scrolls  ·  Tab next group  ·  G closes",
    .no_group = "No leader groups yet – F2 opens the setup.",
    .since_title = "Since last time",
    .since_nothing = "Nothing saved yet – this is where we start.",
    .since_measures = "Measures",
    .since_hint = "Shift+G closes  ·  G the group's project log",
    .export_button = "Export all (X)",
    .exported_to = "Exported to",
    .export_failed = "The export failed",
    .exporting = "Exporting",
    .exporting_of = "of",
    .exporting_groups = "groups …",
    .pictures_caught_up = "earlier board pictures added to the project log",
    .pictures_not_saved = "could not be saved",
};

std::string day_month(const ProgrammeStrings& s, int day, int month) {
    const std::string m = s.months[static_cast<std::size_t>(month - 1)];
    return s.day_first_dot ? std::to_string(day) + ". " + m : std::to_string(day) + " " + m;
}

}  // namespace

const ProgrammeStrings& programme_strings(Language lang) {
    return in_language(lang, nb_strings, nn_strings, en_strings);
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
    std::tm local{};
    if (!localtime_r(&t, &local)) return {};
    return day_month(s, local.tm_mday, local.tm_mon + 1);
}

std::string gathering_label(const ProgrammeStrings& s, const Gathering& g) {
    std::string label = std::string(s.gathering) + " " + std::to_string(g.number);
    if (!g.date.empty()) label += " · " + short_date(s, g.date);
    return label;
}

std::string export_progress(const ProgrammeStrings& s, std::string_view format, int done, int total) {
    return std::string(s.exporting) + " " + std::string(format) + ": " + std::to_string(done) + " " + s.exporting_of +
           " " + std::to_string(total) + " " + s.exporting_groups;
}

std::string pictures_summary(const ProgrammeStrings& s, int pictured, int failed, const std::string& error) {
    std::string text = std::to_string(pictured) + " " + s.pictures_caught_up;
    if (failed > 0) text += "; " + std::to_string(failed) + " " + s.pictures_not_saved + ": " + error;
    return text;
}

}  // namespace samling
