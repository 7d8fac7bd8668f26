// The project log and "since last time" read from a hand-built programme: problem definition at
// gathering 1, root causes and goals and measures at gathering 2; and both views drawn.
#include <doctest/doctest.h>

#include "ui/programme/log_model.hpp"
#include "ui/programme/log_view.hpp"
#include "ui/programme/programme_strings.hpp"
#include "ui_projector_harness.hpp"

using namespace samling;
using samling::test::Harness;

namespace {

constexpr Timestamp day = 86'400'000;
constexpr Timestamp t0 = 1'789'000'000'000;  // September 2026

ExerciseDefinition exercise(std::string id, const std::string& title, std::vector<FieldDefinition> fields,
                            std::vector<NoteFieldDefinition> note_fields = {}) {
    ExerciseDefinition def;
    def.id = std::move(id);
    def.title = {title, title, title};
    def.layout = "columns";
    Step write;
    write.id = "write";
    write.note_fields = std::move(note_fields);
    def.steps.push_back(write);
    Step conclude;
    conclude.id = "conclude";
    conclude.kind = StepKind::conclude;
    conclude.fields = std::move(fields);
    def.steps.push_back(conclude);
    return def;
}

FieldDefinition field(std::string id, std::string label, bool recap = false) {
    return {std::move(id), {label, label, label}, {}, recap};
}

std::shared_ptr<ExerciseCatalog> programme_catalog() {
    auto c = std::make_shared<ExerciseCatalog>();
    c->add(exercise("problem_definition", "Problemdefinisjon", {field("statement", "Problemformulering", true)}));
    c->add(exercise("root_cause", "Rotårsaker", {field("root_causes", "Rotårsakene vi velger", true)}));
    NoteFieldDefinition owner{"owner", {"Eier", "Eigar", "Owner"}};
    NoteFieldDefinition start{"start", {"Start", "Start", "Start"}};
    start.kind = NoteFieldDefinition::Kind::date;
    ExerciseDefinition goals =
        exercise("goals_measures", "Mål og tiltak",
                 {field("goal", "Målet"), field("measures", "Tiltakene"), field("experiment", "Dette prøver vi", true)},
                 {owner, start});
    goals.zones.push_back({"goals", {"Mål", "Mål", "Goals"}, "#FFE27A", false});
    goals.zones.push_back({"measures", {"Tiltak", "Tiltak", "Measures"}, "#BFE3C6", true});
    c->add(goals);
    return c;
}

void log_run(Workshop& w, Id id, Id group, const char* exercise, Id gathering, Timestamp concluded,
             const std::vector<std::pair<const char*, const char*>>& fields) {
    ExerciseRun r;
    r.id = id;
    r.group = group;
    r.exercise = exercise;
    r.gathering = gathering;
    r.step = 1;
    w.apply(change::ExerciseStarted{r});
    for (const auto& [f, text] : fields) w.apply(change::ConclusionSet{ConclusionField{id, f, text, concluded}});
    if (concluded) w.apply(change::RunConcluded{id, concluded});
}

void note(Workshop& w, Id id, Id run, const char* text, NoteFields fields, const char* zone = "measures") {
    Note n;
    n.id = id;
    n.run = run;
    n.client_id = "c" + std::to_string(id);
    n.text = text;
    n.zone = zone;
    n.revealed = true;
    n.fields = std::move(fields);
    w.apply(change::NoteAdded{n});
}

// Group 1 has worked through both gatherings; group 2 has nothing in its log.
Workshop programme() {
    Workshop w(programme_catalog());
    w.apply(change::GroupAdded{LeaderGroup{1, "Skole og PPT", "skole, PPT", "Tidlig innsats"}});
    w.apply(change::GroupAdded{LeaderGroup{2, "Barnehagene"}});
    w.apply(change::GatheringSaved{Gathering{10, 1, "Oppstart", "2026-09-14"}});
    w.apply(change::GatheringOpened{10});
    log_run(w, 20, 1, "problem_definition", 10, t0, {{"statement", "Barna faller mellom tjenestene"}});
    log_run(w, 21, 1, "goals_measures", 10, t0 + day, {{"experiment", "Et gammelt forsøk"}});
    w.apply(change::GatheringSaved{Gathering{11, 2, "Kartlegging", "2027-01-20"}});
    w.apply(change::GatheringOpened{11});
    log_run(w, 30, 1, "root_cause", 11, t0 + 120 * day, {{"root_causes", "Ingen felles møteplass"}});
    log_run(w, 31, 1, "goals_measures", 11, 0, {});
    note(w, 40, 31, "Kartlegge", {{"owner", "PPT-leder"}});
    note(w, 41, 31, "Felles ukemøte", {{"owner", "Rektor"}, {"start", "2027-02-01"}});
    note(w, 42, 31, "Ukemøte hver mandag", {});
    note(w, 43, 31, "Alle barn har én voksen", {}, "goals");
    w.apply(change::ConclusionSet{ConclusionField{31, "measures", "Ukemøte og kartlegging", t0}});
    w.apply(change::ConclusionSet{ConclusionField{31, "experiment", "Prøve ukemøte i fire uker", t0}});
    w.apply(change::RunConcluded{31, t0 + 121 * day});
    return w;
}

}  // namespace

TEST_CASE("since last time shows what the exercise files mark recap: problem, causes, measures, experiment") {
    const Workshop w = programme();
    const std::vector<SinceGroup> groups = since_last_time(w, Language::nb);
    REQUIRE(groups.size() == 2);
    const SinceGroup& g = groups[0];
    CHECK(g.name == "Skole og PPT");
    CHECK(g.project == "Tidlig innsats");
    // In the order the group last concluded each exercise; in an exercise, fields before zones.
    REQUIRE(g.entries.size() == 4);
    CHECK(g.entries[0].label == "Problemformulering");
    CHECK(g.entries[0].text == "Barna faller mellom tjenestene");
    CHECK(g.entries[1].label == "Rotårsakene vi velger");
    CHECK(g.entries[1].text == "Ingen felles møteplass");
    CHECK(g.entries[2].label == "Dette prøver vi");
    CHECK(g.entries[2].text == "Prøve ukemøte i fire uker");  // the newest, not gathering 1's
    // The measures zone's notes, dated first; the goal in another zone is not one of them.
    CHECK(g.entries[3].label == "Tiltak");
    CHECK(g.entries[3].text.empty());
    REQUIRE(g.entries[3].notes.size() == 3);
    CHECK(g.entries[3].notes[0].text == "Felles ukemøte");
    CHECK(g.entries[3].notes[0].details == "Rektor · 1. feb.");
    CHECK(g.entries[3].notes[1].text == "Kartlegge");
    CHECK(g.entries[3].notes[1].details == "PPT-leder");
    CHECK(g.entries[3].notes[2].text == "Ukemøte hver mandag");
    CHECK(g.entries[3].notes[2].details.empty());
    CHECK(groups[1].entries.empty());
}

TEST_CASE("the project log groups concluded runs by gathering, oldest first, with fields, top notes and picture path") {
    const Workshop w = programme();
    const ProgrammeStrings& s = programme_strings(Language::nb);
    const std::vector<LogSection> log = project_log_sections(w, 1, Language::nb, s, "/data");
    REQUIRE(log.size() == 2);
    CHECK(log[0].heading == "Samling 1 · 14. sep. — Oppstart");
    REQUIRE(log[0].cards.size() == 2);
    CHECK(log[0].cards[0].title == "Problemdefinisjon");
    REQUIRE(log[0].cards[0].fields.size() == 1);
    CHECK(log[0].cards[0].fields[0].label == "Problemformulering");
    CHECK(log[0].cards[0].snapshot == "/data/snapshots/run-20.png");
    CHECK(log[1].heading == "Samling 2 · 20. jan. — Kartlegging");
    REQUIRE(log[1].cards.size() == 2);
    CHECK(log[1].cards[1].fields.size() == 2);  // measures and experiment; the empty goal is left out
    CHECK(project_log_sections(w, 2, Language::nb, s, "").empty());
    CHECK(snapshot_path("", 20).empty());
}

TEST_CASE("gatherings and dates are written the way each language writes them") {
    const Gathering g{11, 2, "Kartlegging", "2027-01-20"};
    CHECK(gathering_label(programme_strings(Language::nb), g) == "Samling 2 · 20. jan.");
    CHECK(gathering_label(programme_strings(Language::en), g) == "Gathering 2 · 20 Jan");
    CHECK(gathering_label(programme_strings(Language::nn), Gathering{12, 3, "x", ""}) == "Samling 3");
    CHECK(short_date(programme_strings(Language::nb), std::string_view("2027-13-01")) == "2027-13-01");
    CHECK(short_date(programme_strings(Language::nb), std::string_view("2027-02-31")) == "2027-02-31");
    CHECK(short_date(programme_strings(Language::nb), std::string_view("2028-02-29")) == "29. feb.");
}

TEST_CASE("the project log and since-last-time views draw for a full log, an empty one, and many groups") {
    Harness h;
    const Workshop w = programme();
    h.frame(w);
    h.press(w, GLFW_KEY_G);
    REQUIRE(h.view.controls.overlay == Overlay::project_log);
    h.press(w, GLFW_KEY_PAGE_DOWN);
    h.press(w, GLFW_KEY_TAB);  // the next group: nothing in its log
    CHECK(h.view.focused == 2);
    h.press(w, GLFW_KEY_G, true);
    REQUIRE(h.view.controls.overlay == Overlay::since_last_time);
    // Clicking a tile opens that group's log.
    h.click(w, ImVec2(300, 300));
    CHECK(h.view.focused == 1);
    CHECK(h.view.controls.overlay == Overlay::project_log);
    CHECK(h.out.empty());

    Workshop many = test::ui_workshop(27);
    h.view.controls.overlay = Overlay::since_last_time;
    h.frame(many);
    h.frame(many);
}

TEST_CASE("since last time with 27 groups: every group's whole recap in large type, a page at a time") {
    Workshop w(programme_catalog());
    w.apply(change::GatheringSaved{Gathering{10, 1, "Oppstart", "2026-09-14"}});
    w.apply(change::GatheringOpened{10});
    for (Id g = 1; g <= 27; ++g) {
        w.apply(change::GroupAdded{LeaderGroup{g, "Gruppe " + std::to_string(g), "", "Tidlig innsats i skolen"}});
        const Id base = 1000 * g;
        log_run(w, base, g, "problem_definition", 10, t0,
                {{"statement",
                  "Barn i 5.–7. trinn som strever med lesing, får hjelp for sent fordi skole og PPT "
                  "ikke deler det de ser før en henvisning er skrevet"}});
        log_run(w, base + 1, g, "root_cause", 10, t0 + day, {{"root_causes", "Ingen felles møteplass; ulike mål"}});
        log_run(w, base + 2, g, "goals_measures", 10, 0, {});
        note(w, base + 3, base + 2, "Felles ukemøte mellom skole og PPT",
             {{"owner", "Rektor"}, {"start", "2027-02-01"}});
        note(w, base + 4, base + 2, "Kartlegge lesing i 5. trinn", {{"owner", "PPT-leder"}});
        w.apply(change::ConclusionSet{ConclusionField{base + 2, "experiment", "Prøve ukemøte i fire uker", t0}});
        w.apply(change::RunConcluded{base + 2, t0 + 2 * day});
    }
    Harness h;
    h.frame(w);
    h.press(w, GLFW_KEY_G, true);
    REQUIRE(h.view.controls.overlay == Overlay::since_last_time);
    h.frame(w);
    const ReadingViewState& r = h.view.controls.reading;
    CHECK(r.since_pages > 1);
    CHECK(r.since_pages <= 9);  // at least three groups to a page at 1280×720
    CHECK_FALSE(r.since_cut);

    // PgDn turns to the next groups, in order, until every group has been shown once; PgUp back.
    std::vector<Id> seen = r.since_shown;
    for (int page = 1; page < r.since_pages; ++page) {
        h.press(w, GLFW_KEY_PAGE_DOWN);
        h.frame(w);
        CHECK(r.since_page == page);
        CHECK_FALSE(r.since_cut);
        seen.insert(seen.end(), r.since_shown.begin(), r.since_shown.end());
    }
    REQUIRE(seen.size() == 27);
    for (Id g = 1; g <= 27; ++g) CHECK(seen[static_cast<std::size_t>(g - 1)] == g);
    h.press(w, GLFW_KEY_PAGE_DOWN);  // past the last page it stays
    h.frame(w);
    CHECK(r.since_page == r.since_pages - 1);
    h.press(w, GLFW_KEY_PAGE_UP);
    h.frame(w);
    CHECK(r.since_page == r.since_pages - 2);
    CHECK(h.out.empty());  // turning pages changes nothing in the room

    h.press(w, GLFW_KEY_G, true);  // closed and opened again: the first page
    h.press(w, GLFW_KEY_G, true);
    h.frame(w);
    CHECK(r.since_page == 0);
}
