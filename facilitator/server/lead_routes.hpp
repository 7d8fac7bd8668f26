// The table lead's calls on the participant API: asking to lead, and one board command at a time
// from the lead's phone. The routing table (participant_server.cpp) authenticates first.
#pragma once

#include <httplib.h>

#include "core/model.hpp"

namespace samling {

class Hub;

// POST /api/lead/request: "first to ask takes it", once the facilitator says yes on the projector.
void answer_lead_request(Hub& hub, Id participant, httplib::Response& res);

// POST /api/lead/commands {"command": …}: one command in the control surface's form, checked by
// the core (cmd::AsLead) against the lead's own group's current run.
void answer_lead_command(Hub& hub, Id participant, const httplib::Request& req, httplib::Response& res);

}  // namespace samling
