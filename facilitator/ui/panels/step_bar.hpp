// The step machine made visible: a pill per step of the focused group's exercise (the current
// one lit, each a button), the step's countdown, and how many of the group are done.
// Reads a snapshot and draws; no GLFW, OpenGL or hub.
#pragma once

#include <cstdint>
#include <string>

#include <imgui.h>

#include "core/presence.hpp"
#include "core/workshop.hpp"
#include "ui/fonts.hpp"
#include "ui/ui_strings.hpp"

namespace samling {

// How long the countdown blinks after reaching zero before it stays still (calm, not frantic).
inline constexpr std::int64_t timer_blink_ms = 10'000;

// "07:00", "00:00" past zero, "1:05:00" past an hour; whole seconds rounded up.
std::string clock_text(std::int64_t remaining_ms);

// The countdown as shown: whether there is one, its digits, label and colour.
struct TimerLook {
    bool shown = false;
    bool expired = false;
    std::string digits;
    const char* label = "";
    ImU32 colour = 0;
};

// A step has a countdown when it has a time box, or once the facilitator has started one (T).
TimerLook timer_look(const ExerciseRun& run, const Step& step, Timestamp now, const UiStrings& strings);

// How many of the group's participants here now (heard from within the presence window) said
// "done" in its current step; -1 when nobody is here or the step asks nothing of the phones
// (done means something while writing, proposing and voting). A closed phone does not count.
int done_in_step(const Workshop& state, const Presence& presence, Id group, Timestamp now);

// "2 av 3 er ferdige", of those here now; empty when done_in_step() is -1.
std::string done_text(const Workshop& state, const Presence& presence, const ExerciseRun& run, const UiStrings& strings,
                      Timestamp now);

// The pill's words: "1 Skriv".
std::string pill_label(int index, StepKind kind, const UiStrings& strings);

float step_bar_height(const Fonts& fonts);

// Pills from `min` rightwards, at most to `max_x`; returns the step clicked, or -1.
int draw_step_bar(ImDrawList* dl, const ExerciseDefinition& def, int current, ImVec2 min, float max_x,
                  const Fonts& fonts, const UiStrings& strings, float* used_width = nullptr);

// The countdown box of `look` in [min, max]: label on top, big digits below.
void draw_timer(ImDrawList* dl, const TimerLook& look, ImVec2 min, ImVec2 max, const Fonts& fonts);

// The countdown box's size for these fonts.
ImVec2 timer_box_size(const Fonts& fonts);

}  // namespace samling
