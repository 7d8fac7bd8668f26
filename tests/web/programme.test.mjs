// The acceptance scenario, end to end: a programme with two gatherings and three leader
// groups is run through problem definition → root cause → the system around the child at
// gathering 1, and goals and measures at gathering 2; each group's exported HTML must read like
// a report a municipality would file.
//
// The real windowed app runs under Xvfb, so the projector takes real board pictures. The
// facilitator's side goes through the loopback control surface; one phone per group joins
// through the participant API and, at gathering 2, must see ITS OWN group's problem statement
// and chosen root causes (never another group's), then writes the measures with owner, start
// date and indicator. After a clean SIGINT stop, `samling export --all` writes html, md and
// csv. Each group's page must hold its own name, statement, root causes, stakeholder gaps,
// measures with owners and dates, and exactly one board picture (a board-sized PNG) per
// concluded run, and nothing of the other groups'; the index links every group and both
// gathering reports; each gathering report lists all three groups in the order problem →
// causes → stakeholders (gathering 1) or goal → measures → owners → dates (gathering 2). Each
// group's page and both gathering reports are printed to A4 PDF in headless Chromium, their
// first pages rendered to PNG, and the PDF's text checked.
// Env: SAMLING_BIN (the built app), SAMLING_ARTIFACTS (PDFs and PNGs; created if missing).
// Needs xvfb-run, Debian's chromium and poppler-utils (pdftoppm, pdftotext, pdfinfo).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, copyFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { postCommand } from './control_surface.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const BIN = process.env.SAMLING_BIN;
const ARTIFACTS = process.env.SAMLING_ARTIFACTS || join(here, 'artifacts');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SCREEN = { width: 1280, height: 720 };

// ---- the programme -----------------------------------------------------------------------

const PROGRAMME = 'HeLU Nordvik 2026–2027';
const GATHERINGS = [
  { title: 'Problemet, årsakene og systemet rundt barnet', date: '2026-10-14',
    agenda: ['problem_definition', 'root_cause', 'stakeholder_system'] },
  { title: 'Mål og tiltak', date: '2027-01-20', agenda: ['goals_measures'] },
];

// What each leader group works on, keyed by the demo room's group names. Every text differs
// between groups, owners included, so a leak from one group into another shows. The plan's
// conclusion (`plan`) only sums the measures up: owners, dates and indicators reach the reports
// from the measures' own note fields alone.
const GROUPS = {
  'Oppvekst Nordvik': {
    services: 'Barnehage, skole og PPT',
    project: 'Trygg overgang fra barnehage til skole',
    observations: [
      'Skolen får vite om barnas behov først i august',
      'Barn med vedtak fra PPT starter skolen uten at tiltaket er på plass',
      'Foreldre forteller det samme til barnehagen, skolen og PPT',
      'Overføringsmøtene blir avlyst når noen er syke',
      'Barnehagelærerne vet ikke hva skolen trenger å vite',
    ],
    parked: 'Lag et felles skjema for overgangen',
    theme: 'Informasjon som kommer for sent',
    problem: {
      affected: 'Barn med særskilte behov og foreldrene deres',
      happens: 'Skolen får vite om behovene først etter skolestart',
      matters: 'De første månedene på skolen legger grunnlaget for trivsel og læring',
      statement: 'For barn med særskilte behov i overgangen fra barnehage til skole kommer informasjonen for sent fram, noe som betyr at de første månedene på skolen går tapt.',
    },
    causes: {
      structural: 'Ingen har et tydelig ansvar for overgangen',
      relational: 'Barnehagen og skolen kjenner ikke hverandre',
      cultural: 'Vi venter på at den andre tjenesten skal ta kontakt',
      competence: 'Skolen kjenner ikke barnehagens kartlegginger',
      resources: 'Overføringsmøtene ligger i mai, når alle har det travlest',
      context: 'Foreldrene vet ikke hva de kan be om',
    },
    duplicate: 'Uklart hvem som kaller inn til overgangsmøtet',
    whys: ['Fordi overgangen ikke står i noen av tjenestenes årshjul', 'Fordi kommunen mangler en felles plan for overganger'],
    rootCauses: ['Ingen eier overgangen mellom barnehage og skole (struktur)',
      'Overføringsmøtene kommer for sent på året (ressurser og rutiner)'],
    evidence: 'Tre av fem skoler meldte om barn uten tiltak ved skolestart i fjor',
    stakeholders: {
      child: ['Barnet som skal begynne på skolen'],
      family: ['Foreldre og besteforeldre'],
      daily: ['Barnehagen', 'Skolen og SFO', 'PPT'], // PPT is moved to its ring when arranging
      specialist: ['Fysioterapeut'],
      leadership: ['Kommunalsjef for oppvekst'],
    },
    moved: 'PPT',
    gaps: 'Mellom barnehagen og skolen i månedene før skolestart, og mellom PPT og skolen når vedtaket skal følges opp',
    goals: ['Alle barn med særskilte behov har tiltaket på plass første skoledag',
      'Foreldrene forteller historien sin bare én gang'],
    measures: [
      { text: 'Overgangsmøte for barnehage, skole og PPT innen 1. mars', owner: 'Rektor Kari Holm',
        start: '2027-02-01', indicator: 'Alle overgangsmøter er holdt før 1. mars' },
      { text: 'Felles overføringsskjema med foreldrenes samtykke', owner: 'Styrer Ola Berg',
        start: '2027-03-15', indicator: 'Skjemaet følger alle barn med vedtak' },
    ],
    plan: 'Overgangsmøter før 1. mars og et felles skjema som følger barnet',
    experiment: 'Overgangsmøter i to barnehager og én skole før påske',
  },
  'Barnevern og PPT': {
    services: 'Barnevern, PPT og skole',
    project: 'Raskere hjelp etter en bekymringsmelding',
    observations: [
      'Skolen hører ingenting etter at den har sendt en bekymringsmelding',
      'Familien må gjenta historien sin for hver ny saksbehandler',
      'Ventetiden hos PPT er opptil seks måneder',
      'Barnevernet og PPT utreder det samme barnet hver for seg',
      'Lærerne er usikre på når de skal melde',
    ],
    parked: 'Ansett en egen koordinator',
    theme: 'Hver tjeneste for seg',
    problem: {
      affected: 'Barn det er meldt bekymring for, og skolene som melder',
      happens: 'Det går måneder fra melding til hjelp, og melderen hører ingenting',
      matters: 'Problemene vokser mens barnet venter',
      statement: 'For barn det er meldt bekymring for går det måneder før hjelpen kommer, fordi barnevernet og PPT arbeider hver for seg, noe som betyr at problemene vokser mens barnet venter.',
    },
    causes: {
      structural: 'Samtykke innhentes for sent, så tjenestene kan ikke snakke sammen',
      relational: 'Lite tillit mellom skole og barnevern etter tidligere saker',
      cultural: 'Vi melder og slipper saken',
      competence: 'Lærerne kjenner ikke meldeplikten godt nok',
      resources: 'PPT har for få stillinger til antallet henvisninger',
      context: 'Familiene er redde for barnevernet',
    },
    duplicate: 'Taushetsplikten stopper samarbeidet',
    whys: ['Fordi vi ikke ber om samtykke i det første møtet', 'Fordi ingen rutine sier hvem som skal spørre familien'],
    rootCauses: ['Samtykke innhentes for sent, så tjenestene kan ikke samarbeide (struktur)',
      'Vi melder og slipper saken i stedet for å følge den opp (kultur)'],
    evidence: 'I 2025 gikk det i snitt 14 uker fra melding til første tilbakemelding til skolen',
    stakeholders: {
      child: ['Eleven det er meldt bekymring for'],
      family: ['Foresatte og søsken'],
      daily: ['Kontaktlæreren', 'Helsesykepleieren på skolen', 'Barnevernstjenesten'],
      specialist: ['PPT-rådgiver', 'BUP'],
      leadership: ['Statsforvalteren'],
    },
    moved: 'Barnevernstjenesten',
    gaps: 'Mellom skolen som melder og barnevernet som undersøker: melderen får ikke vite noe, og barnet venter',
    goals: ['Skolen får tilbakemelding innen tre uker etter en melding',
      'Én felles plan for barn som får hjelp av både PPT og barnevernet'],
    measures: [
      { text: 'Samtykkeskjema i det første møtet med familien', owner: 'Barnevernsleder Nina Dahl',
        start: '2027-02-15', indicator: 'Samtykke finnes i ni av ti saker' },
      { text: 'Fast rutine for tilbakemelding til den som melder', owner: 'PPT-leder Jonas Lie',
        start: '2027-04-01', indicator: 'Melderen får svar innen tre uker' },
    ],
    plan: 'Samtykke tidlig og svar til den som melder',
    experiment: 'Prøve tilbakemeldingsrutinen på to skoler i februar og mars',
  },
  'Helse og familie Sørli': {
    services: 'Helsestasjon, NAV og fastleger',
    project: 'Familier med sammensatte behov',
    observations: [
      'Familier med sammensatte behov har opptil åtte kontaktpersoner',
      'Helsestasjonen ser at familien strever, men vet ikke hvem de skal ringe',
      'NAV og helsestasjonen har hvert sitt møte med den samme familien',
      'Ungdom med psykiske plager faller ut mellom helsesykepleier og BUP',
      'Ingen samler trådene når en familie flytter til kommunen',
    ],
    parked: 'Innfør én felles digital plan',
    theme: 'For mange dører for familien',
    problem: {
      affected: 'Familier med sammensatte behov og barna deres',
      happens: 'Familiene møter mange tjenester, men ingen holder i helheten',
      matters: 'Barna får hjelp stykkevis og for sent',
      statement: 'For familier med sammensatte behov i Sørli finnes det for mange dører og ingen som holder i helheten, noe som betyr at barna får hjelp stykkevis og for sent.',
    },
    causes: {
      structural: 'Ingen har koordinatorrollen før det er laget en individuell plan',
      relational: 'Helsestasjonen og NAV kjenner ikke hverandres tilbud',
      cultural: 'Hver tjeneste tenker på sitt eget oppdrag',
      competence: 'Få ansatte kjenner koordinatorordningen',
      resources: 'Helsestasjonen har ikke tid til oppfølging utover kontrollene',
      context: 'Familiene orker ikke flere møter',
    },
    duplicate: 'Uklart hvem som koordinerer',
    whys: ['Fordi individuell plan først lages når familien søker', 'Fordi ingen tjeneste har fått i oppdrag å spørre tidlig'],
    rootCauses: ['Ingen koordinerer før familien selv søker om individuell plan (struktur)',
      'Tjenestene kjenner ikke hverandres tilbud (relasjoner)'],
    evidence: 'Kartlegging av tolv familier høsten 2026',
    stakeholders: {
      child: ['Barnet i familien'],
      family: ['Foreldre med egne helseplager'],
      daily: ['Helsestasjonen', 'Fastlegen', 'NAV-veilederen'],
      specialist: ['BUP', 'Barnevernet'],
      leadership: ['Kommuneoverlegen'],
    },
    moved: 'NAV-veilederen',
    gaps: 'Mellom helsestasjonen som ser behovet og NAV som har virkemidlene: ingen har ansvaret for å koble dem',
    goals: ['Hver familie med sammensatte behov har én fast kontaktperson',
      'Familiene trenger bare ett felles møte i måneden'],
    measures: [
      { text: 'Fast familiekoordinator ved helsestasjonen', owner: 'Helsesykepleier Aisha Rahman',
        start: '2027-02-10', indicator: 'Alle familiene vet hvem de skal ringe' },
      { text: 'Felles familiemøte for helsestasjonen og NAV', owner: 'NAV-leder Per Sandvik',
        start: '2027-03-01', indicator: 'Færre møter per familie' },
    ],
    plan: 'Én koordinator og ett felles møte for familien',
    experiment: 'Prøve familiekoordinator for fem familier fram til neste samling',
  },
};

const MONTHS = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september',
  'oktober', 'november', 'desember'];
// '2027-02-01' → '1. februar 2027', as a Norwegian report writes a date.
const norDate = (iso) => { const [y, m, d] = iso.split('-').map(Number); return `${d}. ${MONTHS[m - 1]} ${y}`; };
const goalOf = (g) => g.goals[0];
// An ASCII name for artifacts: 'Helse og familie Sørli' → 'helse-og-familie-sorli'.
const slug = (s) => s.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'a')
  .replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

// ---- the app under Xvfb ------------------------------------------------------------------

let work; // a temporary folder: the data folder, the exports
let dataDir;
let runner; // xvfb-run
let runnerExit; // resolves to xvfb-run's exit code (samling's own)
let pidFile; // where the shell under xvfb-run writes samling's pid
let appPid; // samling itself, which SIGINT must reach
let stderr = '';
let base; // the participant server's origin
let roomCode;
let ctl; // {url, token} from DATA-DIR/control.json
let browser;
const groups = []; // {id, name, data, phone: token, runs: [{exercise, id}]}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Polls `probe` every 50 ms until it gives something truthy; fails after `ms`.
async function poll(probe, what, ms = 10000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) {
      throw new Error(`timed out after ${ms} ms waiting for ${what}\n--- samling stderr (tail) ---\n${stderr.slice(-2000)}`);
    }
    await sleep(50);
  }
}

async function startApp() {
  if (!BIN) throw new Error('SAMLING_BIN is not set: point it at the built samling binary');
  work = mkdtempSync(join(tmpdir(), 'samling-programme-'));
  dataDir = join(work, 'data');
  pidFile = join(work, 'samling.pid');
  // The shell in between writes samling's own pid, so SIGINT reaches samling, not xvfb-run.
  runner = spawn('xvfb-run', ['-a', '-s', `-screen 0 ${SCREEN.width}x${SCREEN.height}x24`,
    'sh', '-c', 'echo $$ >"$0"; exec "$@"', pidFile,
    BIN, '--demo', '--host', '127.0.0.1', '--port', '0', '--control-port', '0', '--data-dir', dataDir],
  { stdio: ['ignore', 'pipe', 'pipe'] });
  runnerExit = new Promise((resolve) => runner.on('exit', (code, signal) => resolve(signal || code)));
  runner.stderr.on('data', (d) => { stderr += d; });
  let joinUrl = null;
  createInterface({ input: runner.stdout }).on('line', (line) => {
    const m = /^samling: participants join at (http:\/\/\S+)$/.exec(line);
    if (m) joinUrl = m[1];
  });
  let exited = false;
  runnerExit.then(() => { exited = true; });
  const ready = () => {
    if (exited) throw new Error(`samling exited while starting\n${stderr}`);
    return joinUrl && existsSync(pidFile) && readFileSync(pidFile, 'utf8').trim()
      && existsSync(join(dataDir, 'control.json'));
  };
  await poll(ready, 'the window, the join line and control.json', 20000);
  appPid = Number(readFileSync(pidFile, 'utf8').trim());
  const url = new URL(joinUrl);
  base = url.origin;
  roomCode = url.searchParams.get('room');
  ctl = JSON.parse(readFileSync(join(dataDir, 'control.json'), 'utf8'));
}

// SIGINT is the clean stop; gives back the exit code.
async function stopApp() {
  process.kill(appPid, 'SIGINT');
  let timer;
  const late = new Promise((resolve) => { timer = setTimeout(resolve, 15000, 'still running 15 s after SIGINT'); });
  const code = await Promise.race([runnerExit, late]);
  clearTimeout(timer);
  if (code !== 'still running 15 s after SIGINT') appPid = null;
  return code;
}

// ---- the facilitator (control surface) and the phones (participant API) --------------------

async function control(body) {
  return (await postCommand(ctl, body)).subject;
}

async function controlState() {
  const res = await fetch(ctl.url + '/control/state', { headers: { Authorization: 'Bearer ' + ctl.token } });
  assert.equal(res.status, 200);
  return res.json();
}

async function phone(method, path, token, body) {
  const res = await fetch(base + path, {
    method,
    headers: { Authorization: 'Bearer ' + token, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const answer = res.status === 204 ? null : await res.json();
  return { status: res.status, body: answer };
}

const note = (group, text, zone, extra = {}) => control({ command: 'add_note', group: group.id, text, zone, ...extra });
const step = (group, index) => control({ command: 'go_to_step', group: group.id, step: index });
const conclude = async (group, fields) => {
  for (const [field, text] of Object.entries(fields)) await control({ command: 'set_conclusion', group: group.id, field, text });
  return control({ command: 'conclude_run', group: group.id });
};

// Starts the next exercise on the open gathering's agenda and checks it is `exercise`.
async function startNext(group, exercise) {
  await control({ command: 'start_next', group: group.id });
  const run = (await controlState()).groups.find((g) => g.id === group.id).run;
  assert.equal(run.exercise, exercise, `${group.name}: start_next starts ${exercise}`);
  assert.equal(run.step, 0);
}

// The projector writes a concluded run's picture asynchronously: wait for it, keep it.
async function expectPicture(group, exercise, run) {
  const png = join(dataDir, 'snapshots', `run-${run}.png`);
  await poll(() => existsSync(png) && pngSize(readFileSync(png)), `${group.name}: the picture of ${exercise} (${png})`, 30000);
  const { width, height } = pngSize(readFileSync(png));
  assert.ok(width > 600 && width <= SCREEN.width && height > 0 && height <= SCREEN.height,
    `${png} is board-sized: ${width}×${height}`);
  copyFileSync(png, join(ARTIFACTS, `programme-snapshot-${slug(group.name)}-${exercise}.png`));
  group.runs.push({ exercise, id: run });
}

// Width and height from a PNG's IHDR, or null when the bytes are not a (complete) PNG.
function pngSize(bytes) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  const iend = bytes.toString('latin1', bytes.length - 8, bytes.length - 4) === 'IEND';
  return iend ? { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) } : null;
}

// ---- the three exercises of gathering 1 ----------------------------------------------------

async function defineProblem(group) {
  const d = group.data;
  await startNext(group, 'problem_definition');
  const ids = [];
  for (const text of [...d.observations, d.parked]) ids.push(await note(group, text, 'observations'));
  await step(group, 1); // reveal
  await step(group, 2); // themes; the solution is parked
  await control({ command: 'make_cluster', group: group.id, zone: 'observations', name: d.theme, notes: ids.slice(0, 3) });
  await control({ command: 'place_note', note: ids.at(-1), zone: 'parking' });
  await control({ command: 'highlight_note', note: ids[0], on: true });
  await step(group, 3); // vote
  await step(group, 4); // statement
  await expectPicture(group, 'problem_definition', await conclude(group, d.problem));
}

async function findRootCauses(group) {
  const d = group.data;
  await startNext(group, 'root_cause');
  const ids = {};
  for (const [bone, text] of Object.entries(d.causes)) ids[bone] = await note(group, text, bone);
  const duplicate = await note(group, d.duplicate, 'resources'); // on the wrong bone, and said twice
  await step(group, 1); // reveal
  await step(group, 2); // sort: the duplicate is moved to its bone and merged
  await control({ command: 'place_note', note: duplicate, zone: 'structural' });
  await control({ command: 'merge_notes', keep: ids.structural, absorb: duplicate });
  await step(group, 3); // vote
  await step(group, 4); // five whys on the structural cause
  let parent = ids.structural;
  for (const why of d.whys) parent = await note(group, why, undefined, { parent });
  await step(group, 5); // choose
  await expectPicture(group, 'root_cause', await conclude(group, { root_causes: d.rootCauses.join('\n'), evidence: d.evidence }));
}

async function mapStakeholders(group) {
  const d = group.data;
  await startNext(group, 'stakeholder_system');
  const ids = {};
  for (const [ring, texts] of Object.entries(d.stakeholders)) for (const text of texts) ids[text] = await note(group, text, ring);
  await step(group, 1); // arrange
  await control({ command: 'place_note', note: ids[d.moved], zone: 'specialist' });
  await step(group, 2); // gaps
  await expectPicture(group, 'stakeholder_system', await conclude(group, { gaps: d.gaps }));
}

// ---- gathering 2, written from the phones --------------------------------------------------

async function planMeasures(group) {
  const d = group.data;
  const write = async (text, zone, fields) => {
    const res = await phone('POST', '/api/notes', group.phone,
      { client_id: `${slug(group.name)}-${slug(text)}`.slice(0, 64), text, zone, ...(fields ? { fields } : {}) });
    assert.equal(res.status, 201, `${group.name}: "${text}" → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.note;
  };
  const goals = [];
  for (const text of d.goals) goals.push(await write(text, 'goals'));
  await step(group, 1); // pick the goal: the phone spends both dots on the first
  for (let i = 0; i < 2; i++) {
    const res = await phone('POST', '/api/votes', group.phone, { note: goals[0].id });
    assert.equal(res.status, 201, `${group.name}: a vote → ${res.status} ${JSON.stringify(res.body)}`);
  }
  await step(group, 2); // measures, with owner, start date and indicator
  const state = (await phone('GET', '/api/state', group.phone)).body;
  assert.deepEqual(state.activity.step.note_fields.map((f) => f.id), ['owner', 'start', 'indicator']);
  for (const m of d.measures) {
    const saved = await write(m.text, 'measures', { owner: m.owner, start: m.start, indicator: m.indicator });
    assert.deepEqual(saved.fields, { owner: m.owner, start: m.start, indicator: m.indicator });
  }
  await step(group, 3); // sort
  await step(group, 4); // plan
  await expectPicture(group, 'goals_measures',
    await conclude(group, { goal: goalOf(d), measures: d.plan, experiment: d.experiment }));
}

// ---- the export --------------------------------------------------------------------------

const out = {}; // format → folder
// An HTML page's text as a reader sees it: no tags, entities decoded, whitespace collapsed.
const textOf = (html) => html.replace(/<style[\s\S]*?<\/style>/g, ' ').replace(/<[^>]+>/g, ' ')
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
  .replace(/\s+/g, ' ');
const flat = (s) => s.replace(/\s+/g, ' ');
// A PDF's text in reading order (a table cell's wrapped lines stay together), whitespace collapsed.
const pdfText = (pdf) => flat(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));

// Every page the index links, by the link's text: {'Oppvekst Nordvik': 'oppvekst-nordvik.html', …}.
function indexLinks() {
  const html = readFileSync(join(out.html, 'index.html'), 'utf8');
  const links = {};
  for (const m of html.matchAll(/<a href="([^"#]+)"[^>]*>([\s\S]*?)<\/a>/g)) {
    links[textOf(m[2]).trim()] = decodeURIComponent(m[1]);
  }
  return links;
}

// Asserts the texts occur in `text` in this order, each after the one before.
function inOrder(text, texts, where) {
  let at = -1;
  for (const t of texts) {
    const i = text.indexOf(flat(t), at + 1);
    assert.ok(i > at, `${where}: "${t}" is there${at >= 0 ? ', after what comes before it' : ''}`);
    at = i;
  }
}

// The part of a report's text about one group: from its name to the next group's name.
function sectionOf(text, name) {
  const start = text.indexOf(name);
  assert.ok(start >= 0, `${name} is in the report`);
  const ends = groups.map((g) => text.indexOf(g.name, start + name.length)).filter((i) => i > start);
  return text.slice(start, ends.length ? Math.min(...ends) : undefined);
}

// Prints an exported page to A4 PDF in Chromium, and its first pages to PNG; gives the PDF's path.
async function printToPdf(file, name) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => { if (!/^(file|data):/.test(r.url())) requests.push(r.url()); });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  assert.deepEqual(requests, [], `${name}: an exported page fetches nothing`);
  const images = await page.$$eval('img', (els) => els.map((e) => e.complete && e.naturalWidth > 0));
  assert.ok(images.every(Boolean), `${name}: every picture decodes in Chromium`);
  const pdf = join(ARTIFACTS, `${name}.pdf`);
  writeFileSync(pdf, await page.pdf({ format: 'A4' }));
  await context.close();
  for (const f of readdirSync(ARTIFACTS)) if (f.startsWith(`${name}-page-`) && f.endsWith('.png')) rmSync(join(ARTIFACTS, f));
  execFileSync('pdftoppm', ['-r', '60', '-png', '-l', '3', pdf, join(ARTIFACTS, `${name}-page`)]);
  assert.match(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }), /Page size:.*\(A4\)/, `${name}: A4`);
  return pdf;
}

// ---- the scenario ------------------------------------------------------------------------

describe('a programme of two gatherings and three leader groups, filed as reports', () => {
  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await startApp();
  });

  after(async () => {
    if (browser) await browser.close().catch(() => {});
    if (runner && runner.exitCode === null && runner.signalCode === null) { // a failed run: no clean stop
      const pid = appPid || (existsSync(pidFile) && Number(readFileSync(pidFile, 'utf8').trim()));
      try { if (pid) process.kill(pid, 'SIGKILL'); else runner.kill('SIGTERM'); } catch { /* gone already */ }
      await runnerExit;
    }
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('sets up the programme: two dated gatherings with their agendas, the first one open', async () => {
    const state = await controlState();
    assert.equal(state.groups.length, 3, 'the demo room has three leader groups');
    for (const g of state.groups) {
      assert.ok(GROUPS[g.name], `a script for ${g.name}`);
      groups.push({ id: g.id, name: g.name, data: GROUPS[g.name], runs: [] });
    }
    await control({ command: 'name_programme', name: PROGRAMME });
    const ids = [];
    for (const g of GATHERINGS) ids.push(await control({ command: 'save_gathering', title: g.title, date: g.date }));
    for (const [i, g] of GATHERINGS.entries()) await control({ command: 'set_agenda', gathering: ids[i], exercises: g.agenda });
    for (const g of groups) {
      await control({ command: 'edit_group', group: g.id, name: g.name, services: g.data.services, project: g.data.project });
    }
    await control({ command: 'open_gathering', gathering: ids[0] });
    const setup = await controlState();
    assert.equal(setup.programme, PROGRAMME);
    assert.deepEqual(setup.gatherings.map((g) => [g.number, g.date, g.agenda]),
      GATHERINGS.map((g, i) => [i + 1, g.date, g.agenda]));
    assert.equal(setup.open_gathering, ids[0]);
    GATHERINGS.forEach((g, i) => { g.id = ids[i]; });
  });

  it('gathering 1: each group defines its problem, finds root causes and maps the system', async () => {
    for (const g of groups) {
      await defineProblem(g);
      await findRootCauses(g);
      await mapStakeholders(g);
    }
    const state = await controlState();
    for (const g of groups) {
      const log = state.groups.find((x) => x.id === g.id).log;
      assert.deepEqual(log.map((e) => [e.exercise, e.gathering]),
        GATHERINGS[0].agenda.map((e) => [e, GATHERINGS[0].id]), `${g.name}: three runs in its log`);
    }
  });

  it('gathering 2: each phone sees its own group\'s problem and chosen root causes', async () => {
    for (const g of groups) {
      const res = await fetch(base + '/api/join', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ code: roomCode, group: g.id, name: `Leder i ${g.name}` }),
      });
      const answer = await res.json();
      assert.equal(res.status, 201, `join ${g.name} → ${res.status} ${JSON.stringify(answer)}`);
      assert.equal(answer.participant.group, g.id);
      g.phone = answer.token;
    }
    await control({ command: 'open_gathering', gathering: GATHERINGS[1].id });
    for (const g of groups) await startNext(g, 'goals_measures');
    for (const g of groups) {
      const { status, body } = await phone('GET', '/api/state', g.phone);
      assert.equal(status, 200);
      assert.equal(body.group.id, g.id);
      assert.equal(body.activity.exercise, 'goals_measures');
      const context = body.activity.context;
      assert.deepEqual(context.map((c) => c.label), ['Problemet vi jobber med', 'Rotårsakene vi valgte']);
      assert.equal(context[0].text, g.data.problem.statement, `${g.name} sees its own problem statement`);
      assert.equal(context[1].text, g.data.rootCauses.join('\n'), `${g.name} sees its own root causes`);
      const seen = JSON.stringify(context);
      for (const other of groups.filter((o) => o !== g)) {
        assert.ok(!seen.includes(other.data.problem.statement), `${g.name} does not see ${other.name}'s statement`);
        for (const cause of other.data.rootCauses) {
          assert.ok(!seen.includes(cause), `${g.name} does not see ${other.name}'s causes`);
        }
      }
    }
  });

  it('gathering 2: the phones plan measures with owners and dates, and the plan is concluded', async () => {
    for (const g of groups) await planMeasures(g);
    const state = await controlState();
    for (const g of groups) {
      assert.equal(state.groups.find((x) => x.id === g.id).log.length, 4, `${g.name}: four concluded runs`);
    }
  });

  it('Samling stops cleanly on SIGINT', async () => {
    assert.equal(await stopApp(), 0, `exit code 0\n--- stderr (tail) ---\n${stderr.slice(-2000)}`);
    assert.ok(!existsSync(join(dataDir, 'control.json')), 'control.json is removed on a clean stop');
  });

  it('exports every group as html, md and csv', () => {
    for (const format of ['html', 'md', 'csv']) {
      out[format] = join(work, `export-${format}`);
      execFileSync(BIN, ['export', '--all', '--format', format, '--out', out[format], '--data-dir', dataDir],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    }
    const links = indexLinks();
    for (const g of groups) {
      const file = links[g.name];
      assert.ok(file && existsSync(join(out.html, file)), `the index links ${g.name}'s log (${file})`);
      g.html = join(out.html, file);
      const stem = file.replace(/\.html$/, '');
      const md = readFileSync(join(out.md, `${stem}.md`), 'utf8');
      assert.ok(flat(md).includes(g.data.problem.statement), `${g.name}: the Markdown holds the statement`);
      const pictures = readdirSync(join(out.md, `${stem}-images`)).filter((f) => f.endsWith('.png'));
      assert.equal(pictures.length, 4, `${g.name}: the Markdown has a picture per concluded run`);
      const csv = readFileSync(join(out.csv, `${stem}-notes.csv`), 'utf8');
      assert.ok(csv.startsWith('\uFEFF'), `${g.name}: the CSV starts with a BOM for Excel`);
      for (const m of g.data.measures) {
        assert.ok(csv.includes(m.text) && csv.includes(m.owner) && csv.includes(m.start), `${g.name}: the CSV holds ${m.text}`);
      }
    }
    for (const n of [1, 2]) {
      const file = `gathering-${n}.html`;
      assert.ok(Object.values(links).includes(file) && existsSync(join(out.html, file)),
        `the index links gathering ${n}'s report`);
    }
  });

  it('each group\'s page holds its own work, measures, owners, dates and one board picture per run', () => {
    for (const g of groups) {
      const d = g.data;
      const html = readFileSync(g.html, 'utf8');
      const text = textOf(html);
      const has = (t, what) => assert.ok(text.includes(flat(t)), `${g.name}'s page holds ${what}: "${t}"`);
      has(g.name, 'its name');
      has(PROGRAMME, 'the programme');
      has(d.services, 'its services');
      has(d.project, 'its project');
      for (const gathering of GATHERINGS) {
        has(gathering.title, 'the gathering');
        has(norDate(gathering.date), 'the gathering\'s date');
      }
      has(d.problem.statement, 'its problem statement');
      for (const cause of d.rootCauses) has(cause, 'a root cause');
      has(d.gaps, 'its stakeholder conclusion');
      has(goalOf(d), 'its goal');
      has(d.experiment, 'what it tries before the next gathering');
      has(d.plan, 'its plan');
      for (const m of d.measures) inOrder(text, [m.text, m.owner, norDate(m.start), m.indicator], `${g.name}'s page, a measure`);
      for (const other of groups.filter((o) => o !== g)) {
        const o = other.data;
        for (const t of [o.problem.statement, ...o.rootCauses, o.gaps, goalOf(o), ...o.measures.map((m) => m.owner)]) {
          assert.ok(!text.includes(flat(t)), `${g.name}'s page does not hold ${other.name}'s "${t}"`);
        }
      }

      const images = [...html.matchAll(/<img\b[^>]*\bsrc="data:image\/png;base64,([A-Za-z0-9+/=]+)"/g)]
        .map((m) => Buffer.from(m[1], 'base64'));
      assert.equal((html.match(/<img\b/g) || []).length, images.length, `${g.name}: every picture is an embedded PNG`);
      assert.equal(g.runs.length, 4, `${g.name}: four runs concluded, each with its picture`);
      assert.equal(images.length, g.runs.length, `${g.name}: one board picture per concluded run`);
      const own = g.runs.map((r) => readFileSync(join(dataDir, 'snapshots', `run-${r.id}.png`)));
      for (const [i, img] of images.entries()) {
        const size = pngSize(img);
        assert.ok(size, `${g.name}: picture ${i + 1} is a whole PNG`);
        assert.ok(size.width > 600 && size.width <= SCREEN.width, `${g.name}: picture ${i + 1} is board-wide: ${size.width} px`);
        assert.ok(own.some((png) => png.equals(img)), `${g.name}: picture ${i + 1} is one of its own runs' boards`);
      }
      assert.equal(new Set(images.map((b) => b.toString('base64'))).size, images.length, `${g.name}: four different boards`);
    }
  });

  it('the gathering reports list every group: problem → causes → stakeholders; goal → measures → owners → dates', () => {
    const first = textOf(readFileSync(join(out.html, 'gathering-1.html'), 'utf8'));
    const second = textOf(readFileSync(join(out.html, 'gathering-2.html'), 'utf8'));
    inOrder(first, [GATHERINGS[0].title, norDate(GATHERINGS[0].date)], 'gathering 1');
    inOrder(second, [GATHERINGS[1].title, norDate(GATHERINGS[1].date)], 'gathering 2');
    inOrder(first, groups.map((g) => g.name), 'gathering 1 lists every group');
    inOrder(second, groups.map((g) => g.name), 'gathering 2 lists every group');
    for (const g of groups) {
      const d = g.data;
      inOrder(sectionOf(first, g.name), [d.problem.statement, ...d.rootCauses, d.gaps], `gathering 1, ${g.name}`);
      const plan = sectionOf(second, g.name);
      for (const m of d.measures) {
        inOrder(plan, [goalOf(d), m.text, m.owner, norDate(m.start), m.indicator], `gathering 2, ${g.name}, a measure`);
      }
      assert.ok(!sectionOf(first, g.name).includes(goalOf(d)), `gathering 1 does not hold ${g.name}'s later goal`);
    }
  });

  it('each group\'s page and both gathering reports print to A4 PDF', async () => {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    for (const g of groups) {
      const name = `programme-${slug(g.name)}`;
      const text = pdfText(await printToPdf(g.html, name));
      assert.ok(text.includes(g.name), `${name}.pdf names the group`);
      assert.ok(text.includes(flat(g.data.problem.statement)), `${name}.pdf holds the problem statement`);
      for (const m of g.data.measures) inOrder(text, [m.text, m.owner, norDate(m.start)], `${name}.pdf, a measure`);
      assert.ok(readdirSync(ARTIFACTS).some((f) => new RegExp(`^${name}-page-0*1\\.png$`).test(f)), `${name}: page 1 as PNG`);
    }
    for (const n of [1, 2]) {
      const text = pdfText(await printToPdf(join(out.html, `gathering-${n}.html`), `programme-gathering-${n}`));
      for (const g of groups) assert.ok(text.includes(g.name), `gathering ${n}'s PDF names ${g.name}`);
    }
  });
});
