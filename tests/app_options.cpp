// Specification of the command line parser.
#include <doctest/doctest.h>

#include "app/options.hpp"

using namespace samling;

TEST_CASE("defaults follow API.md") {
    auto o = parse_options({});
    REQUIRE(o.ok());
    CHECK(o->host == "0.0.0.0");
    CHECK(o->port == 8765);
    CHECK(o->language == Language::nb);
    CHECK_FALSE(o->headless);
    CHECK_FALSE(o->demo);
}

TEST_CASE("every option is read") {
    auto o = parse_options(
        {"--data-dir", "/tmp/x", "--host", "127.0.0.1", "--port", "0", "--headless", "--demo", "--lang", "nn"});
    REQUIRE(o.ok());
    CHECK(o->data_dir == "/tmp/x");
    CHECK(o->host == "127.0.0.1");
    CHECK(o->port == 0);
    CHECK(o->headless);
    CHECK(o->demo);
    CHECK(o->language == Language::nn);
    CHECK(parse_options({"--screenshot", "a.png"})->screenshot == "a.png");
}

TEST_CASE("bad options are errors that name the option") {
    CHECK(parse_options({"--port", "abc"}).error().message.find("--port") != std::string::npos);
    CHECK_FALSE(parse_options({"--port", "70000"}).ok());
    CHECK_FALSE(parse_options({"--port", "-1"}).ok());
    CHECK_FALSE(parse_options({"--port"}).ok());
    CHECK(parse_options({"--lang", "sv"}).error().message.find("--lang") != std::string::npos);
    CHECK(parse_options({"--frobnicate"}).error().message.find("--frobnicate") != std::string::npos);
    CHECK_FALSE(parse_options({"--screenshot", "a.jpg"}).ok());
    CHECK_FALSE(parse_options({"--data-dir"}).ok());
    CHECK_FALSE(parse_options({"--headless", "--screenshot", "a.png"}).ok());
}

TEST_CASE("--presenter and --no-presenter choose the presenter window; --screenshot-presenter forces it on") {
    CHECK_FALSE(parse_options({})->presenter.has_value());  // two monitors decide
    CHECK(parse_options({"--presenter"})->presenter == true);
    CHECK(parse_options({"--no-presenter"})->presenter == false);
    CHECK(parse_options({"--presenter", "--no-presenter"}).error().message.find("choose one") != std::string::npos);
    const auto shot = parse_options({"--screenshot", "p.png", "--screenshot-presenter", "q.png"});
    REQUIRE(shot.ok());
    CHECK(shot->presenter == true);
    CHECK(shot->screenshot_presenter == "q.png");
    CHECK(parse_options({"--screenshot-presenter", "q.png"}).error().message.find("--screenshot") != std::string::npos);
    CHECK_FALSE(parse_options({"--screenshot", "p.png", "--screenshot-presenter", "q.jpg"}).ok());
    CHECK_FALSE(parse_options({"--no-presenter", "--screenshot", "p.png", "--screenshot-presenter", "q.png"}).ok());
    CHECK_FALSE(parse_options({"--headless", "--presenter"}).ok());
    CHECK_FALSE(parse_options({"backup", "--out", "b", "--presenter"}).ok());
}

TEST_CASE("samling export reads its own options and refuses incomplete or mixed ones") {
    auto o =
        parse_options({"export", "--group", "Oppvekst Nordvik", "--format", "html", "--out", "/tmp/x", "--lang", "nn"});
    REQUIRE(o.ok());
    REQUIRE(o->export_logs);
    CHECK(o->export_logs->group == "Oppvekst Nordvik");
    CHECK(o->export_logs->format == "html");
    CHECK(o->language == Language::nn);
    CHECK(parse_options({"export", "--all", "--format", "csv", "--out", "d"})->export_logs->all);
    CHECK(parse_options({"export", "--format", "csv", "--out", "d"}).error().message.find("--group") !=
          std::string::npos);
    CHECK_FALSE(parse_options({"export", "--all", "--group", "x", "--format", "csv", "--out", "d"}).ok());
    CHECK(parse_options({"export", "--all", "--format", "pdf", "--out", "d"}).error().message.find("--format") !=
          std::string::npos);
    CHECK_FALSE(parse_options({"export", "--all", "--format", "md"}).ok());
    CHECK_FALSE(parse_options({"export", "--all", "--format", "md", "--out", "d", "--headless"}).ok());
    CHECK_FALSE(parse_options({"--all"}).ok());  // export options only after "export"
}
