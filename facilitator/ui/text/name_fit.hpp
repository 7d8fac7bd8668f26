// Group names cut to a chip's or a tile's width so that no two read the same: cut from the
// middle ("Barnev…kestua"), keeping the part that tells them apart. Depends on ImGui's font only.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

namespace samling {

// `name` whole when it fits `width`, else its start and end around "…" (about 55% start).
std::string cut_middle(const ImFont* font, float size, std::string_view name, float width);

// Every name fitted to `width`, whole or cut; two different names never give the same text
// (when some cut of each that fits tells them apart). Same order as `names`.
std::vector<std::string> distinct_names(const ImFont* font, float size, const std::vector<std::string>& names,
                                        float width);

}  // namespace samling
