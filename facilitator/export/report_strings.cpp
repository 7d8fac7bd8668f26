// The reports' words in three languages. Only text lives here: no layout, no escaping.
#include "export/report_strings.hpp"

namespace samling {
namespace {

constexpr ReportStrings bokmal{
    "nb",
    "Prosjektlogg",
    "Program",
    "Ledergruppe",
    "Tjenester",
    "Utviklingsprosjekt",
    "Eksportert",
    "ikke satt",
    "Samlinger",
    "Samling",
    "Uten samling",
    "dato ikke satt",
    "oppføring",
    "oppføringer",
    "ingen oppføringer ennå",
    "Ledergruppen har ikke avsluttet noen øvelser ennå. Når en øvelse avsluttes på en samling, "
    "kommer den inn her: hva gruppen konkluderte, lappene som fikk flest stemmer og et bilde av "
    "tavla.",
    "Øvelse",
    "Avsluttet",
    "Konklusjon",
    "Ingen konklusjon ble skrevet.",
    "Flest stemmer",
    "stemme",
    "stemmer",
    "Stemmer",
    "Tavla",
    "Uten tema",
    "Andre lapper",
    "Fem hvorfor",
    "Bilde av tavla",
    "Tavla slik den så ut da øvelsen ble avsluttet",
    "Oversikt",
    "Prosjektlogger",
    "Rapporter fra samlingene",
    "Åpne loggen",
    "Rapport fra samlingen",
    "Ingen øvelser ble avsluttet på denne samlingen.",
    "Tiltak",
    "Detaljer",
    "Fra øvelsen",
    "Bygger på",
    {"januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november",
     "desember"}};

constexpr ReportStrings nynorsk{
    "nn",
    "Prosjektlogg",
    "Program",
    "Leiargruppe",
    "Tenester",
    "Utviklingsprosjekt",
    "Eksportert",
    "ikkje sett",
    "Samlingar",
    "Samling",
    "Utan samling",
    "dato ikkje sett",
    "oppføring",
    "oppføringar",
    "ingen oppføringar enno",
    "Leiargruppa har ikkje avslutta nokon øvingar enno. Når ei øving blir avslutta på ei samling, "
    "kjem ho inn her: kva gruppa konkluderte, lappane som fekk flest røyster og eit bilete av "
    "tavla.",
    "Øving",
    "Avslutta",
    "Konklusjon",
    "Ingen konklusjon vart skriven.",
    "Flest røyster",
    "røyst",
    "røyster",
    "Røyster",
    "Tavla",
    "Utan tema",
    "Andre lappar",
    "Fem kvifor",
    "Bilete av tavla",
    "Tavla slik ho såg ut då øvinga vart avslutta",
    "Oversikt",
    "Prosjektloggar",
    "Rapportar frå samlingane",
    "Opne loggen",
    "Rapport frå samlinga",
    "Ingen øvingar vart avslutta på denne samlinga.",
    "Tiltak",
    "Detaljar",
    "Frå øvinga",
    "Byggjer på",
    {"januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november",
     "desember"}};

constexpr ReportStrings english{"en",
                                "Project log",
                                "Programme",
                                "Leader group",
                                "Services",
                                "Development project",
                                "Exported",
                                "not set",
                                "Gatherings",
                                "Gathering",
                                "No gathering",
                                "date not set",
                                "entry",
                                "entries",
                                "no entries yet",
                                "The leader group has not concluded any exercises yet. When an "
                                "exercise is concluded at a gathering, "
                                "it appears here: what the group concluded, the notes with the "
                                "most votes and a picture of the board.",
                                "Exercise",
                                "Concluded",
                                "Conclusion",
                                "No conclusion was written.",
                                "Most votes",
                                "vote",
                                "votes",
                                "Votes",
                                "The board",
                                "No theme",
                                "Other notes",
                                "Five whys",
                                "Picture of the board",
                                "The board as it was when the exercise was concluded",
                                "Overview",
                                "Project logs",
                                "Reports from the gatherings",
                                "Open the log",
                                "Report from the gathering",
                                "No exercises were concluded at this gathering.",
                                "Measures",
                                "Details",
                                "From the exercise",
                                "Builds on",
                                {"January", "February", "March", "April", "May", "June", "July", "August", "September",
                                 "October", "November", "December"}};

}  // namespace

const ReportStrings& report_strings(Language lang) {
    return in_language(lang, bokmal, nynorsk, english);
}

std::string dots_text(int dots, const ReportStrings& s) {
    return std::to_string(dots) + " " + std::string(dots == 1 ? s.dot : s.dots);
}

}  // namespace samling
