// Specification of Unicode over the real API: names and notes typed with combining marks are
// kept composed (NFC), names that differ only in case or spelling of "Å" are one name, and the
// note limit counts characters as a person does.
#include "server_fixture.hpp"

using namespace samling;
using namespace samling::testing;

namespace {

const std::string composed_aa = "\xC3\x85";     // U+00C5 Å
const std::string decomposed_aa = "A\xCC\x8A";  // A + U+030A combining ring above
const std::string decomposed_a = "a\xCC\x8A";   // a + ring: å

json groups_on_phones(const TestServer& s) {
    auto res = s.client().Get("/api/room?code=" + s.code);
    REQUIRE(res);
    REQUIRE(res->status == 200);
    return json::parse(res->body)["groups"];
}

}  // namespace

TEST_CASE("a leader group named again in other case or with a decomposed Å is refused; phones see one, composed") {
    ControlFixture f;
    auto res = f.command({{"command", "add_group"}, {"name", decomposed_aa + "s skole"}});
    REQUIRE(res->status == 200);
    const Id aas = json::parse(res->body)["subject"].get<Id>();
    CHECK(f.hub->snapshot()->group(aas)->name == composed_aa + "s skole");
    const std::vector<std::string> again_names = {composed_aa + "s skole", decomposed_a + "s skole", "\xC3\xA5s SKOLE",
                                                  "  \xC3\xA5S skole "};
    for (const std::string& again : again_names) {
        INFO(again);
        res = f.command({{"command", "add_group"}, {"name", again}});
        CHECK(res->status == 400);
        CHECK(error_code(res) == "invalid_request");
        CHECK(json::parse(res->body)["error"]["message"].get<std::string>().find(composed_aa + "s skole") !=
              std::string::npos);
    }
    // Renaming another group to the same name in other case is refused the same way.
    res = f.command({{"command", "edit_group"}, {"group", f.nord}, {"name", "\xC3\xA5s skole"}});
    CHECK(res->status == 400);
    const json groups = groups_on_phones(f);
    int named = 0;
    for (const json& g : groups) named += g["name"] == composed_aa + "s skole";
    CHECK(named == 1);
    CHECK(groups.size() == 3);
    CHECK(f.hub->snapshot()->group(f.nord)->name == "Oppvekst Nordvik");
}

TEST_CASE("a participant's name and note typed with combining marks are stored and answered composed") {
    TestServer s;
    const json body = {{"code", s.code}, {"group", s.nord}, {"name", "M" + decomposed_a + "rten"}};
    auto res = s.client().Post("/api/join", body.dump(), "application/json");
    REQUIRE(res->status == 201);
    CHECK(json::parse(res->body)["participant"]["name"] == "M\xC3\xA5rten");
    const std::string token = json::parse(res->body)["token"].get<std::string>();
    res = s.post_note(token, "c1", "Bl" + decomposed_a + "b\xC3\xA6r");
    REQUIRE(res->status == 201);
    CHECK(json::parse(res->body)["note"]["text"] ==
          "Bl\xC3\xA5"
          "b\xC3\xA6r");
    s.restart();
    CHECK(s.state_of(token)["notes"][0]["text"] ==
          "Bl\xC3\xA5"
          "b\xC3\xA6r");
}

TEST_CASE("the note limit counts characters: 280 flags or thumbs with skin tone are accepted, 281 are refused") {
    TestServer s;
    const std::string token = s.join(s.nord);
    const std::string flag = "\xF0\x9F\x87\xB3\xF0\x9F\x87\xB4";   // 🇳🇴: two code points
    const std::string thumb = "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD";  // 👍🏽: two code points
    std::string flags, thumbs;
    for (int i = 0; i < 280; ++i) flags += flag, thumbs += thumb;
    CHECK(s.post_note(token, "c1", flags)->status == 201);
    CHECK(s.post_note(token, "c2", thumbs)->status == 201);
    auto res = s.post_note(token, "c3", flags + flag);
    CHECK(res->status == 422);
    CHECK(error_code(res) == "text_too_long");
    // 280 letters written decomposed are 560 code points, and 280 characters once composed.
    std::string letters;
    for (int i = 0; i < 280; ++i) letters += decomposed_a;
    CHECK(s.post_note(token, "c4", letters)->status == 201);
}

TEST_CASE("one letter under a pile of combining marks is refused as too long, not stored as kilobytes") {
    TestServer s;
    const std::string token = s.join(s.nord);
    std::string zalgo = "x";
    for (int i = 0; i < 1200; ++i) zalgo += "\xCC\x81";  // U+0301, 1,200 times on one letter
    auto res = s.post_note(token, "c1", zalgo);
    CHECK(res->status == 422);
    CHECK(error_code(res) == "text_too_long");
    CHECK(s.state_of(token)["notes"].empty());
}
