// The setup screen (F2) driven by keys: a pasted list of groups, Tab between fields, Enter
// saves, the agenda moved with the keyboard, Esc closes; and the pure helpers behind it.
#include <doctest/doctest.h>

#include "ui/programme/setup_model.hpp"
#include "ui/programme/setup_screen.hpp"
#include "ui_projector_harness.hpp"

using namespace samling;
using samling::test::go_to;
using samling::test::Harness;
using samling::test::only;

namespace {

void type(Harness& h, const Workshop& w, const char* text) {
    ImGui::GetIO().AddInputCharactersUTF8(text);
    h.frame(w);
    h.frame(w);
}

// One open gathering (id 50) whose agenda is observe, stakeholders.
Workshop with_agenda(int groups) {
    Workshop w = test::ui_workshop(groups);
    w.apply(change::GatheringSaved{Gathering{50, 1, "Oppstart", "2026-09-14"}});
    w.apply(change::GatheringOpened{50});
    w.apply(change::AgendaSet{50, {"observe", "stakeholders"}});
    return w;
}

}  // namespace

TEST_CASE("a pasted list of bare names gives one group a line, trimmed, without empty lines") {
    const Workshop w = test::ui_workshop(1);  // "Gruppe 1" exists
    const GroupPaste paste = read_group_paste(w, "  A \nB\n\nA\ngruppe 1\n\n");
    REQUIRE(paste.groups.size() == 2);
    CHECK(paste.groups[0].name == "A");
    CHECK(paste.groups[1].name == "B");
    CHECK(paste.groups[1].services.empty());
    REQUIRE(paste.refused.size() == 2);
    CHECK(paste.refused[0].line == 4);
    CHECK(paste.refused[0].text == "A");
    CHECK(paste.refused[0].reason == PasteRefusal::repeated);
    CHECK(paste.refused[1].line == 5);
    CHECK(paste.refused[1].reason == PasteRefusal::exists);
}

TEST_CASE("a pasted name the room has in other case or with a decomposed Å is refused, as the hub would") {
    Workshop w = test::ui_workshop(0);
    w.apply(change::GroupAdded{LeaderGroup{7, "\xC3\x85s skole"}});  // Ås skole
    const GroupPaste paste = read_group_paste(w, "\xC3\xA5S SKOLE\nA\xCC\x8As skole\n\xC3\x98st\n\xC3\xB8ST\n");
    REQUIRE(paste.groups.size() == 1);
    CHECK(paste.groups[0].name == "\xC3\x98st");
    REQUIRE(paste.refused.size() == 3);
    CHECK(paste.refused[0].reason == PasteRefusal::exists);
    CHECK(paste.refused[1].reason == PasteRefusal::exists);
    CHECK(paste.refused[2].reason == PasteRefusal::repeated);
}

TEST_CASE("rows copied from a spreadsheet give each group its services and project; a header row is skipped") {
    const Workshop w = test::ui_workshop(0);
    const GroupPaste paste = read_group_paste(w,
                                              "Navn\tTjenester\tProsjekt\r\n"
                                              "Oppvekst Valler\tskole, barnehage\tTidlig innsats\r\n"
                                              "Barnevern og PPT\t\tSamhandling\r\n"
                                              "Helse Sørli\r\n");
    REQUIRE(paste.groups.size() == 3);
    CHECK(paste.refused.empty());
    CHECK(paste.groups[0].name == "Oppvekst Valler");
    CHECK(paste.groups[0].services == "skole, barnehage");
    CHECK(paste.groups[0].project == "Tidlig innsats");
    CHECK(paste.groups[1].services.empty());
    CHECK(paste.groups[1].project == "Samhandling");
    CHECK(paste.groups[2].name == "Helse Sørli");
}

TEST_CASE("the paste field's column mark reads as a tab") {
    const GroupPaste paste = read_group_paste(test::ui_workshop(0), "Valler⇥skole⇥Tidlig\nSørli⇥⇥Samhandling\n");
    REQUIRE(paste.groups.size() == 2);
    CHECK(paste.groups[0].services == "skole");
    CHECK(paste.groups[1].project == "Samhandling");
}

TEST_CASE("semicolon and comma CSV with quotes: a quoted cell keeps its separators and quotes, one line") {
    const Workshop w = test::ui_workshop(0);
    const GroupPaste semi =
        read_group_paste(w, "Oppvekst;\"skole; barnehage\";\"Prosjekt \"\"Trygg\"\"\"\nHelse;PPT;\n");
    REQUIRE(semi.groups.size() == 2);
    CHECK(semi.groups[0].services == "skole; barnehage");
    CHECK(semi.groups[0].project == "Prosjekt \"Trygg\"");
    CHECK(semi.groups[1].services == "PPT");

    const GroupPaste comma =
        read_group_paste(w, "name,services,project\n\"Valler, øst\",\"skole,\nSFO\",Tidlig\nB,,\n");
    REQUIRE(comma.groups.size() == 2);
    CHECK(comma.groups[0].name == "Valler, øst");
    CHECK(comma.groups[1].name == "B");
    REQUIRE(comma.refused.size() == 0);
    CHECK(comma.groups[0].services == "skole, SFO");  // a cell's line break: the field is one line
}

TEST_CASE("each refused row is named with its line and reason: no name, too long, too many columns, twice") {
    const Workshop w = test::ui_workshop(1);
    const std::string long_name(61, 'x');
    const std::string long_project(121, 'p');
    const GroupPaste paste = read_group_paste(w,
                                              "A\tX\tY\n"
                                              "\ttjenester uten navn\t\n" +
                                                  long_name + "\n" + "B\t\t" + long_project + "\n" + "C\t1\t2\t3\n" +
                                                  "a\n" + "Gruppe 1\tny\n" + "D\tok\tok\n");
    REQUIRE(paste.groups.size() == 2);
    CHECK(paste.groups[0].name == "A");
    CHECK(paste.groups[1].name == "D");
    REQUIRE(paste.refused.size() == 6);
    CHECK(paste.refused[0].line == 2);
    CHECK(paste.refused[0].reason == PasteRefusal::no_name);
    CHECK(paste.refused[0].text == "tjenester uten navn");
    CHECK(paste.refused[1].reason == PasteRefusal::name_too_long);
    CHECK(paste.refused[2].reason == PasteRefusal::project_too_long);
    CHECK(paste.refused[2].text == "B");
    CHECK(paste.refused[3].reason == PasteRefusal::columns);
    CHECK(paste.refused[4].reason == PasteRefusal::repeated);
    CHECK(paste.refused[5].reason == PasteRefusal::exists);
    CHECK(paste.refused[5].line == 7);
}

TEST_CASE("a pasted group's services and project are sent once it has an id, as one EditGroup") {
    Workshop w = test::ui_workshop(0);
    std::vector<Command> out;
    std::map<std::string, PastedGroup> details;
    group_paste_commands(read_group_paste(w, "Valler\tskole\tTidlig\nSørli\n"), out, details);
    REQUIRE(only<cmd::AddGroup>(out).size() == 2);
    CHECK(details.size() == 1);  // Sørli has nothing more to send
    out.clear();
    pasted_details_commands(w, details, out);
    CHECK(out.empty());  // not in the snapshot yet
    w.apply(change::GroupAdded{LeaderGroup{7, "Valler"}});
    pasted_details_commands(w, details, out);
    const auto edits = only<cmd::EditGroup>(out);
    REQUIRE(edits.size() == 1);
    CHECK(edits[0].group == 7);
    CHECK(edits[0].name == "Valler");
    CHECK(edits[0].services == "skole");
    CHECK(edits[0].project == "Tidlig");
    CHECK(details.empty());
}

TEST_CASE("pasting A, B, an empty line and A into the group list asks for AddGroup A and B and names the refused row") {
    Harness h;
    const Workshop w = test::ui_workshop(2);
    h.frame(w);
    h.press(w, GLFW_KEY_F2);
    REQUIRE(h.view.controls.overlay == Overlay::setup);
    h.frame(w);
    CHECK(h.view.controls.setup.active == "programme");  // the cursor starts in the first field
    // Tab: programme → the room's name → new gathering's title → its date → the pasted rows.
    for (int i = 0; i < 4; ++i) h.press(w, GLFW_KEY_TAB);
    REQUIRE(h.view.controls.setup.active == "paste");
    type(h, w, "A\nB\n\nA");
    CHECK(h.view.controls.setup.paste == "A\nB\n\nA");
    h.press(w, GLFW_KEY_ENTER, false, true);  // Ctrl+Enter adds the list
    const auto added = only<cmd::AddGroup>(h.out);
    REQUIRE(added.size() == 2);
    CHECK(added[0].name == "A");
    CHECK(added[1].name == "B");
    CHECK(h.out.size() == 2);
    CHECK(h.view.controls.setup.paste.empty());
    CHECK(h.view.controls.toast.text == "Lagt til: 2  ·  Ikke lagt til: 1");
    REQUIRE(h.view.controls.setup.paste_report.size() == 2);
    CHECK(h.view.controls.setup.paste_report[1] == "Rad 4 «A»: står to ganger i lista");
}

TEST_CASE("Enter in the programme field saves the name; Tab on a gathering's date saves title and date") {
    Harness h;
    Workshop w = test::ui_workshop(1);
    w.apply(change::GatheringSaved{Gathering{50, 1, "Oppstart", ""}});
    h.frame(w);
    h.press(w, GLFW_KEY_F2);
    h.frame(w);
    type(h, w, "HeLU Nordvik");
    h.press(w, GLFW_KEY_ENTER);
    const auto named = only<cmd::NameProgramme>(h.out);
    REQUIRE(named.size() == 1);
    CHECK(named[0].name == "HeLU Nordvik");
    CHECK(h.view.controls.overlay == Overlay::setup);  // Enter saves; it does not close

    h.out.clear();
    h.press(w, GLFW_KEY_TAB);  // no field has the keyboard: Tab starts at the first one again
    h.press(w, GLFW_KEY_TAB);  // the room's name
    h.press(w, GLFW_KEY_TAB);  // the gathering's title
    h.press(w, GLFW_KEY_TAB);  // its date
    REQUIRE(h.view.controls.setup.active == "g50.date");
    type(h, w, "2026-09-14");
    h.press(w, GLFW_KEY_TAB);
    const auto saved = only<cmd::SaveGathering>(h.out);
    REQUIRE(saved.size() == 1);
    CHECK(saved[0].gathering == 50);
    CHECK(saved[0].title == "Oppstart");
    CHECK(saved[0].date == "2026-09-14");
}

TEST_CASE("a new gathering is added with Enter; an empty title becomes the next number") {
    Harness h;
    const Workshop w = test::ui_workshop(1);
    h.frame(w);
    h.press(w, GLFW_KEY_F2);
    h.frame(w);
    h.press(w, GLFW_KEY_TAB);  // the room's name
    h.press(w, GLFW_KEY_TAB);
    h.press(w, GLFW_KEY_TAB);  // the new gathering's date
    REQUIRE(h.view.controls.setup.active == "new.date");
    type(h, w, "2026-09-14");
    h.press(w, GLFW_KEY_ENTER);
    const auto saved = only<cmd::SaveGathering>(h.out);
    REQUIRE(saved.size() == 1);
    CHECK(saved[0].gathering == 0);
    CHECK(saved[0].title == "Samling 1");
    CHECK(saved[0].date == "2026-09-14");
}

TEST_CASE("the agenda editor: Shift+↓ moves the chosen exercise down; Delete removes it; → Enter adds") {
    Harness h;
    const Workshop w = with_agenda(1);
    h.view.controls.overlay = Overlay::setup;
    h.frame(w);
    h.press(w, GLFW_KEY_DOWN, true);
    auto set = only<cmd::SetAgenda>(h.out);
    REQUIRE(set.size() == 1);
    CHECK(set[0].gathering == 50);
    CHECK(set[0].exercises == std::vector<std::string>{"stakeholders", "observe"});
    CHECK(h.view.controls.setup.agenda_cursor == 1);  // the cursor follows the moved item

    h.out.clear();
    h.press(w, GLFW_KEY_DELETE);
    set = only<cmd::SetAgenda>(h.out);
    REQUIRE(set.size() == 1);
    CHECK(set[0].exercises == std::vector<std::string>{"observe"});

    // The catalogue: observe and stakeholders are both on the agenda, so Enter adds nothing.
    h.out.clear();
    h.press(w, GLFW_KEY_RIGHT);
    CHECK(h.view.controls.setup.in_catalog);
    h.press(w, GLFW_KEY_ENTER);
    CHECK(h.out.empty());
    CHECK(h.view.controls.overlay == Overlay::setup);
}

TEST_CASE("agenda helpers keep the order and never add an exercise twice") {
    const std::vector<std::string> a{"x", "y", "z"};
    CHECK(agenda_moved(a, 2, -1) == std::vector<std::string>{"x", "z", "y"});
    CHECK(agenda_moved(a, 0, -1) == a);
    CHECK(agenda_moved(a, 5, 1) == a);
    CHECK(agenda_removed(a, 1) == std::vector<std::string>{"x", "z"});
    CHECK(agenda_added(a, "y") == a);
    CHECK(agenda_added(a, "w").back() == "w");
}

TEST_CASE("Esc closes the setup screen once no field has the keyboard; keys for groups stay quiet there") {
    Harness h;
    const Workshop w = with_agenda(3);
    h.frame(w);
    h.press(w, GLFW_KEY_F2);
    h.frame(w);
    REQUIRE(ImGui::GetIO().WantTextInput);
    h.press(w, GLFW_KEY_ESCAPE);  // leaves the field
    CHECK(h.view.controls.overlay == Overlay::setup);
    h.press(w, GLFW_KEY_3);
    h.press(w, GLFW_KEY_S);
    CHECK(h.view.focused == 1);
    CHECK(h.out.empty());
    h.press(w, GLFW_KEY_ESCAPE);
    CHECK(h.view.controls.overlay == Overlay::none);
}

TEST_CASE("a room without leader groups opens on the setup screen, once") {
    Harness h;
    Workshop w(test::ui_catalog());
    h.frame(w);
    CHECK(h.view.controls.overlay == Overlay::setup);
    h.press(w, GLFW_KEY_ESCAPE);
    h.press(w, GLFW_KEY_ESCAPE);
    CHECK(h.view.controls.overlay == Overlay::none);
    h.frame(w);
    CHECK(h.view.controls.overlay == Overlay::none);
}

TEST_CASE("a deletion asks first: Esc answers no and leaves F2 open, Enter deletes") {
    Harness h;
    const Workshop w = test::ui_workshop(2);
    h.frame(w);
    h.press(w, GLFW_KEY_F2);
    h.frame(w);
    h.press(w, GLFW_KEY_ESCAPE);  // leaves the programme field
    REQUIRE(h.view.controls.overlay == Overlay::setup);
    h.view.controls.setup.confirm = {SetupAsk::delete_group, 2, "Slette «Gruppe 2»?"};
    h.frame(w);
    h.press(w, GLFW_KEY_ESCAPE);
    CHECK(h.view.controls.setup.confirm.ask == SetupAsk::none);
    CHECK(h.view.controls.overlay == Overlay::setup);  // Esc answered the question only
    CHECK(only<cmd::DeleteGroup>(h.out).empty());

    h.view.controls.setup.confirm = {SetupAsk::delete_group, 2, "Slette «Gruppe 2»?"};
    h.frame(w);
    h.press(w, GLFW_KEY_ENTER);
    const auto deleted = only<cmd::DeleteGroup>(h.out);
    REQUIRE(deleted.size() == 1);
    CHECK(deleted[0].group == 2);
    CHECK(h.view.controls.setup.confirm.ask == SetupAsk::none);
    CHECK(only<cmd::SetAgenda>(h.out).empty());  // Enter was the question's, not the agenda's
}
