// The page's one API client and one outbox, wired to its state: a token the server refuses
// ends the session; a confirmed note joins the view at once and a poll follows.
import { createApi } from './api.js';
import { createOutbox } from './outbox.js';
import { S, store } from './state.js';
import { errorText } from './i18n.js';
import { render } from './render.js';
import { pollNow } from './poll.js';
import { sessionLost } from './join.js';

export const api = createApi({
  token: () => S.session && S.session.token,
  onUnauthorized: (token) => {
    if (S.session && S.session.token === token) sessionLost();
  },
});

export const outbox = createOutbox({
  store,
  request: api,
  session: () => S.session,
  errorText,
  onChange: () => render(),
  onSent: (note) => {
    if (note && S.view && !S.view.notes.some((n) => n.id === note.id)) S.view.notes.push(Object.assign({ mine: true }, note));
    S.writes++;
    render();
    pollNow();
  },
});
