// The projector's texts in nb, nn and en. Must not depend on ImGui, GLFW or the workshop state.
#include "ui/ui_strings.hpp"

namespace samling {
namespace {

const UiStrings nb_strings{
    "Bli med",
    "Gå til",
    "Romkode",
    "Steg",
    "av",
    "deltaker",
    "deltakere",
    "lapp",
    "lapper",
    "Ingen lapper ennå – skann QR-koden for å skrive",
    "skrevet så langt",
    "Lappene er skjult mens gruppen skriver. De vises når fasilitator viser dem.",
    "Ingen øvelse i gang for denne gruppen",
    "Ingen ledergrupper i rommet ennå",
    "Uten kategori",
    "flere",
    "1–9 velg gruppe  ·  Tab neste  ·  Ctrl +/− zoom  ·  F11 fullskjerm",
    {"Skriv", "Vis", "Organiser", "Stem", "Konkluder"},
};

const UiStrings nn_strings{
    "Bli med",
    "Gå til",
    "Romkode",
    "Steg",
    "av",
    "deltakar",
    "deltakarar",
    "lapp",
    "lappar",
    "Ingen lappar enno – skann QR-koden for å skrive",
    "skrivne så langt",
    "Lappane er skjulte medan gruppa skriv. Dei blir viste når fasilitator viser dei.",
    "Inga øving i gang for denne gruppa",
    "Ingen leiargrupper i rommet enno",
    "Utan kategori",
    "fleire",
    "1–9 vel gruppe  ·  Tab neste  ·  Ctrl +/− zoom  ·  F11 fullskjerm",
    {"Skriv", "Vis", "Organiser", "Stem", "Konkluder"},
};

const UiStrings en_strings{
    "Join",
    "Go to",
    "Room code",
    "Step",
    "of",
    "participant",
    "participants",
    "note",
    "notes",
    "No notes yet – scan the QR code to write",
    "written so far",
    "Notes stay hidden while the group writes. They appear when the facilitator reveals them.",
    "No exercise running for this group",
    "No leader groups in the room yet",
    "No category",
    "more",
    "1–9 pick group  ·  Tab next  ·  Ctrl +/− zoom  ·  F11 full screen",
    {"Write", "Reveal", "Organise", "Vote", "Conclude"},
};

}  // namespace

const UiStrings& ui_strings(Language lang) {
    switch (lang) {
        case Language::nn: return nn_strings;
        case Language::en: return en_strings;
        case Language::nb: break;
    }
    return nb_strings;
}

std::string step_position(const UiStrings& s, int index, int count, StepKind kind) {
    return std::string(s.step) + " " + std::to_string(index + 1) + " " + s.of + " " + std::to_string(count) +
           " · " + s.step_kind[static_cast<int>(kind)];
}

std::string count_of(int n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace samling
