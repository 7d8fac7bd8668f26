// B on the projector: the focused group's table screen. A real window under Xvfb (the demo
// room's three groups); B typed by xdotool opens the panel, zbarimg reads its QR code off a
// screen grab and it must be the group's table link (/control/state's table_url); Tab shows the
// next group's; the decoded link, opened in headless Chromium as a TV at the table would, shows
// that group's board (axe-core). Before B, and after Esc, the screen carries no table link.
// Env: SAMLING_BIN (the built app), SAMLING_ARTIFACTS (screenshots; created if missing).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, shot } from './samling_browser.mjs';
import { startWindow } from './samling_window.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const ARTIFACTS = process.env.SAMLING_ARTIFACTS || join(here, 'artifacts');

let app, browser;
const tableLinks = (name) => app.codesOnScreen(join(ARTIFACTS, name + '.png')).filter((l) => l.includes('/table?'));

describe('the table screen panel (B)', () => {
  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    app = await startWindow(process.env.SAMLING_BIN, 'table-panel');
    browser = await launchChromium();
  });

  after(async () => {
    if (browser) await browser.close();
    if (app) await app.stop();
  });

  it('shows the focused group\'s table link as a QR code, follows Tab, and the link opens that board', async () => {
    const state = await app.controlState();
    const groups = [...state.groups].sort((a, b) => a.id - b.id);
    assert.ok(groups.length >= 2, 'the demo room has groups');
    assert.equal(groups[0].table_url, `${app.base}/table?room=${state.room.code}&group=${groups[0].id}`);
    assert.deepEqual(tableLinks('table_panel_before'), [], 'no table link before B');

    app.x('xdotool', ['key', 'b']);
    const first = await app.waitFor('a table QR code', () => tableLinks('table_panel')[0]);
    assert.equal(first, groups[0].table_url, 'B shows the focused (first) group\'s table link');

    app.x('xdotool', ['key', 'Tab']);
    const second = await app.waitFor('the next group\'s code',
      () => tableLinks('table_panel_next').find((l) => l !== first));
    assert.equal(second, groups[1].table_url, 'Tab shows the next group\'s table link');

    app.x('xdotool', ['key', 'Escape']);
    await app.waitFor('the panel closed', () => tableLinks('table_panel_closed').length === 0);

    // The TV at the second group's table opens what the code says.
    const tv = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await tv.goto(second);
    await tv.locator('#where-group', { hasText: groups[1].name }).waitFor({ timeout: 5000 });
    await tv.locator('#prompt', { hasText: /./ }).waitFor({ timeout: 5000 });
    await shot(tv, ARTIFACTS, 'table_panel_tv');
  });
});
