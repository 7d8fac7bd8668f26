// The page's files compressed once at start and JSON answers compressed per request (issue
// 16 points 2 and 4), checked on the bytes a real server on loopback sends.
#include <fstream>
#include <sstream>

#include "server/compression.hpp"
#include "server_fixture.hpp"

using namespace samling;
using namespace samling::testing;

namespace {

std::string source_file(const std::string& name) {
    std::ifstream in(std::filesystem::path(SAMLING_SOURCE_DIR) / "assets" / "web" / name, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// A client that shows the bytes on the wire, as a proxy would: no decompression.
httplib::Client raw_client(const TestServer& s) {
    auto c = s.client();
    c.set_decompress(false);
    return c;
}

}  // namespace

TEST_CASE("Accept-Encoding picks br over gzip over identity by q-value") {
    CHECK(choose_coding("") == Coding::identity);
    CHECK(choose_coding("gzip, deflate") == Coding::gzip);
    CHECK(choose_coding("gzip, deflate, br") == Coding::br);
    CHECK(choose_coding("br;q=0, gzip") == Coding::gzip);  // "br" is named, and refused
    CHECK(choose_coding("gzip;q=0.8, br;q=0.5") == Coding::gzip);
    CHECK(choose_coding("GZIP;Q=1.0") == Coding::gzip);
    CHECK(choose_coding("identity") == Coding::identity);
    CHECK(choose_coding("*") == Coding::br);
    CHECK(choose_coding("*;q=0.5, identity") == Coding::identity);
    CHECK(choose_coding("deflate, compress") == Coding::identity);
    CHECK(choose_coding("gzip, br", /*offer_br=*/false) == Coding::gzip);
    CHECK(choose_coding("gzip;q=0, identity;q=0") == Coding::identity);  // nothing left: send it plain
}

TEST_CASE("a page's file in br and in gzip decodes to the file's exact bytes; plain when nothing is accepted") {
    TestServer s;
    const std::string file = source_file("style.css");
    REQUIRE(file.size() > 4000);
    auto c = raw_client(s);

    auto br = c.Get("/style.css", {{"Accept-Encoding", "gzip, deflate, br"}});
    REQUIRE(br);
    CHECK(br->status == 200);
    CHECK(br->get_header_value("Content-Encoding") == "br");
    CHECK(br->get_header_value("Vary") == "Accept-Encoding");
    CHECK(br->body.size() < file.size() / 3);
    CHECK(brotli_decompress(br->body) == file);

    auto gz = c.Get("/style.css", {{"Accept-Encoding", "br;q=0, gzip"}});
    REQUIRE(gz);
    CHECK(gz->get_header_value("Content-Encoding") == "gzip");
    CHECK(gzip_decompress(gz->body) == file);
    CHECK(gz->body.size() > br->body.size());  // brotli 11 beats gzip 9 on CSS

    auto plain = c.Get("/style.css");
    REQUIRE(plain);
    CHECK_FALSE(plain->has_header("Content-Encoding"));
    CHECK(plain->body == file);
    auto none = c.Get("/style.css", {{"Accept-Encoding", "identity"}});
    CHECK(none->body == file);

    // Each representation has its own strong ETag (RFC 9110 §8.8.3), stable across requests.
    const std::string tag_br = br->get_header_value("ETag"), tag_gz = gz->get_header_value("ETag");
    const std::string tag_plain = plain->get_header_value("ETag");
    CHECK(tag_br.front() == '"');
    CHECK(tag_br != tag_gz);
    CHECK(tag_gz != tag_plain);
    CHECK(c.Get("/style.css", {{"Accept-Encoding", "br"}})->get_header_value("ETag") == tag_br);
    MESSAGE("style.css: " << file.size() << " B plain, " << gz->body.size() << " B gzip, " << br->body.size()
                          << " B br");
}

TEST_CASE("a reload costs a 304 with no body: If-None-Match with the file's ETag") {
    TestServer s;
    auto c = raw_client(s);
    auto first = c.Get("/strings.js", {{"Accept-Encoding", "gzip, deflate, br"}});
    REQUIRE(first);
    const std::string etag = first->get_header_value("ETag");
    REQUIRE_FALSE(etag.empty());
    CHECK(first->get_header_value("Cache-Control") == "no-cache");

    const std::string answer = s.raw(
        "GET /strings.js HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: gzip, br\r\n"
        "If-None-Match: " +
        etag + "\r\n\r\n");
    CHECK(answer.rfind("HTTP/1.1 304", 0) == 0);
    const auto head_end = answer.find("\r\n\r\n");
    REQUIRE(head_end != std::string::npos);
    CHECK(answer.size() == head_end + 4);  // nothing after the headers
    CHECK(answer.find("ETag: " + etag) != std::string::npos);

    // A list, a weak form, or "*" match too; another coding's tag does not.
    CHECK(c.Get("/strings.js", {{"Accept-Encoding", "br"}, {"If-None-Match", "\"x\", W/" + etag}})->status == 304);
    CHECK(c.Get("/strings.js", {{"Accept-Encoding", "gzip"}, {"If-None-Match", etag}})->status == 200);
    CHECK(c.Get("/strings.js", {{"If-None-Match", "\"old\""}})->status == 200);
}

TEST_CASE("one byte range of a page's file is cut from the bytes sent; one outside the file is 416") {
    TestServer s;
    const std::string file = source_file("style.css");
    auto c = raw_client(s);
    auto part = c.Get("/style.css", {{"Range", "bytes=10-19"}});
    REQUIRE(part);
    CHECK(part->status == 206);
    CHECK(part->body == file.substr(10, 10));
    CHECK(part->get_header_value("Content-Range") == "bytes 10-19/" + std::to_string(file.size()));
    auto tail = c.Get("/style.css", {{"Range", "bytes=-5"}});
    CHECK(tail->body == file.substr(file.size() - 5));
    auto past = c.Get("/style.css", {{"Range", "bytes=999999-"}});
    CHECK(past->status == 416);
    CHECK(past->body.size() < 200);
    // The whole file asked past its end is the whole file, not more.
    auto over = c.Get("/style.css", {{"Range", "bytes=0-99999999"}});
    CHECK(over->status == 206);
    CHECK(over->body == file);
    CHECK(over->get_header_value("Content-Range") ==
          "bytes 0-" + std::to_string(file.size() - 1) + "/" + std::to_string(file.size()));
}

TEST_CASE("a poll answer goes out gzip-compressed to a phone that accepts gzip, and decodes to the same JSON") {
    TestServer s;
    const std::string token = s.join(s.nord);
    for (int i = 0; i < 18; ++i)
        REQUIRE(s.post_note(token, "c" + std::to_string(i),
                            "Lapp nummer " + std::to_string(i) + " om tidlig innsats i barnehagen og skolen")
                    ->status == 201);
    auto c = raw_client(s);
    auto headers = TestServer::bearer(token);
    auto plain = c.Get("/api/state", headers);
    REQUIRE(plain);
    CHECK_FALSE(plain->has_header("Content-Encoding"));
    headers.emplace("Accept-Encoding", "gzip, deflate, br");
    auto gz = c.Get("/api/state", headers);
    REQUIRE(gz);
    CHECK(gz->status == 200);
    CHECK(gz->get_header_value("Content-Encoding") == "gzip");
    CHECK(gz->get_header_value("Vary") == "Accept-Encoding");
    const auto decoded = gzip_decompress(gz->body);
    REQUIRE(decoded);
    const json a = json::parse(plain->body), b = json::parse(*decoded);
    CHECK(a["notes"] == b["notes"]);
    CHECK(a["revision"] == b["revision"]);
    CHECK(gz->body.size() * 4 < plain->body.size());
    MESSAGE("an 18-note poll: " << plain->body.size() << " B plain, " << gz->body.size() << " B gzip");

    // Small answers stay plain: gzip's header would outweigh what it saves.
    auto unchanged = c.Get("/api/state?since=" + std::to_string(a["revision"].get<long long>()), headers);
    REQUIRE(unchanged);
    CHECK_FALSE(unchanged->has_header("Content-Encoding"));
    CHECK(json::parse(unchanged->body)["unchanged"] == true);
    // httplib's own client, which decompresses, sees the same JSON.
    auto decoding = s.client().Get("/api/state", headers);
    CHECK(json::parse(decoding->body)["notes"] == a["notes"]);
}
