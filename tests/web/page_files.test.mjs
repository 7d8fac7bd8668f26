// The phone page's files as the server serves them (flat, from memory): every module app.js
// imports, directly or not, is a plain name in assets/web with no sub-path, and index.html asks
// for each at once (modulepreload), so a phone does not find them one import level at a time.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WEB } from './page_modules.mjs';

const source = (name) => readFileSync(join(WEB, name), 'utf8');

// The modules an entry module (app.js, the table screen's table.js) reaches, each with what it imports.
function importGraph(entry = 'app.js') {
  const graph = new Map();
  const visit = (name) => {
    if (graph.has(name)) return;
    const specifiers = [...source(name).matchAll(/^\s*import\b[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]);
    graph.set(name, specifiers);
    for (const s of specifiers) {
      const m = /^\.\/([a-z0-9_]+\.js)$/.exec(s);
      if (m && existsSync(join(WEB, m[1]))) visit(m[1]);
    }
  };
  visit(entry);
  return graph;
}

describe('the phone page\'s files', () => {
  it('imports only flat ./name.js modules that exist in assets/web', () => {
    for (const [name, specifiers] of [...importGraph(), ...importGraph('table.js')]) {
      for (const s of specifiers) {
        assert.match(s, /^\.\/[a-z0-9_]+\.js$/, `${name} imports "${s}": the server serves one flat folder`);
        assert.ok(existsSync(join(WEB, s.slice(2))), `${name} imports ${s}, which is not in assets/web`);
      }
    }
  });

  it('index.html loads strings.js, then app.js as a module, and preloads every other module', () => {
    const html = source('index.html');
    const scripts = [...html.matchAll(/<script\b([^>]*)><\/script>/g)].map((m) => m[1].trim());
    assert.deepEqual(scripts, ['src="/strings.js" defer', 'type="module" src="/app.js"']);
    const preloaded = [...html.matchAll(/<link rel="modulepreload" href="\/([^"]+)">/g)].map((m) => m[1]).sort();
    const imported = [...importGraph().keys()].filter((n) => n !== 'app.js').sort();
    assert.deepEqual(preloaded, imported);
  });

  it('table.html loads strings.js, then table.js as a module, and preloads every other module', () => {
    const html = source('table.html');
    const scripts = [...html.matchAll(/<script\b([^>]*)><\/script>/g)].map((m) => m[1].trim());
    assert.deepEqual(scripts, ['src="/strings.js" defer', 'type="module" src="/table.js"']);
    const preloaded = [...html.matchAll(/<link rel="modulepreload" href="\/([^"]+)">/g)].map((m) => m[1]).sort();
    const imported = [...importGraph('table.js').keys()].filter((n) => n !== 'table.js').sort();
    assert.deepEqual(preloaded, imported);
  });
});
