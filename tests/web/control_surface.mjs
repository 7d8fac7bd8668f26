// The facilitator's side as a script drives it: one command POSTed to a running Samling's
// loopback control surface (README, "Control surface"). Shared by the browser tests.
import assert from 'node:assert/strict';

// `ctl` is DATA-DIR/control.json: {url, token}. Fails the test unless the answer is 200, and
// gives the answer back ({"subject", ...}).
export async function postCommand(ctl, body) {
  const res = await fetch(ctl.url + '/control/commands', {
    method: 'POST',
    headers: { Authorization: 'Bearer ' + ctl.token, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = await res.json();
  assert.equal(res.status, 200, `control ${JSON.stringify(body)} → ${res.status} ${JSON.stringify(answer)}`);
  return answer;
}
