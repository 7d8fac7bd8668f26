// A message from the facilitator to the room ("Kom tilbake til plenum om 2 minutter"): shown
// over the page until this phone dismisses it. The dismissed message's id is kept in local
// storage, so the next poll (or a reload) does not bring it back; a newer message shows again.
import { $ } from './dom.js';

const KEY = 'samling.broadcast.dismissed';

function dismissed() {
  try { return Number(localStorage.getItem(KEY)) || 0; } catch (e) { return 0; }
}

// message: {id, text} from GET /api/state's "broadcast", or null.
export function renderBroadcast(message) {
  const box = $('broadcast');
  if (!box) return;
  const show = !!(message && message.id > dismissed());
  if (show) {
    $('broadcast-text').textContent = message.text;  // text, never markup
    box.dataset.id = String(message.id);
  }
  if (box.hidden === !show) return;
  box.hidden = !show;
  if (show) $('broadcast-ok').focus();
}

export function setupBroadcast() {
  const ok = $('broadcast-ok');
  if (!ok) return;
  ok.addEventListener('click', () => {
    const box = $('broadcast');
    try { localStorage.setItem(KEY, box.dataset.id || '0'); } catch (e) { /* private mode: hide for now */ }
    box.hidden = true;
  });
}
