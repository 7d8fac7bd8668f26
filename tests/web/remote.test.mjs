// The facilitator remote, end to end: a real projector window under Xvfb; Q (typed by xdotool)
// opens the pairing panel, a screen grab's QR code is decoded by zbarimg, and headless Chromium
// at 390×844 opens that URL and pairs as "Kari". The remote steps every group (it asks first,
// naming the count), broadcasts a message that a participant's phone in another page shows and
// dismisses (a poll does not bring it back), names a table lead from a group's list and says yes
// to a phone's ask to lead, then the facilitator revokes it and its next tap
// shows "Frakoblet". axe-core checks the remote page and the message. The control surface only
// seeds the room and reads its state back.
// Env: SAMLING_BIN (the built app), SAMLING_ARTIFACTS (screenshots; created if missing).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { postCommand } from './control_surface.mjs';
import { PHONE, launchChromium, shot as checkedShot } from './samling_browser.mjs';
import { startWindow } from './samling_window.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const ARTIFACTS = process.env.SAMLING_ARTIFACTS || join(here, 'artifacts');
const MESSAGE = 'Kom tilbake til plenum om 2 minutter';

let app, ctl, base, code, browser;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const waitFor = (what, f, ms) => app.waitFor(what, f, ms);
const controlState = () => app.controlState();
// A screenshot into the artifacts, checked by axe-core.
const shot = (p, name) => checkedShot(p, ARTIFACTS, name);

// A phone of `group` joined by the API as `name`: {token, id}.
async function joinAs(group, name) {
  const res = await fetch(base + '/api/join', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code, group, name }) });
  assert.equal(res.status, 201);
  const { token } = await res.json();
  return { token, id: Number(token.split('.')[0]) };
}

// xdotool and import on the Xvfb screen the window is on.
const x = (tool, args) => app.x(tool, args);

describe('the facilitator remote', () => {
  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    app = await startWindow(process.env.SAMLING_BIN, 'remote');
    ({ ctl, base, code } = app);
    browser = await launchChromium();
  });

  after(async () => {
    if (browser) await browser.close();
    if (app) await app.stop();
  });

  it('pairs from the QR on the projector, steps all groups, broadcasts, and is disconnected once revoked', async () => {
    // The projector shows no pairing code until Q is pressed.
    const before = join(ARTIFACTS, 'remote_projector_before.png');
    const none = app.codesOnScreen(before).join('\n');
    assert.ok(!none.includes('/remote.html'), 'no pairing QR on the projector before Q: ' + none);

    x('xdotool', ['key', 'q']);
    const grab = join(ARTIFACTS, 'remote_pairing_panel.png');
    const url = await waitFor('a pairing QR on the screen', () => {
      return app.codesOnScreen(grab).find((l) => l.includes('/remote.html#pair=')) || '';
    });
    assert.ok(url.startsWith(base + '/remote.html#pair='), url);
    const offered = await (await fetch(ctl.url + '/control/remote', { headers: { Authorization: 'Bearer ' + ctl.token } })).json();
    assert.equal(url, offered.url, 'the QR encodes exactly what GET /control/remote offers');
    x('xdotool', ['key', 'Escape']);

    // A participant's phone, joined from its group's link, in a page of its own.
    const state = await controlState();
    const phoneCtx = await browser.newContext(PHONE);
    const phone = await phoneCtx.newPage();
    await phone.goto(`${base}/?room=${code}&group=${state.groups[1].id}`);
    await phone.tap('#join-ask-yes');
    await phone.waitForSelector('#screen-write:not([hidden])');

    // The remote pairs from the decoded URL.
    const remoteCtx = await browser.newContext(PHONE);
    const remote = await remoteCtx.newPage();
    const problems = [];
    remote.on('pageerror', (e) => problems.push(e.message));
    await remote.goto(url);
    await remote.waitForSelector('#screen-pair:not([hidden])');
    await shot(remote, 'remote_pair');
    await remote.fill('#pair-name', 'Kari');
    await remote.tap('#pair-form button[type=submit]');
    await remote.waitForSelector('#screen-remote:not([hidden])');
    assert.equal(new URL(remote.url()).hash, '', 'the spent code leaves the address bar');
    await remote.waitForSelector('#remote-groups li');
    assert.equal(await remote.locator('#remote-groups li').count(), state.groups.length);
    assert.match(await remote.textContent('#remote-who'), /Kari/);
    const paired = await controlState();
    assert.deepEqual(paired.remotes.map((r) => r.name), ['Kari']);
    // The photo of that QR pairs nothing more.
    const again = await fetch(base + '/api/remote/pair', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ pairing: new URL(url).hash.slice(6), name: 'Ola' }) });
    assert.equal(again.status, 401);
    await shot(remote, 'remote');
    // The pairing panel lists Kari now, under a fresh code (the one Kari spent is gone).
    x('xdotool', ['key', 'q']);
    const listed = join(ARTIFACTS, 'remote_pairing_panel_paired.png');
    const fresh = await waitFor('a fresh pairing QR', () => {
      return app.codesOnScreen(listed).find((l) => l.includes('/remote.html#pair=')) || '';
    });
    assert.notEqual(fresh, url, 'the panel shows a new code once one was used');
    x('xdotool', ['key', 'Escape']);

    // Next step for every group: it asks first, naming the count; "Avbryt" does nothing.
    const steps = () => controlState().then((s) => s.groups.map((g) => g.run && g.run.step));
    assert.deepEqual(await steps(), state.groups.map(() => 0));
    await remote.tap('#act-next');
    await remote.waitForSelector('#ask[open]');
    assert.equal(await remote.textContent('#ask-text'), `Neste steg for ${state.groups.length} grupper?`);
    await shot(remote, 'remote_ask');
    await remote.tap('#ask-no');
    await sleep(500);
    assert.deepEqual(await steps(), state.groups.map(() => 0), 'no: nothing moved');
    await remote.tap('#act-next');
    await remote.waitForSelector('#ask[open]');
    await remote.tap('#ask-yes');
    await waitFor('every group at step 2', async () => (await steps()).every((s) => s === 1));
    await remote.waitForFunction(() => /Steg 2 av/.test(document.querySelector('#remote-groups').textContent));

    // A broadcast to every phone: the participant's page shows it over everything.
    await remote.fill('#broadcast-input', MESSAGE);
    await remote.tap('#broadcast-form button[type=submit]');
    await remote.waitForSelector('#ask[open]');
    assert.equal(await remote.textContent('#ask-text'), `Sende beskjeden til ${state.groups.length} grupper?`);
    await remote.tap('#ask-yes');
    await phone.waitForSelector('#broadcast:not([hidden])', { timeout: 10000 });
    assert.equal(await phone.textContent('#broadcast-text'), MESSAGE);
    await shot(phone, 'phone_broadcast');
    await phone.tap('#broadcast-ok');
    assert.ok(await phone.isHidden('#broadcast'));
    await sleep(2500);  // two polls later, and after a reload, it stays dismissed
    assert.ok(await phone.isHidden('#broadcast'), 'a poll does not bring a dismissed message back');
    await phone.reload();
    await phone.waitForSelector('#screen-write:not([hidden])');
    await sleep(1500);
    assert.ok(await phone.isHidden('#broadcast'), 'nor does a reload');

    // A table lead named from the remote: the group's people by name in its list.
    const table = state.groups[1].id;
    const lead = () => controlState().then((s) => s.groups.find((g) => g.id === table).lead);
    const eva = await joinAs(table, 'Eva');
    const chooser = '#lead-' + table;
    await remote.waitForFunction((sel) => [...document.querySelectorAll(sel + ' option')]
      .some((o) => o.textContent === 'Eva'), chooser);
    await remote.selectOption(chooser, String(eva.id));
    await waitFor('Eva as the table lead', async () => (await lead()) === eva.id);
    await remote.selectOption(chooser, '');
    await waitFor('no table lead', async () => (await lead()) === null);
    // "First to ask": Ola's phone asks, the remote says yes.
    const ola = await joinAs(table, 'Ola');
    const asked = await fetch(base + '/api/lead/request', { method: 'POST', body: '{}',
      headers: { Authorization: 'Bearer ' + ola.token, 'Content-Type': 'application/json' } });
    assert.equal(asked.status, 201);
    const ask = '#lead-ask-' + table;
    await remote.waitForSelector(ask);
    assert.equal(await remote.textContent(ask), 'Ola vil være bordleder');
    await shot(remote, 'remote_lead_ask');
    await remote.locator(ask + ' ~ button', { hasText: 'Ja' }).tap();
    await waitFor('Ola as the table lead', async () => (await lead()) === ola.id);
    await remote.waitForSelector(ask, { state: 'detached' });
    assert.equal(await remote.inputValue(chooser), String(ola.id));

    // Revoked (as the pairing panel's "Koble fra" does): the remote's next tap says so.
    await postCommand(ctl, { command: 'revoke_remote', remote: paired.remotes[0].id });
    // One group ticked: reveal goes out at once, and the server's 401 ends the pairing.
    await remote.tap('#tick-' + state.groups[0].id).catch(() => {});
    await remote.tap('#act-reveal').catch(() => {});
    await remote.waitForSelector('#screen-gone:not([hidden])', { timeout: 10000 });
    assert.match(await remote.textContent('#gone-text'), /Frakoblet/);
    await shot(remote, 'remote_revoked');
    assert.deepEqual((await controlState()).remotes, []);
    assert.match(app.stderr(), /samling: remote \d+ \(Kari\): \{"command":"together"/, 'the command is logged with its remote');
    assert.deepEqual(problems, []);
  });
});
