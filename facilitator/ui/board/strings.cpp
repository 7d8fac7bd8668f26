// The board's words in three languages: the one place to translate them. Plain data only.
#include "ui/board/strings.hpp"

namespace samling {
namespace {

const BoardStrings nb = {
    "lapp skjult til den vises",
    "lapper skjult til de vises",
    "stemme avgitt",
    "stemmer avgitt",
    "Resultatet vises når stemmingen er over",
    "Slå sammen",
    "Skriv problemformuleringen (hode)",
    "Problemet",
    "Ikke plassert – dra lappene inn i rutenettet",
    "valgt · C: samle i et tema",
    "Rediger lappen",
    "Lagre",
    "Avbryt",
    "Navn på temaet",
    "Lag tema",
    "Nytt navn på temaet",
    "Skrevet av",
    "Fasilitator",
    "Anonym",
};

const BoardStrings nn = {
    "lapp skjult til han blir vist",
    "lappar skjulte til dei blir viste",
    "røyst gitt",
    "røyster gitt",
    "Resultatet blir vist når røystinga er over",
    "Slå saman",
    "Skriv problemformuleringa (hovud)",
    "Problemet",
    "Ikkje plassert – dra lappane inn i rutenettet",
    "valt · C: samle i eit tema",
    "Rediger lappen",
    "Lagre",
    "Avbryt",
    "Namn på temaet",
    "Lag tema",
    "Nytt namn på temaet",
    "Skriven av",
    "Fasilitator",
    "Anonym",
};

const BoardStrings en = {
    "note hidden until revealed",
    "notes hidden until revealed",
    "vote cast",
    "votes cast",
    "The result shows when voting is over",
    "Merge",
    "Write the problem statement (head)",
    "The problem",
    "Not placed yet – drag the notes onto the grid",
    "selected · C: gather into a theme",
    "Edit the note",
    "Save",
    "Cancel",
    "Name of the theme",
    "Make theme",
    "New name for the theme",
    "Written by",
    "Facilitator",
    "Anonymous",
};

}  // namespace

const BoardStrings& board_strings(Language lang) {
    return in_language(lang, nb, nn, en);
}

}  // namespace samling
