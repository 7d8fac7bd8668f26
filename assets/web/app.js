// Samling's participant page: join a leader group, then follow the group's exercise step by
// step: write sticky notes (and "why?" answers), read the revealed and organised board, vote
// with dots, read the conclusion and propose wording for it, answer a pulse.
// Talks only to the participant HTTP API (docs/API.md). User text reaches the DOM only through
// textContent, never as markup. Unsent notes live in localStorage until the server has them.
//
// This is the entry module; the page's modules, all flat in assets/web, no build step:
//   storage  what is kept between visits          state   the session and the view
//   i18n     the words (strings.js), plurals      api     one HTTP request → one answer
//   outbox   notes not yet confirmed              net     the page's api and outbox
//   dom      DOM helpers, screens, toast          poll    following the group (POLL_MS)
//   join     room code, group, changing group     render  the writing screen from the state
//   write    the note form                        notes   own notes: edit, delete, retry
//   board    the board and proposals              vote    dots
//   steps    timer, done, conclusion, context     fields  note fields (owner, dates)
//   pulse    a pulse: one statement a screen, answered on a scale
//   lead     the table lead's tools on the board (only on the lead's phone)
import { S, params } from './state.js';
import { setLang } from './render.js';
import { bindJoin, normaliseCode, setUrlCode, showCode, openJoin } from './join.js';
import { bindPolling, startWriting } from './poll.js';
import { bindWrite } from './write.js';
import { bindSteps } from './steps.js';
import { bindPulse } from './pulse.js';
import { bindLead } from './lead.js';
import { setupBroadcast } from './broadcast.js';

function boot() {
  setLang();
  const code = normaliseCode(params.get('room'));
  const s = S.session;
  if (s && s.token && (!code || code === s.code)) {
    if (!code) setUrlCode(s.code);
    startWriting();
  } else if (code) {
    // A reload while changing group keeps moving; a table card's link names its group.
    openJoin(code, undefined, s && s.code === code ? s.moving : null, params.get('group'));
  } else {
    showCode('', s && s.code);
  }
}

bindJoin();
bindPolling();
bindWrite();
bindSteps();
bindPulse();
bindLead();
setupBroadcast();
boot();
