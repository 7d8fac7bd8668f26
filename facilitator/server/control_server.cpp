// Two routes: the whole state as a script needs it, and one facilitator command per POST.
#include "server/control_server.hpp"

#include <httplib.h>

#include <chrono>

#include "core/secrets.hpp"
#include "hub/hub.hpp"
#include "server/control_commands.hpp"
#include "server/http_helpers.hpp"
#include "server/listener.hpp"
#include "server/remote_views.hpp"
#include "server/request_guards.hpp"

namespace samling {
namespace {}  // namespace

struct ControlServer::Impl {
    std::string token, origin;
    Hub* hub = nullptr;
    httplib::Server http;
    std::thread thread;

    bool authorised(const httplib::Request& req, httplib::Response& res) const {
        if (secrets::equal(http::bearer_token(req), token)) return true;
        http::send_error(res, 401, "unauthorized", "The control surface needs its token (control.json).");
        return false;
    }
};

ControlServer::ControlServer(std::string token, std::string participant_origin) : impl_(std::make_unique<Impl>()) {
    impl_->token = std::move(token);
    impl_->origin = std::move(participant_origin);
    auto& http = impl_->http;
    http.new_task_queue = [] { return new httplib::ThreadPool(2); };
    // One answer per connection, as for the phones: a script's idle keep-alive connection
    // would hold one of the two workers, and a stop would wait for it to time out.
    http.set_keep_alive_max_count(1);
    http.set_keep_alive_timeout(1);
    http.set_read_timeout(5, 0);
    http.set_write_timeout(5, 0);
    http.set_payload_max_length(max_body_bytes);
    http.set_pre_routing_handler(guard_request);
    http.set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
        add_security_headers(res);
        res.set_header("Cache-Control", "no-store");
    });

    http.Get("/control/state", [this](const httplib::Request& req, httplib::Response& res) {
        if (!impl_->authorised(req, res)) return;
        http::send_json(res, 200,
                        control_state(*impl_->hub->snapshot(), impl_->hub->presence(), http::now_ms(), impl_->origin));
    });
    // The pairing QR's URL and its one-time token (core/remote_pairing.hpp): a script, or the
    // projector's pairing panel through the hub, shows it to the remote that is to pair.
    http.Get("/control/remote", [this](const httplib::Request& req, httplib::Response& res) {
        if (!impl_->authorised(req, res)) return;
        const std::string pairing = impl_->hub->remote_pairing_offer(http::now_ms());
        http::send_json(res, 200, {{"url", remote_pairing_url(impl_->origin, pairing)}, {"token", pairing}});
    });
    http.Post("/control/commands", [this](const httplib::Request& req, httplib::Response& res) {
        if (!impl_->authorised(req, res)) return;
        auto body = http::json_body(req, res);
        if (!body) return;
        auto command = parse_control_command(*body, impl_->hub->snapshot().get());
        if (!command) return http::send_error(res, command.error());
        auto r = impl_->hub->submit(std::move(command.value()));
        if (!r) return http::send_error(res, r.error());
        http::send_json(res, 200,
                        {{"subject", r->subject}, {"created", r->created}, {"revision", r->state->revision()}});
    });
}

ControlServer::~ControlServer() {
    stop();
}

Result<int> ControlServer::bind(int port) {
    return bind_listener(impl_->http, "127.0.0.1", port, "the control surface");
}

void ControlServer::start(Hub& hub) {
    impl_->hub = &hub;
    start_listener(impl_->http, impl_->thread);
}

void ControlServer::stop() {
    stop_listener(impl_->http, impl_->thread);
}

}  // namespace samling
