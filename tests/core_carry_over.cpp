// Specification of carry-over: what a run brings along from its group's earlier runs (the
// exercise file's "context"), across gatherings, with the shipped exercise files.
#include "core/carry_over.hpp"
#include "core/participant_view.hpp"
#include "core_fixture.hpp"

using namespace samling;
using namespace samling::testing;

namespace {

// A programme in the shipped exercises: two groups, each with a phone, a gathering open.
struct ProgrammeFixture {
    Workshop w{shipped_catalog()};
    Id nord = 0, sor = 0, anna = 0, cato = 0;
    Timestamp clock = 1000;

    ProgrammeFixture() {
        run(w, cmd::OpenRoom{"Rom", "ABC234", Language::nb});
        nord = run(w, cmd::AddGroup{"Nord"}).subject;
        sor = run(w, cmd::AddGroup{"Sør"}).subject;
        anna = run(w, cmd::Join{"ABC234", nord, "Anna", std::string(32, 'a')}).subject;
        cato = run(w, cmd::Join{"ABC234", sor, "", std::string(32, 'c')}).subject;
    }
    void open_gathering(const std::string& title, const std::string& date) {
        const Id g = run(w, cmd::SaveGathering{0, title, date}).subject;
        run(w, cmd::OpenGathering{g});
    }
    // Starts `exercise` for `group`, sets the conclusion fields and concludes; returns the run.
    Id conclude(Id group, const std::string& exercise, const std::vector<std::pair<std::string, std::string>>& fields) {
        run(w, cmd::StartExercise{group, exercise});
        for (const auto& [field, text] : fields) run(w, cmd::SetConclusion{group, field, text});
        return run(w, cmd::ConcludeRun{group}, clock += 1000).subject;
    }
    int step_of(Id group, std::string_view id) const {
        const ExerciseRun* r = w.current_run(group);
        const ExerciseDefinition* def = w.definition(*r);
        for (std::size_t i = 0; i < def->steps.size(); ++i)
            if (def->steps[i].id == id) return static_cast<int>(i);
        FAIL("no step " << id);
        return -1;
    }
    std::vector<CarriedItem> carried(Id group) const { return carried_into(w, *w.current_run(group)); }
};

}  // namespace

TEST_CASE("goals and measures at gathering 2 start from gathering 1's problem and chosen root causes") {
    ProgrammeFixture f;
    f.open_gathering("Samling 1", "2026-09-14");
    f.conclude(f.nord, "problem_definition", {{"statement", "Familier får hjelp for sent"}});
    const Id causes = f.conclude(f.nord, "root_cause", {{"root_causes", "Ingen eier helheten"}});
    f.open_gathering("Samling 2", "2027-01-20");
    run(f.w, cmd::StartExercise{f.nord, "goals_measures"});

    const auto items = f.carried(f.nord);
    REQUIRE(items.size() == 2);
    CHECK(items[0].source->field == "statement");
    CHECK(items[0].text == "Familier får hjelp for sent");
    CHECK(items[1].text == "Ingen eier helheten");
    CHECK(items[1].run == causes);
    CHECK(items[1].source->label.nb == "Rotårsakene vi valgte");

    // The phone sees the same, in the room's language; the other group sees nothing of it.
    const ParticipantView v = view_for(f.w, f.anna, f.clock);
    REQUIRE(v.activity->context.size() == 2);
    CHECK(v.activity->context[1].label == "Rotårsakene vi valgte");
    CHECK(v.activity->context[1].text == "Ingen eier helheten");
    run(f.w, cmd::StartExercise{f.sor, "goals_measures"});
    CHECK(f.carried(f.sor).empty());
    CHECK(view_for(f.w, f.cato, f.clock).activity->context.empty());
}

TEST_CASE("a later value replaces an earlier one; a run never carries its own conclusions") {
    ProgrammeFixture f;
    f.conclude(f.nord, "root_cause", {{"root_causes", "Første forsøk"}});
    f.conclude(f.nord, "root_cause", {{"root_causes", "Ansvaret er delt"}});
    f.conclude(f.nord, "root_cause", {});  // an empty field does not hide the earlier value
    run(f.w, cmd::StartExercise{f.nord, "goals_measures"});
    auto items = f.carried(f.nord);
    REQUIRE(items.size() == 1);
    CHECK(items[0].text == "Ansvaret er delt");

    // Its own goal is not context for evaluation until a later run: the item appears only
    // once an evaluation starts after it.
    run(f.w, cmd::SetConclusion{f.nord, "goal", "Alle familier har én kontakt"});
    CHECK(f.carried(f.nord).size() == 1);
    run(f.w, cmd::StartExercise{f.nord, "evaluation"});
    items = f.carried(f.nord);
    REQUIRE(items.size() == 1);
    CHECK(items[0].source->field == "goal");
    CHECK(items[0].text == "Alle familier har én kontakt");
}

TEST_CASE("evaluation lists the measures with owners and start dates, not goals or deleted notes") {
    ProgrammeFixture f;
    f.open_gathering("Samling 2", "2027-01-20");
    run(f.w, cmd::StartExercise{f.nord, "goals_measures"});
    run(f.w, cmd::AddNote{f.anna, "g1", "Én kontakt for hver familie", std::nullopt});
    run(f.w, cmd::GoToStep{f.nord, f.step_of(f.nord, "measures")});
    run(f.w, cmd::AddNote{f.anna,
                          "m1",
                          "Felles kartleggingsmøte",
                          std::nullopt,
                          0,
                          {{"owner", "Kari"}, {"start", "2027-02-01"}, {"indicator", "Færre brudd"}}});
    const Id dropped = run(f.w, cmd::AddNote{f.anna, "m2", "Ny app", std::nullopt}).subject;
    run(f.w, cmd::AddNote{f.anna, "m3", "Hospitering", std::nullopt, 0, {{"owner", "Ola"}}});
    run(f.w, cmd::DeleteNote{f.anna, dropped});
    run(f.w, cmd::SetConclusion{f.nord, "experiment", "Kartleggingsmøte i to barnehager"});
    const Id planned = run(f.w, cmd::ConcludeRun{f.nord}, 5000).subject;

    // An attempt started and left with a note of its own does not hide the concluded plan.
    run(f.w, cmd::StartExercise{f.nord, "goals_measures"});
    run(f.w, cmd::GoToStep{f.nord, f.step_of(f.nord, "measures")});
    run(f.w, cmd::AddNote{f.anna, "x1", "Halvferdig", std::nullopt});
    run(f.w, cmd::GoToStep{f.nord, f.step_of(f.nord, "sort")});

    f.open_gathering("Samling 3", "2027-05-10");
    run(f.w, cmd::StartExercise{f.nord, "evaluation"});
    const auto items = f.carried(f.nord);
    REQUIRE(items.size() == 2);
    CHECK(items[0].source->zone == "measures");
    CHECK(items[0].run == planned);
    REQUIRE(items[0].notes.size() == 2);
    CHECK(items[0].notes[0].note->text == "Felles kartleggingsmøte");
    REQUIRE(items[0].notes[0].fields.size() == 3);
    CHECK(items[0].notes[0].fields[0].first->id == "owner");
    CHECK(items[0].notes[0].fields[0].second == "Kari");
    CHECK(items[0].notes[0].fields[1].second == "2027-02-01");
    CHECK(items[0].notes[1].note->text == "Hospitering");
    CHECK(items[0].notes[1].fields.size() == 1);
    CHECK(items[1].text == "Kartleggingsmøte i to barnehager");

    const ParticipantView v = view_for(f.w, f.anna, f.clock);
    REQUIRE(v.activity->context.size() == 2);
    const auto& measures = v.activity->context[0];
    CHECK(measures.label == "Tiltakene vi planla");
    CHECK(measures.text.empty());
    REQUIRE(measures.notes.size() == 2);
    REQUIRE(measures.notes[0].fields.size() == 3);
    CHECK(measures.notes[0].fields[0].label == "Eier");
    CHECK(measures.notes[0].fields[1].label == "Startdato");
    CHECK(measures.notes[0].fields[1].kind == "date");
    CHECK(measures.notes[0].fields[0].kind == "text");
}

TEST_CASE("notes still face down in an unfinished silent round are never carried") {
    ProgrammeFixture f;
    run(f.w, cmd::StartExercise{f.nord, "evaluation"});
    run(f.w, cmd::AddNote{f.anna, "r1", "Det virket", std::string("worked")});
    run(f.w, cmd::StartExercise{f.nord, "anchoring"});
    CHECK(f.carried(f.nord).empty());  // anchoring carries conclusions only, and none are set

    // A test exercise carrying evaluation's "worked" zone: the hidden note stays hidden.
    auto catalog = std::make_shared<ExerciseCatalog>(f.w.catalog());
    auto def = parse_exercise(R"({"id": "look_back", "title": {"nb": "t", "nn": "t", "en": "t"},
        "purpose": {"nb": "p", "nn": "p", "en": "p"},
        "context": [{"exercise": "evaluation", "zone": "worked", "label": {"nb": "V", "nn": "V", "en": "W"}}],
        "steps": [{"kind": "write", "prompt": {"nb": "s", "nn": "s", "en": "s"}}]})",
                              "look_back");
    REQUIRE(def.ok());
    catalog->add(def.value());
    Workshop w{catalog};
    run(w, cmd::OpenRoom{"Rom", "ABC234", Language::nb});
    const Id g = run(w, cmd::AddGroup{"Nord"}).subject;
    const Id p = run(w, cmd::Join{"ABC234", g, "", std::string(32, 'p')}).subject;
    run(w, cmd::StartExercise{g, "evaluation"});
    run(w, cmd::AddNote{p, "r1", "Det virket", std::string("worked")});
    run(w, cmd::StartExercise{g, "look_back"});
    CHECK(carried_into(w, *w.current_run(g)).empty());
}

TEST_CASE("a context entry names its exercise and exactly one of field and zone, with a label in every language") {
    const auto parse = [](const std::string& context) {
        return parse_exercise(R"({"id": "x", "title": {"nb": "t", "nn": "t", "en": "t"},
            "purpose": {"nb": "p", "nn": "p", "en": "p"}, "context": )" +
                                  context +
                                  R"(, "steps": [{"kind": "write", "prompt": {"nb": "s", "nn": "s", "en": "s"}}]})",
                              "x.json");
    };
    const std::string label = R"("label": {"nb": "a", "nn": "a", "en": "a"})";
    CHECK(parse("[{\"exercise\": \"root_cause\", \"field\": \"root_causes\", " + label + "}]").ok());
    CHECK(parse("[{\"exercise\": \"goals_measures\", \"zone\": \"measures\", " + label + "}]").ok());
    const auto both = parse("[{\"exercise\": \"e\", \"field\": \"f\", \"zone\": \"z\", " + label + "}]");
    REQUIRE_FALSE(both.ok());
    CHECK(both.error().message ==
          "x.json: context[0]: needs either \"field\" (a conclusion field) or \"zone\" (the notes in a zone)");
    CHECK(parse("[{\"field\": \"f\", " + label + "}]").error().message ==
          "x.json: context[0]: missing \"exercise\": the exercise it comes from");
    CHECK(parse("[{\"exercise\": \"e\", \"field\": \"f\", \"label\": {\"nb\": \"a\"}}]").error().message ==
          "x.json: context[0].label: missing language \"nn\"");
    CHECK(parse("[{\"exercise\": \"Root Cause\", \"field\": \"f\", " + label + "}]").error().message ==
          "x.json: context[0]: \"exercise\" must be lower-case letters, digits, _ or -");
    CHECK(parse("{}").error().message == "x.json: context: must be a list");
}

TEST_CASE("recap: what the shipped files mark for 'since last time', from concluded runs only, in arc order") {
    ProgrammeFixture f;
    f.open_gathering("Samling 1", "2026-09-14");
    f.conclude(f.nord, "problem_definition",
               {{"affected", "Barna i overgangen"}, {"statement", "Familier får hjelp for sent"}});
    f.conclude(f.nord, "root_cause", {{"root_causes", "Ingen eier helheten"}, {"evidence", "Tolv saker"}});
    f.open_gathering("Samling 2", "2027-01-20");
    run(f.w, cmd::StartExercise{f.nord, "goals_measures"});
    run(f.w, cmd::GoToStep{f.nord, f.step_of(f.nord, "measures")});
    run(f.w,
        cmd::AddNote{
            f.anna, "m1", "Felles kartleggingsmøte", std::nullopt, 0, {{"owner", "Kari"}, {"start", "2027-02-01"}}});
    run(f.w, cmd::SetConclusion{f.nord, "experiment", "Kartleggingsmøte i to barnehager"});
    CHECK(recap_of(f.w, f.nord).size() == 2);  // the plan is not said until it is concluded
    run(f.w, cmd::ConcludeRun{f.nord}, f.clock += 1000);

    const std::vector<RecapItem> recap = recap_of(f.w, f.nord);
    REQUIRE(recap.size() == 4);
    CHECK(recap[0].label->nb == "Problemformulering");  // "affected" is not marked recap
    CHECK(recap[0].text == "Familier får hjelp for sent");
    CHECK(recap[1].label->nb == "Rotårsakene vi velger");
    CHECK(recap[2].label->nb == "Dette prøver vi før neste samling");
    CHECK(recap[2].text == "Kartleggingsmøte i to barnehager");
    CHECK(recap[3].label->nb == "Tiltak");
    REQUIRE(recap[3].notes.size() == 1);
    CHECK(recap[3].notes[0].note->text == "Felles kartleggingsmøte");
    CHECK(recap[3].notes[0].fields.size() == 2);
    CHECK(recap_of(f.w, f.sor).empty());

    // The problem redefined later moves after the plan: the order is when each was last concluded.
    f.conclude(f.nord, "problem_definition", {{"statement", "Barna venter for lenge"}});
    const std::vector<RecapItem> again = recap_of(f.w, f.nord);
    REQUIRE(again.size() == 4);
    CHECK(again.back().text == "Barna venter for lenge");
}

TEST_CASE("recap is true or false on a conclusion field or a zone") {
    const auto parse = [](const std::string& zone_extra, const std::string& field_extra) {
        return parse_exercise(R"({"id": "x", "title": {"nb": "t", "nn": "t", "en": "t"},
            "purpose": {"nb": "p", "nn": "p", "en": "p"},
            "zones": [{"id": "z", "label": {"nb": "Z", "nn": "Z", "en": "Z"})" +
                                  zone_extra + R"(}],
            "steps": [{"kind": "conclude", "prompt": {"nb": "s", "nn": "s", "en": "s"},
                       "fields": [{"id": "f", "label": {"nb": "F", "nn": "F", "en": "F"})" +
                                  field_extra + R"(}]}]})",
                              "x.json");
    };
    const auto ok = parse(R"(, "recap": true)", R"(, "recap": true)");
    REQUIRE(ok.ok());
    CHECK(ok->zones[0].recap);
    CHECK(ok->steps[0].fields[0].recap);
    CHECK_FALSE(parse("", "")->zones[0].recap);
    CHECK(parse(R"(, "recap": "ja")", "").error().message == "x.json: zones[0]: \"recap\" must be true or false");
    CHECK(parse("", R"(, "recap": 1)").error().message ==
          "x.json: steps[0].fields[0]: \"recap\" must be true or false");
}
