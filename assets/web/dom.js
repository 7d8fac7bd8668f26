// Small DOM helpers every screen uses. User text goes in only through textContent, never as
// markup; lists are updated in place, keyed, so a card being edited keeps its focus and caret.

export const $ = (id) => document.getElementById(id);

export function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text != null) e.textContent = text;
  return e;
}

export function button(cls, text, onClick, label) {
  const b = el('button', 'btn small ' + cls, text);
  b.type = 'button';
  if (label) b.setAttribute('aria-label', label);
  b.addEventListener('click', onClick);
  return b;
}

// A zone's colour from the server goes into a style property: only a hex colour passes.
export function safeColour(c) {
  return typeof c === 'string' && /^#[0-9a-fA-F]{3,8}$/.test(c) ? c : '';
}

// items: [{key, sig, build}]; a node is rebuilt only when its signature changes.
export function reconcile(list, items) {
  const old = new Map();
  for (const node of list.children) old.set(node.dataset.key, node);
  const nodes = items.map((it) => {
    let node = old.get(it.key);
    if (!node || node.dataset.sig !== it.sig) {
      const fresh = it.build();
      fresh.dataset.key = it.key;
      fresh.dataset.sig = it.sig;
      if (node) node.replaceWith(fresh);
      node = fresh;
    }
    old.delete(it.key);
    return node;
  });
  old.forEach((node) => node.remove());
  nodes.forEach((node, i) => {
    if (list.children[i] !== node) list.insertBefore(node, list.children[i] || null);
  });
}

// One of the page's screens: loading, code, join, write.
export function show(screen) {
  ['loading', 'code', 'join', 'write'].forEach((s) => { $('screen-' + s).hidden = s !== screen; });
  $('where').hidden = screen !== 'write';
  if (screen !== 'write') $('offline').hidden = true;
}

let toastTimer = 0;
export function toast(msg) {
  const box = $('toast');
  box.textContent = msg;
  box.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { box.hidden = true; }, 4500);
}
