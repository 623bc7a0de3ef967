import { liveSocket } from './live.js';
import { showSync, duration, countdowns } from './show.js';
import { presenterCommand } from './commands.js';
import { numbers } from './announce.js';
import { pollTypes } from './poll-types.js';
import { consoleQa } from './console-qa.js';
import { showCounts } from './screen-polls.js';
import { formatLocale } from './locale.js';
import { isWithdrawn } from './withdrawn.js';

// The speaker console: the current and next slide with the notes, clocks, big previous/next buttons (arrow keys and
// clicker keys too), the current slide's poll with its controls and a live preview of its results, what the audience
// screen shows over the slides (join screen, Q&A wall), live figures and the moderation queues. Nothing is kept only
// here: every state on the page comes from the server (the page itself, answers to its commands and the presenter
// feed), so any number of consoles and screens agree and a reload restores everything.
const body = document.body;
const code = body.dataset.code;
const key = body.dataset.key;
const notes = Array.from(document.querySelectorAll('section.note'));
const polls = Array.from(document.querySelectorAll('.console-poll .poll[data-poll-id]'));
const counter = document.querySelector('.console-footer .current');
const noPoll = document.querySelector('.console-poll .no-poll');
const offline = document.querySelector('.offline');
const format = numbers();
let current = Math.max(0, notes.findIndex((s) => s.dataset.slide === body.dataset.start));

function say(element, text) {
  if (!element) return;
  element.textContent = text || '';
  element.hidden = !text;
}

/** A command with the presenter key (retried with the same Idempotency-Key); a refusal shows in {@code error}. */
function command(method, path, payload, error) {
  return presenterCommand({ code, key, method, path, payload, report: (text) => say(error, text),
    offlineText: offline.textContent });
}

// ---- Slides ----

const show = showSync({
  code,
  key,
  version: body.dataset.showVersion,
  onSlide: (message) => {
    if (message.slides !== notes.length) {
      // The deck changed under this page: load the new slides.
      location.reload();
      return;
    }
    render(message.slide - 1);
  },
  onError: (detail) => say(document.querySelector('.screen-error'), detail),
});

function currentPoll() {
  return polls.find((p) => !p.hidden) || null;
}

function render(index) {
  current = Math.min(Math.max(index, 0), notes.length - 1);
  const slide = String(current + 1);
  notes.forEach((s, i) => { s.hidden = i !== current; });
  polls.forEach((p) => { p.hidden = p.dataset.slide !== slide; });
  noPoll.hidden = currentPoll() !== null;
  counter.textContent = slide;
  body.dataset.slide = slide;
  figures();
}

function go(index) {
  if (isWithdrawn()) return;
  const target = Math.min(Math.max(index, 0), notes.length - 1);
  if (target === current) return;
  render(target);
  show.moveTo(target + 1);
}

document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.altKey || event.metaKey) return;
  if (event.target.closest && event.target.closest('input, textarea, select')) return;
  switch (event.key) {
    case 'ArrowRight': case 'ArrowDown': case 'PageDown': case ' ': go(current + 1); break;
    case 'ArrowLeft': case 'ArrowUp': case 'PageUp': go(current - 1); break;
    case 'Home': go(0); break;
    case 'End': go(notes.length - 1); break;
    default: return;
  }
  event.preventDefault();
});
document.querySelector('.console-footer .prev').addEventListener('click', () => go(current - 1));
document.querySelector('.console-footer .next').addEventListener('click', () => go(current + 1));

// Clocks: the time of day, and the time since the console opened in this tab (↺ starts it again; a reload keeps it).
const clock = document.querySelector('.clock');
const elapsed = document.querySelector('.elapsed');
const timeFormat = new Intl.DateTimeFormat(formatLocale(),
  { hour: '2-digit', minute: '2-digit' });
const STARTED = 'afstemning-console-started-' + code;
let started = Number(sessionStorage.getItem(STARTED)) || Date.now();
sessionStorage.setItem(STARTED, String(started));
function tickClock() {
  clock.textContent = timeFormat.format(new Date());
  elapsed.textContent = duration(Date.now() - started, false);
}
document.querySelector('.elapsed-reset').addEventListener('click', () => {
  started = Date.now();
  sessionStorage.setItem(STARTED, String(started));
  tickClock();
});
setInterval(tickClock, 1000);
tickClock();

// ---- The audience screen: the slide, the join screen or the Q&A wall, and the question on it ----

let screenVersion = -1;
const overlayButtons = Array.from(document.querySelectorAll('.overlay-button'));
const qa = consoleQa(document.querySelector('.console-qa'), command, (questionId) =>
  command('PUT', '/show/question', { questionId }, document.querySelector('.console-qa .qa-error')).then(applyScreen));

/** The screen's state from a `slide` message or a show answer; the slide itself is followed by showSync. */
function applyScreen(state) {
  if (!state || Number(state.version) <= screenVersion) return;
  screenVersion = Number(state.version);
  const overlay = state.overlay || 'none';
  body.dataset.overlay = overlay;
  body.dataset.questionId = state.questionId === null || state.questionId === undefined ? '' : String(state.questionId);
  overlayButtons.forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.overlay === overlay)));
  qa.spotlight(state.questionId ?? null);
}
applyScreen({ version: 0, overlay: body.dataset.overlay, questionId: body.dataset.questionId === '' ? null
  : Number(body.dataset.questionId) });
screenVersion = Number(body.dataset.showVersion) || 0;

overlayButtons.forEach((b) => b.addEventListener('click', async () => {
  // The pressed one again takes its overlay away.
  const wanted = b.getAttribute('aria-pressed') === 'true' && b.dataset.overlay !== 'none' ? 'none' : b.dataset.overlay;
  applyScreen(await command('PUT', '/show/overlay', { overlay: wanted }, document.querySelector('.screen-error')));
}));

// ---- The current slide's poll: controls, countdown and a live preview of its results ----

const types = await pollTypes(polls.map((p) => p.dataset.type));
const countdown = countdowns();
let presence = null;
const setDeadline = (poll, remainingMs) => countdown.set(poll, remainingMs);

function showControls(poll) {
  const status = poll.dataset.status;
  const visible = poll.dataset.resultsVisible === 'true';
  const confirming = poll.dataset.confirming === 'true';
  const hide = (selector, hidden) => { poll.querySelector(selector).hidden = hidden; };
  hide('.open-poll', status === 'OPEN');
  hide('.close-poll', status !== 'OPEN');
  hide('.reveal-results', visible);
  hide('.hide-results', !visible);
  hide('.reset-poll', status === 'DRAFT' || confirming);
  hide('.reset-confirm', !confirming);
  // The earlier rounds to show beside the current one on the screen.
  const round = Number(poll.dataset.round);
  const select = poll.querySelector('.compare-round');
  const wanted = ['0'].concat(Array.from({ length: Math.max(0, round - 1) }, (_, i) => String(i + 1)));
  if (Array.from(select.options, (o) => o.value).join() !== wanted.join()) {
    select.replaceChildren(...wanted.map((value) => new Option(value === '0' ? select.dataset.none
      : select.dataset.round.replace('%s', value), value)));
  }
  select.value = poll.dataset.compare;
  select.closest('.compare-field').hidden = round < 2;
}

function applyResults(message) {
  const poll = polls.find((p) => p.dataset.pollId === message.pollId);
  if (!poll || message.round !== message.currentRound) return;
  if (message.version < Number(poll.dataset.version)) return;
  if (Number(poll.dataset.round) !== message.currentRound) poll.dataset.confirming = 'false';
  poll.dataset.version = message.version;
  poll.dataset.status = message.status;
  poll.dataset.round = message.currentRound;
  poll.dataset.resultsVisible = String(message.resultsVisible);
  poll.dataset.total = String(message.total);
  poll.dataset.compare = String(message.compare ? message.compare.round : 0);
  if (message.resultsVisible) showCounts(poll, message.counts, format);
  const bars = poll.querySelector('.bars');
  if (bars) bars.hidden = !message.resultsVisible || message.counts.length === 0;
  const box = poll.querySelector('.type-results');
  if (box) {
    box.replaceChildren();
    box.hidden = !message.resultsVisible || !message.details;
    if (message.details) types.get(poll.dataset.type).showResults?.(poll, message);
  }
  poll.querySelector('.results-hidden').hidden = message.resultsVisible;
  poll.querySelector('.round-number').textContent = String(message.currentRound);
  const status = poll.querySelector('.status');
  status.textContent = status.dataset['statusText' + message.status.charAt(0) + message.status.slice(1).toLowerCase()];
  setDeadline(poll, message.remainingMs);
  showControls(poll);
  figures();
}

// Live figures: votes in the current round of the current slide's poll, participants who joined the talk and who
// have it open now, and the response rate: votes ÷ connected in whole percent ("–" with nobody connected).
function figures() {
  const poll = currentPoll();
  const votes = poll ? Number(poll.dataset.total) : null;
  const set = (selector, text) => { document.querySelector(selector).textContent = text; };
  set('.figure-votes', votes === null ? '–' : format.number(votes));
  set('.figure-joined', presence ? format.number(presence.joined) : '–');
  set('.figure-connected', presence ? format.number(presence.participants) : '–');
  set('.figure-rate', votes === null || !presence || presence.participants === 0 ? '–'
    // Votes of phones that have since left count too: the rate stops at 100 % (500 % helped nobody).
    : format.percent(Math.min(100, Math.round((100 * votes) / presence.participants))));
}

// The countdown field: empty or 0 means none. It starts with the deck's time-limit.
function seconds(poll) {
  const value = poll.querySelector('.countdown-seconds').value.trim();
  return value === '' ? 0 : Math.round(Number(value));
}

polls.forEach((poll) => {
  const error = poll.querySelector('.control-error');
  const control = (action, query = '') => command('POST', '/polls/' + encodeURIComponent(poll.dataset.pollId) + '/'
    + action + query, undefined, error);
  const on = (selector, handler) => poll.querySelector(selector).addEventListener('click', handler);
  const confirming = (on) => { poll.dataset.confirming = String(on); showControls(poll); };
  on('.open-poll', () => control('open', '?seconds=' + seconds(poll)));
  on('.close-poll', () => control('close'));
  on('.reveal-results', () => control('reveal'));
  on('.hide-results', () => control('hide'));
  // A new round empties the screen's bars: it takes a second, deliberate tap.
  on('.reset-poll', () => { confirming(true); poll.querySelector('.confirm-reset').focus(); });
  on('.cancel-reset', () => confirming(false));
  on('.confirm-reset', () => { confirming(false); control('reset', '?seconds=' + seconds(poll)); });
  poll.querySelector('.compare-round').addEventListener('change', (event) =>
    control('compare', '?round=' + encodeURIComponent(event.target.value)));
  const field = poll.querySelector('.countdown-seconds');
  field.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && poll.dataset.status !== 'OPEN') control('open', '?seconds=' + seconds(poll));
    if (event.key === 'Enter' || event.key === 'Escape') field.blur();
  });
  setDeadline(poll, poll.dataset.remainingMs === undefined ? null : Number(poll.dataset.remainingMs));
  showControls(poll);
});

// ---- The presenter feed: everything, including what waits for moderation ----

liveSocket('/ws/present/' + encodeURIComponent(code) + '?key=' + encodeURIComponent(key), (message) => {
  switch (message.type) {
    case 'slide':
      applyScreen(message);
      show.onMessage(message);
      break;
    case 'results': applyResults(message); break;
    case 'presence':
      presence = message;
      figures();
      break;
    case 'qa': qa.onMessage(message); break;
    default: {
      // A message about one poll that only its type knows (open text's moderation queue).
      const poll = message.pollId !== undefined ? polls.find((p) => p.dataset.pollId === message.pollId) : null;
      if (poll) types.get(poll.dataset.type).onMessage?.(poll, message);
    }
  }
}, () => show.resume());
render(current);
