// Reads the back buffer of the current GL context into a PNG (for --screenshot and the tests).
// Depends on OpenGL and stb_image_write only; knows nothing of ImGui or the workshop.
#pragma once

#include <string>

namespace samling {

// Call after rendering and before the swap. False, with `error` set, when the file cannot be written.
bool write_back_buffer_png(const std::string& path, int width, int height, std::string& error);

// A rectangle of the back buffer, in framebuffer pixels counted from the top left of a
// framebuffer `fb_height` pixels tall (clipped to it), written to `path` through a temporary
// file and a rename, so a reader never sees half a PNG. Creates the folder. After rendering,
// before the swap.
bool write_region_png(const std::string& path, int x, int y, int width, int height, int fb_height, std::string& error);

}  // namespace samling
