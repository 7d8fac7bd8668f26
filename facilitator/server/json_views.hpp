// The participant API's JSON shapes, in one place so API.md and the code agree.
#pragma once

#include <nlohmann/json.hpp>

#include "core/participant_view.hpp"
#include "core/result.hpp"

namespace samling {

nlohmann::json to_json(const ParticipantView::NoteView& note);
nlohmann::json to_json(const ParticipantView::MeasureView& measure);
nlohmann::json to_json(const ParticipantView& view);
nlohmann::json error_body(std::string_view code, std::string_view message);

// The HTTP status for a core error code.
int http_status(Errc code);

}  // namespace samling
