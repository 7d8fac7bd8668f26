// Reads the back buffer of the current GL context into a PNG (for --screenshot and the tests).
// Depends on OpenGL and stb_image_write only; knows nothing of ImGui or the workshop.
#pragma once

#include <string>

namespace samling {

// Call after rendering and before the swap. False, with `error` set, when the file cannot be written.
bool write_back_buffer_png(const std::string& path, int width, int height, std::string& error);

}  // namespace samling
