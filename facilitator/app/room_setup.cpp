// Setup commands for a new data folder and for --demo.
#include "app/room_setup.hpp"

#include <array>

#include "core/secrets.hpp"
#include "hub/hub.hpp"

namespace samling {
namespace {

constexpr std::string_view demo_exercise = "problem_definition";
constexpr std::string_view demo_programme = "HeLU Nordvik";  // phones see it as the room's name
constexpr std::array<std::string_view, 3> demo_groups = {
    "Oppvekst Nordvik",        // school, kindergarten and health centre leaders
    "Barnevern og PPT",        // child welfare and the educational-psychological service
    "Helse og familie Sørli",  // health services and family support
};

Status as_status(const Result<Receipt>& r) {
    if (!r) return r.error();
    return Ok{};
}

}  // namespace

Status ensure_room(Hub& hub, const std::string& name, Language language) {
    if (hub.snapshot()->room()) return Ok{};
    return as_status(hub.submit(cmd::OpenRoom{name, secrets::room_code(), language}));
}

Status ensure_demo(Hub& hub) {
    if (!hub.snapshot()->catalog().find(demo_exercise))
        return make_error(Errc::invalid_request, "the demo needs exercises/problem_definition.json");
    if (hub.snapshot()->programme().empty())
        if (auto s = as_status(hub.submit(cmd::NameProgramme{std::string(demo_programme)})); !s) return s;
    for (std::string_view name : demo_groups) {
        bool exists = false;
        const auto state = hub.snapshot();  // held: a temporary would die before the loop runs
        for (const auto& [id, g] : state->groups()) exists = exists || g.name == name;
        if (!exists)
            if (auto s = as_status(hub.submit(cmd::AddGroup{std::string(name)})); !s) return s;
    }
    const auto state = hub.snapshot();
    for (const auto& [id, g] : state->groups()) {
        if (state->current_run(id)) continue;
        if (auto s = as_status(hub.submit(cmd::StartExercise{id, std::string(demo_exercise)})); !s) return s;
    }
    return Ok{};
}

}  // namespace samling
