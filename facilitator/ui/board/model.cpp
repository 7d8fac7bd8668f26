// Deciding what a board may show. The one place that reads note.revealed, the vote rules and
// the exercise's anonymity for the projector. Depends on the core only; no GLFW, OpenGL or hub.
#include "ui/board/model.hpp"

#include <algorithm>
#include <map>

#include "core/vote_results.hpp"
#include "ui/programme/programme_strings.hpp"
#include "ui/text/drawable_text.hpp"
#include "ui/theme.hpp"

namespace samling {
namespace {

// Totals are shown in a vote step that does not hide them, and after any vote step is over.
bool totals_allowed(const ExerciseDefinition& def, const ExerciseRun& run, const Step* step) {
    if (step && step->kind == StepKind::vote) return !step->hide_totals;
    return vote_is_over(def, run);
}

// The core's ranking (core/vote_results.hpp), the same the phones are told as "top".
void rank_cards(std::vector<ModelCard>& cards) {
    std::vector<int> dots;
    for (const ModelCard& c : cards) dots.push_back(c.dots);
    const std::vector<int> ranks = vote_ranks(dots);
    for (std::size_t i = 0; i < cards.size(); ++i) cards[i].rank = ranks[i];
}

// Roots in note order, each followed by its chain of "why?" answers, depth first.
void order_chains(std::vector<ModelCard>& cards) {
    std::map<Id, std::vector<std::size_t>> children;
    std::map<Id, std::size_t> index;
    for (std::size_t i = 0; i < cards.size(); ++i) index[cards[i].note] = i;
    for (std::size_t i = 0; i < cards.size(); ++i) {
        if (cards[i].parent != 0 && index.count(cards[i].parent))
            children[cards[i].parent].push_back(i);
        else
            cards[i].parent = 0;  // its parent is not face up: it stands alone
    }
    std::vector<ModelCard> out;
    out.reserve(cards.size());
    auto visit = [&](auto& self, std::size_t i, int depth, const ModelCard* root) -> void {
        if (depth > 50) return;  // a cycle cannot be made by the core; be safe anyway
        ModelCard c = cards[i];
        c.depth = depth;
        if (root) {
            c.place_zone = root->place_zone;
            c.cluster = root->cluster;
        }
        out.push_back(c);
        const ModelCard here = out.back();
        for (std::size_t k : children[cards[i].note]) self(self, k, depth + 1, root ? root : &here);
    };
    for (std::size_t i = 0; i < cards.size(); ++i)
        if (cards[i].parent == 0) visit(visit, i, 0, nullptr);
    cards = std::move(out);
}

}  // namespace

int zone_index(const BoardModel& model, std::string_view zone_id) {
    for (std::size_t i = 0; i < model.zones.size(); ++i)
        if (!model.zones[i].id.empty() && model.zones[i].id == zone_id) return static_cast<int>(i);
    return -1;
}

BoardModel board_model(const Workshop& state, Id group, Language lang, const UiStrings& strings,
                       const BoardStrings& words) {
    const ExerciseRun* run = group ? state.current_run(group) : nullptr;
    return run ? board_model_of(state, *run, lang, strings, words) : BoardModel{};
}

BoardModel board_model_of(const Workshop& state, const ExerciseRun& run, Language lang, const UiStrings& strings,
                          const BoardStrings& words) {
    BoardModel m;
    const ExerciseDefinition* def = state.definition(run);
    if (!def) return m;
    const Step* step = state.current_step(run);
    m.run = run.id;
    m.layout = def->layout;
    for (const Zone& z : def->zones)
        m.zones.push_back(
            {z.id, drawable_text(z.label.in(lang)), theme::zone_colour(z.colour), theme::card_colour(z.colour), 0});
    const bool zoneless = m.zones.empty();  // one unlabelled area
    if (zoneless) m.zones.push_back({"", "", theme::card_default, theme::card_default, 0});

    const std::vector<const Note*> notes = state.notes_of_run(run.id);
    int stray = -1;
    auto zone_of = [&](const Note& n) {
        if (zoneless) return 0;
        if (const int i = zone_index(m, n.zone); i >= 0) return i;
        if (stray < 0) {
            stray = static_cast<int>(m.zones.size());
            m.zones.push_back({"", strings.no_zone, theme::text_muted, theme::card_default, 0});
        }
        return stray;
    };
    const bool totals = totals_allowed(*def, run, step);
    for (const Note* n : notes) {
        const int z = zone_of(*n);
        if (!n->revealed) {
            m.hidden.push_back(m.zones[static_cast<std::size_t>(z)].card);
            continue;
        }
        ModelCard c;
        c.note = n->id;
        c.text = drawable_text(n->text);
        c.colour = m.zones[static_cast<std::size_t>(z)].card;
        c.zone = c.place_zone = z;
        c.cluster = state.cluster(n->cluster) ? n->cluster : 0;
        c.parent = n->parent;
        c.x = n->x;
        c.y = n->y;
        c.merged = state.merged_count(n->id);
        c.highlighted = n->highlighted;
        m.dots_cast += state.dots_on(n->id);
        if (totals) c.dots = state.dots_on(n->id);
        if (def->anonymity == Anonymity::projector) {
            c.author = drawable_text(state.projector_author(*n));
        } else if (def->anonymity == Anonymity::facilitator) {
            const Participant* p = state.participant(n->author);
            c.hover_author = drawable_text(n->author == 0          ? words.by_facilitator
                                           : p && !p->name.empty() ? p->name
                                                                   : words.anonymous);
        }
        // A measure's owner and start date (any note fields) on the card's footer line.
        c.details = drawable_text(field_values_line(note_field_values(*def, *n), programme_strings(lang)));
        m.cards.push_back(std::move(c));
    }
    order_chains(m.cards);
    for (const ModelCard& c : m.cards) ++m.zones[static_cast<std::size_t>(c.place_zone)].count;
    if (totals) rank_cards(m.cards);
    m.show_totals = totals;
    m.voting_hidden = !totals && step && step->kind == StepKind::vote;

    for (const Cluster* cl : state.clusters_of_run(run.id)) {
        const int z = zone_index(m, cl->zone);
        m.clusters.push_back({cl->id, z < 0 ? 0 : z, drawable_text(cl->name)});
    }
    if (def->axes) {
        m.axis_x = drawable_text(def->axes->x.in(lang));
        m.axis_y = drawable_text(def->axes->y.in(lang));
    }
    if (def->layout == "fishbone") {
        // The exercise file names the field that heads the fishbone (exercises/README.md).
        std::optional<std::string> head;
        if (def->head && !def->head->exercise.empty())
            head = state.latest_conclusion(run.group, def->head->exercise, def->head->field);
        else if (def->head && !state.conclusion(run.id, def->head->field).empty())
            head = state.conclusion(run.id, def->head->field);
        m.head_is_hint = !head;
        m.head = drawable_text(head ? *head : std::string(words.head_hint));
    }
    m.mode = m.cards.empty() && !m.hidden.empty() ? BoardModel::Mode::hidden : BoardModel::Mode::cards;
    return m;
}

}  // namespace samling
