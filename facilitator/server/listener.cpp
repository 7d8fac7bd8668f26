// The start and stop dance cpp-httplib 0.11 needs, written once.
#include "server/listener.hpp"

#include <chrono>

namespace samling {

Result<int> bind_listener(httplib::Server& http, const std::string& host, int port, const std::string& what) {
    const int bound = port == 0 ? http.bind_to_any_port(host) : (http.bind_to_port(host, port) ? port : -1);
    if (bound <= 0)
        return make_error(Errc::invalid_request, "cannot listen on " + host + ":" + std::to_string(port) + " for " +
                                                     what + " (port in use, or address not on this machine)");
    return bound;
}

void start_listener(httplib::Server& http, std::thread& thread) {
    thread = std::thread([&http] { http.listen_after_bind(); });
}

void stop_listener(httplib::Server& http, std::thread& thread) {
    if (!thread.joinable()) return;
    for (int i = 0; i < 5000 && !http.is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    http.stop();
    thread.join();
}

}  // namespace samling
