// The phone page's texts as a phone gets them (GET /strings.js from a real server): built from
// i18n/strings.json, every error code the API can answer has the page's own words in nb, nn and
// en, so a phone never shows the server's English developer message.
#include <fstream>
#include <regex>
#include <set>

#include "core/result.hpp"
#include "server/error_codes.hpp"
#include "server/web_assets.hpp"
#include "server_fixture.hpp"

using namespace samling;
using namespace samling::testing;

namespace {

// The server serving the page's real folder, loaded as the app loads it (WebAssets::load).
void serve_the_real_page(TestServer& s) {
    s.server.reset();
    auto assets = WebAssets::load(std::string(SAMLING_SOURCE_DIR) + "/assets/web");
    REQUIRE(assets.ok());
    s.server = std::make_unique<ParticipantServer>(std::move(assets.value()), ServerConfig{"127.0.0.1", 0});
    auto port = s.server->bind();
    REQUIRE(port.ok());
    s.port = port.value();
    s.server->start(*s.hub);
}

// "window.SAMLING_STRINGS = {...};" → the object.
json served_strings(TestServer& s) {
    serve_the_real_page(s);
    auto res = s.client().Get("/strings.js");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    CHECK(res->get_header_value("Content-Type").find("javascript") != std::string::npos);
    const std::string& js = res->body;
    const auto at = js.find("window.SAMLING_STRINGS = ");
    REQUIRE(at != std::string::npos);
    const auto open = js.find('{', at), close = js.rfind('}');
    return json::parse(js.substr(open, close - open + 1));
}

std::vector<std::string> every_api_error_code() {
    std::vector<std::string> codes;
    // Every Errc: to_string names each one and says "unknown" past the last.
    for (int c = 0; to_string(static_cast<Errc>(c)) != "unknown"; ++c)
        codes.emplace_back(to_string(static_cast<Errc>(c)));
    for (std::string_view c : server_error_codes) codes.emplace_back(c);
    return codes;
}

}  // namespace

TEST_CASE("every error code the API can answer has the phone's own words in nb, nn and en") {
    TestServer s;
    const json strings = served_strings(s);
    for (const char* lang : {"nb", "nn", "en"}) {
        REQUIRE(strings.contains(lang));
        for (const std::string& code : every_api_error_code()) {
            INFO(std::string(lang) << ": err_" << code);
            REQUIRE(strings[lang].contains("err_" + code));
            CHECK(!strings[lang]["err_" + code].get<std::string>().empty());
        }
    }
    // One catalogue: the languages hold the same keys.
    for (const auto& item : strings["nb"].items()) {
        const std::string key = item.key();  // INFO captures it: clang 14 cannot capture a binding
        INFO(key);
        CHECK(strings["nn"].contains(key));
        CHECK(strings["en"].contains(key));
    }
}

TEST_CASE("every error code the server's sources answer with is in the list the phone's words are held to") {
    std::set<std::string> known;
    for (const std::string& c : every_api_error_code()) known.insert(c);
    const std::regex answer(R"re((send_error|refuse)\(\s*res,\s*[0-9]+,\s*"([a-z_]+)")re");
    int seen = 0;
    for (const auto& entry :
         std::filesystem::directory_iterator(std::string(SAMLING_SOURCE_DIR) + "/facilitator/server")) {
        std::ifstream in(entry.path());
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        for (auto it = std::sregex_iterator(text.begin(), text.end(), answer); it != std::sregex_iterator(); ++it) {
            INFO(entry.path().filename().string() << ": " << (*it)[2].str());
            CHECK(known.count((*it)[2].str()) == 1);
            ++seen;
        }
    }
    CHECK(seen > 10);  // the pattern still matches how the server answers
}
