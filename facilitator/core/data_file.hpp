// Reading the data files a facilitator may edit (exercises, instruments): the shared rules, so
// every file names its mistakes the same way — the file, the place, the problem.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "core/exercise.hpp"
#include "core/result.hpp"

namespace samling::data_file {

struct Problem {
    std::string where;  // "zones[2].label"; empty for the whole file
    std::string what;
};

// "exercises/x.json: zones[2]: missing \"label\"" as an invalid_request error.
Error invalid(std::string_view source, const Problem& p);

// The file's one JSON object (comments allowed), or the parser's own line and column.
Result<nlohmann::json> parse_object(std::string_view json_text, std::string_view source);

// Lower-case letters, digits, _ and -; 1 to 64 of them.
bool is_identifier(const std::string& s);

// Reads {"nb": "...", "nn": "...", "en": "..."} at obj[key]; every language is required.
std::optional<Problem> read_text(const nlohmann::json& obj, const char* key, const std::string& where, bool required,
                                 LocalText& out);

// An optional true/false; anything else is a mistake worth naming.
std::optional<Problem> read_flag(const nlohmann::json& obj, const char* key, const std::string& where, bool& out);

}  // namespace samling::data_file
