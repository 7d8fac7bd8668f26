// The shared rules of data files; see data_file.hpp.
#include "core/data_file.hpp"

namespace samling::data_file {

using nlohmann::json;

Error invalid(std::string_view source, const Problem& p) {
    std::string msg(source);
    if (!p.where.empty()) msg += ": " + p.where;
    msg += ": " + p.what;
    return make_error(Errc::invalid_request, msg);
}

Result<json> parse_object(std::string_view json_text, std::string_view source) {
    json doc;
    try {
        doc = json::parse(json_text, nullptr, /*allow_exceptions=*/true, /*ignore_comments=*/true);
    } catch (const json::parse_error& e) {
        // e.what() reads "[json.exception.parse_error.101] parse error at line L, column C: ..."
        std::string what = e.what();
        const auto at = what.find("] ");
        return invalid(source, {"", at == std::string::npos ? what : what.substr(at + 2)});
    }
    if (!doc.is_object()) return invalid(source, {"", "the file must hold one JSON object"});
    return doc;
}

bool is_identifier(const std::string& s) {
    if (s.empty() || s.size() > 64) return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
    return true;
}

std::optional<Problem> read_text(const json& obj, const char* key, const std::string& where, bool required,
                                 LocalText& out) {
    if (!obj.contains(key)) {
        if (!required) return std::nullopt;
        return Problem{where, std::string("missing \"") + key + "\""};
    }
    const json& t = obj.at(key);
    const std::string at = where.empty() ? key : where + "." + key;
    if (!t.is_object()) return Problem{at, "must be an object with nb, nn and en"};
    for (auto [lang, field] : {std::pair{"nb", &out.nb}, {"nn", &out.nn}, {"en", &out.en}}) {
        if (!t.contains(lang) || !t.at(lang).is_string() || t.at(lang).get<std::string>().empty())
            return Problem{at, std::string("missing language \"") + lang + "\""};
        *field = t.at(lang).get<std::string>();
    }
    return std::nullopt;
}

std::optional<Problem> read_flag(const json& obj, const char* key, const std::string& where, bool& out) {
    if (!obj.contains(key)) return std::nullopt;
    if (!obj.at(key).is_boolean()) return Problem{where, std::string("\"") + key + "\" must be true or false"};
    out = obj.at(key).get<bool>();
    return std::nullopt;
}

}  // namespace samling::data_file
