// What the phone keeps between visits (session, outbox, drafts, field labels) in localStorage,
// as JSON under fixed keys. No DOM: the storage is handed in, so node tests can give a fake.
export const KEY = {
  session: 'samling.session', outbox: 'samling.outbox', draft: 'samling.draft',
  fieldsDraft: 'samling.draft.fields', labels: 'samling.fieldLabels',
};

// `backend` returns a Storage (getItem, setItem, removeItem). It is a function because merely
// reading `localStorage` throws where the browser blocks storage: the page must still work.
export function makeStore(backend) {
  function load(key, fallback) {
    try {
      const v = JSON.parse(backend().getItem(key));
      return v == null ? fallback : v;
    } catch (e) {
      return fallback;
    }
  }
  function save(key, value) {
    try {
      if (value == null) backend().removeItem(key);
      else backend().setItem(key, JSON.stringify(value));
    } catch (e) { /* storage full or blocked: the page still works for this visit */ }
  }
  return { load, save };
}
