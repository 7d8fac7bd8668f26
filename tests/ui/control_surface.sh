# Shared by the real-window test scripts (source it; the caller defines fail): talking to a
# running Samling through its loopback control surface, as README's "Control surface" says.

url="" token=""

# Waits up to 30 s for DIR/control.json and reads the surface's url and token from it.
# ERR_FILE, when given, is shown if it never comes.
read_control() {
    local dir=$1 err=${2:-}
    for _ in $(seq 300); do [[ -s $dir/control.json ]] && break; sleep 0.1; done
    if [[ ! -s $dir/control.json ]]; then
        [[ -n $err && -e $err ]] && cat "$err" >&2
        fail "no control.json in $dir"
    fi
    url=$(sed -E 's/.*"url": "([^"]+)".*/\1/' "$dir/control.json")
    token=$(sed -E 's/.*"token": "([^"]+)".*/\1/' "$dir/control.json")
}

# POSTs one facilitator command (JSON); prints the subject id of what it made or concerned.
control() {
    local answer
    answer=$(curl -sS --fail-with-body -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        -d "$1" "$url/control/commands") || fail "command $1 -> $answer"
    sed -E 's/.*"subject":([0-9]+).*/\1/' <<<"$answer"
}
