// The table lead's calls: the control surface's parser reads the command, the core decides
// whether this phone may send it (cmd::AsLead), the hub keeps it in the projector's undo history.
#include "server/lead_routes.hpp"

#include <cstdio>

#include "hub/hub.hpp"
#include "server/control_commands.hpp"
#include "server/http_helpers.hpp"

namespace samling {
namespace {

void send_refusal(httplib::Response& res, const Error& error) {
    if (error.code == Errc::storage_failed) {
        std::fprintf(stderr, "samling: a table lead's command was not stored: %s\n", error.message.c_str());
        return http::send_error(res, 503, "storage_failed",
                                "The facilitator's machine could not store this; nothing was saved. Try again later.");
    }
    http::send_error(res, error);
}

}  // namespace

void answer_lead_request(Hub& hub, Id participant, httplib::Response& res) {
    auto r = hub.submit(cmd::AskLead{participant});
    if (!r) return send_refusal(res, r.error());
    const bool lead = r->state->is_lead(participant);
    http::send_json(res, r->created ? 201 : 200, {{"lead", lead}, {"lead_asked", !lead}});
}

void answer_lead_command(Hub& hub, Id participant, const httplib::Request& req, httplib::Response& res) {
    // Said before the body is read: a phone that does not lead learns only that.
    if (!hub.snapshot()->is_lead(participant))
        return http::send_error(res, 403, "not_lead", "Only the group's table lead may do this.");
    auto body = http::json_body(req, res);
    if (!body) return;
    // No state: "group": "all" is the facilitator's, never a table's.
    auto command = parse_control_command(*body, nullptr);
    if (!command) return http::send_error(res, command.error());
    auto r = hub.submit(cmd::AsLead{participant, {std::move(command.value())}});
    if (!r) return send_refusal(res, r.error());
    http::send_json(res, 200, {{"subject", r->subject}, {"created", r->created}, {"revision", r->state->revision()}});
}

}  // namespace samling
