// Binding, serving and stopping a cpp-httplib server, the same way for the participants'
// server and the control surface (ENGINEERING.md: bind on the caller's thread so "port in
// use" is known at once; stop() is ignored until the server runs).
#pragma once

#include <httplib.h>

#include <string>
#include <thread>

#include "core/result.hpp"

namespace samling {

// Returns the bound port (port 0: any free port), or an error naming host and port.
Result<int> bind_listener(httplib::Server& http, const std::string& host, int port, const std::string& what);

// Serves on `thread` until stop_listener().
void start_listener(httplib::Server& http, std::thread& thread);
void stop_listener(httplib::Server& http, std::thread& thread);

}  // namespace samling
