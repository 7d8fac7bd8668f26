// Spelling of the model's enums, as files and the API write them.
#include "core/model.hpp"

namespace samling {

std::string_view to_string(Language lang) {
    switch (lang) {
        case Language::nb:
            return "nb";
        case Language::nn:
            return "nn";
        case Language::en:
            return "en";
    }
    return "nb";
}

std::int64_t Timer::remaining_ms(Timestamp now) const {
    const std::int64_t ran = elapsed_ms + (running() ? now - running_since : 0);
    return duration_ms - ran;
}

std::optional<Language> parse_language(std::string_view s) {
    if (s == "nb") return Language::nb;
    if (s == "nn") return Language::nn;
    if (s == "en") return Language::en;
    return std::nullopt;
}

}  // namespace samling
