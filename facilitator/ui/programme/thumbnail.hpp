// A board picture as the views see it: a texture id and its size, from whatever loads them
// (OpenGL in the app, nothing in the tests). Must not depend on OpenGL, GLFW or the hub.
#pragma once

#include <functional>
#include <string>

#include <imgui.h>

namespace samling {

struct Thumbnail {
    ImTextureID texture = nullptr;  // nullptr: no picture (yet)
    int width = 0, height = 0;
};

// Returns the picture at `path`, or an empty Thumbnail; must return quickly.
using ThumbnailSource = std::function<Thumbnail(const std::string& path)>;

}  // namespace samling
