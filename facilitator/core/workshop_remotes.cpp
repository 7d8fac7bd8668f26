// Deciding and applying the facilitator's remotes (pair, revoke, authenticate) and the messages
// to the room's phones (broadcast). Pure core: the server mints and carries the tokens.
#include <algorithm>

#include "core/secrets.hpp"
#include "core/sha256.hpp"
#include "core/workshop.hpp"
#include "core/workshop_rules.hpp"

namespace samling {

using rules::clean_text;
using rules::decided;

const Remote* Workshop::remote(Id id) const {
    auto it = remotes_.find(id);
    return it == remotes_.end() ? nullptr : &it->second;
}

// "r<id>.<secret>": the "r" keeps a remote's token from ever reading as a participant's.
std::optional<Id> Workshop::authenticate_remote(std::string_view token) const {
    if (token.size() < 3 || token[0] != 'r') return std::nullopt;
    const auto parts = rules::split_token(token.substr(1));
    if (!parts) return std::nullopt;
    const Remote* r = remote(parts->id);
    if (!r || r->revoked || r->secret_hash.empty() || !secrets::equal(r->secret_hash, sha256_hex(parts->secret)))
        return std::nullopt;
    return parts->id;
}

Result<Decision> Workshop::decide_(const cmd::PairRemote& c, Timestamp now) const {
    auto name = clean_text(c.name, max_name_characters, Errc::name_too_long, false);
    if (!name) return name.error();
    if (c.secret.size() < 32) return make_error(Errc::invalid_request, "A remote's secret has 128 bits at least.");
    return decided(change::RemotePaired{Remote{next_id_, name.value(), sha256_hex(c.secret), now, false}}, next_id_);
}

Result<Decision> Workshop::decide_(const cmd::RevokeRemote& c, Timestamp) const {
    const Remote* r = remote(c.remote);
    if (!r) return make_error(Errc::invalid_request, "No such remote.");
    if (r->revoked) {  // asked twice (two facilitators at once): it stays revoked, nothing new
        Decision d;
        d.subject = r->id;
        d.created = false;
        return d;
    }
    return decided(change::RemoteRevoked{r->id}, r->id);
}

Result<Decision> Workshop::decide_(const cmd::Broadcast& c, Timestamp now) const {
    auto text = clean_text(c.text, max_broadcast_code_points, Errc::text_too_long, false);
    if (!text) return text.error();
    if (text::code_points(text.value()) > max_broadcast_code_points)
        return make_error(Errc::text_too_long,
                          "A message has at most " + std::to_string(max_broadcast_code_points) + " code points.");
    std::vector<Id> groups = c.groups;
    std::sort(groups.begin(), groups.end());
    groups.erase(std::unique(groups.begin(), groups.end()), groups.end());
    for (Id g : groups)
        if (!group(g)) return make_error(Errc::group_not_found, "No leader group " + std::to_string(g) + ".");
    return decided(change::BroadcastSent{BroadcastMessage{next_id_, text.value(), std::move(groups), now}}, next_id_);
}

void Workshop::apply_(const change::RemotePaired& c) {
    remotes_[c.remote.id] = c.remote;
    next_id_ = std::max(next_id_, c.remote.id + 1);
}

void Workshop::apply_(const change::RemoteRevoked& c) {
    remotes_.at(c.remote).revoked = true;
}

void Workshop::apply_(const change::BroadcastSent& c) {
    broadcast_ = c.message;
    next_id_ = std::max(next_id_, c.message.id + 1);
}

}  // namespace samling
