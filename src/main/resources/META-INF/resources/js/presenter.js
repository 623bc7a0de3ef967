import { liveSocket } from './live.js';
import { showSync, countdowns } from './show.js';
import { presenterCommand } from './commands.js';
import { screenQa } from './qa.js';
import { announcer, numbers } from './announce.js';
import { pollTypes } from './poll-types.js';
import { fitShown } from './fit.js';
import { reactionOverlay } from './reactions.js';

// The audience screen: what the room sees, and nothing more. It always listens to the public screen feed, so nothing
// unmoderated (waiting or hidden Q&A questions, open answers not yet shown) ever reaches its page. Navigation by
// keyboard (clicker remotes send arrows and PageUp/PageDown), a number and Enter to jump, F fullscreen, B a black
// screen. With the presenter key every move is sent to the server so that phones, consoles and other screens follow,
// and keys run the show over REST: O opens or closes the poll, R shows or hides its results, N twice starts a new
// round, J the join screen, Q the Q&A wall. Every window follows the server's `slide` messages (slide and overlay).
// The control bar shows on pointer movement or keyboard focus and goes after 3 s idle; fullscreen hides it.
const body = document.body;
const code = body.dataset.code;
const key = body.dataset.key || null;
const slides = Array.from(document.querySelectorAll('section.slide'));
const counter = document.querySelector('.counter .current');
const gotoBox = document.querySelector('.goto');
const gotoNumber = document.querySelector('.goto-number');
const blackout = document.querySelector('.blackout');
const showError = document.querySelector('.show-error');
let current = Math.max(0, slides.findIndex((s) => s.dataset.slide === body.dataset.start));
// Screen readers hear the vote total at most every 5 s, however fast votes come in.
const announce = announcer(document.querySelector('.announcer'), 5000);
// Closing a poll is said at once, in a region of its own so that no vote count replaces it.
const closedAnnounce = announcer(document.querySelector('.announcer-closed'));
const format = numbers();
const qa = screenQa();

const show = showSync({
  code,
  key,
  version: body.dataset.showVersion,
  onSlide: (message) => {
    if (message.slides !== slides.length) {
      // The deck changed under this page: load the new slides.
      location.reload();
      return;
    }
    render(message.slide - 1);
    setOverlay(message.overlay, message.questionId);
  },
  onError: (detail) => flashError(detail),
});

function render(index) {
  current = Math.min(Math.max(index, 0), slides.length - 1);
  slides.forEach((s, i) => { s.hidden = i !== current; });
  counter.textContent = String(current + 1);
  body.dataset.slide = String(current + 1);
  fitShown();
}

// A local move: shown at once, then sent to the server when this window holds the key.
function go(index) {
  // Without the key this is a screen that follows the show; moving it locally would put it out of step.
  if (!key) return;
  const target = Math.min(Math.max(index, 0), slides.length - 1);
  if (target === current) return;
  render(target);
  moveTo(target + 1);
}

// Every move takes the join screen or Q&A wall away on the server too (ShowService.goTo).
function moveTo(slide) {
  setOverlay(null, null);
  show.moveTo(slide);
}

// Typing a slide number, then Enter, jumps there; Escape or a pause of 5 s forgets it.
let typed = '';
let typedTimer = null;
function setTyped(value) {
  typed = value;
  gotoNumber.textContent = typed;
  gotoBox.hidden = typed === '';
  // The speaker sees the number typed so far in the control bar.
  if (typed) wake();
  clearTimeout(typedTimer);
  if (typed) typedTimer = setTimeout(() => setTyped(''), 5000);
}

// ---- Overlays: the join screen and the Q&A wall, kept on the server so that every screen shows the same ----
const joinScreen = document.querySelector('.join-screen');
const joinToggle = document.querySelector('.join-toggle');
let overlay = body.dataset.overlay || null;

function setOverlay(value, questionId) {
  overlay = value || null;
  joinScreen.hidden = overlay !== 'join';
  body.dataset.overlay = overlay || '';
  if (joinToggle) joinToggle.setAttribute('aria-pressed', String(overlay === 'join'));
  qa.show(overlay === 'qa', questionId);
}

// A command of the show over REST with the key; a refusal is shown in the page's language (problems.js).
// A command with the key, retried with the same Idempotency-Key when the network fails; refusals show for a while.
async function command(method, path, payload) {
  if (!key) return false;
  return await presenterCommand({ code, key, method, path, payload, report: flashError,
    offlineText: document.querySelector('.offline').textContent }) !== null;
}

function toggleOverlay(name) {
  command('PUT', '/show/overlay', { overlay: overlay === name ? 'none' : name });
}

// Next (→, Space, the button) on the join screen takes the join screen away and stays on the slide.
function next() {
  if (overlay === 'join') {
    if (key) command('PUT', '/show/overlay', { overlay: 'none' });
    return;
  }
  go(current + 1);
}

function toggleBlack(on) {
  blackout.hidden = on === undefined ? !blackout.hidden : !on;
  body.dataset.black = String(!blackout.hidden);
}

document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.altKey || event.metaKey) return;
  if (event.target.closest && event.target.closest('input, textarea, select')) return;
  if (/^[0-9]$/.test(event.key)) {
    if (typed.length < 4) setTyped(typed + event.key);
    event.preventDefault();
    return;
  }
  switch (event.key) {
    case 'Enter':
      if (!typed) return;
      if (Number(typed) >= 1 && Number(typed) <= slides.length) go(Number(typed) - 1);
      setTyped('');
      break;
    case 'Backspace':
      if (!typed) return;
      setTyped(typed.slice(0, -1));
      break;
    case 'Escape':
      setTyped('');
      toggleBlack(false);
      return;
    case 'ArrowRight': case 'ArrowDown': case 'PageDown': case ' ': next(); break;
    case 'ArrowLeft': case 'ArrowUp': case 'PageUp': go(current - 1); break;
    case 'Home': go(0); break;
    case 'End': go(slides.length - 1); break;
    case 'f': case 'F': toggleFullscreen(); break;
    case 'o': case 'O': if (!key) return; openOrClose(); break;
    case 'r': case 'R': if (!key) return; revealOrHide(); break;
    case 'n': case 'N': if (!key) return; newRound(); break;
    case 'j': case 'J': if (!key) return; toggleOverlay('join'); break;
    case 'q': case 'Q': if (!key) return; toggleOverlay('qa'); break;
    case 'b': case 'B': case '.':
      toggleBlack();
      break;
    default: return;
  }
  event.preventDefault();
});
function toggleFullscreen() {
  if (document.fullscreenElement) document.exitFullscreen();
  else if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen().catch(() => {});
}

const bar = document.querySelector('.control-bar');
bar.querySelector('.prev')?.addEventListener('click', () => go(current - 1));
bar.querySelector('.next')?.addEventListener('click', next);
bar.querySelector('.qa-toggle')?.addEventListener('click', () => toggleOverlay('qa'));
joinToggle?.addEventListener('click', () => toggleOverlay('join'));
bar.querySelector('.fullscreen-toggle').addEventListener('click', toggleFullscreen);
blackout.addEventListener('click', () => toggleBlack(false));

const consoleButton = bar.querySelector('.console-button');
if (consoleButton) {
  consoleButton.addEventListener('click', () => {
    window.open(consoleButton.dataset.href, 'afstemning-console-' + code, 'popup,width=960,height=720');
  });
}

// The control bar: shown on pointer movement or keyboard focus in it, gone after 3 s without either (the pointer is
// hidden too). At that moment keyboard focus in the bar goes back to the slides, so no hidden button keeps it.
const IDLE_MS = 3000;
let idleTimer = null;
function wake() {
  body.classList.remove('idle');
  clearTimeout(idleTimer);
  idleTimer = setTimeout(sleep, IDLE_MS);
}
function sleep() {
  if (bar.contains(document.activeElement)) document.querySelector('main.deck').focus({ preventScroll: true });
  body.classList.add('idle');
}
['pointermove', 'pointerdown', 'wheel'].forEach((type) => document.addEventListener(type, wake, { passive: true }));
bar.addEventListener('focusin', wake);
bar.addEventListener('keydown', wake);
wake();

// A short note on the screen (the N hint, a refusal), gone after a few seconds.
const hint = document.querySelector('.screen-hint');
let hintTimer = null;
function flashHint(text, ms = 3000) {
  hint.textContent = text;
  hint.hidden = false;
  clearTimeout(hintTimer);
  hintTimer = setTimeout(() => { hint.hidden = true; }, ms);
}
let errorTimer = null;
function flashError(text) {
  showError.textContent = text || '';
  showError.hidden = !text;
  clearTimeout(errorTimer);
  if (text) errorTimer = setTimeout(() => { showError.hidden = true; }, 8000);
}

// ---- Polls: live results, countdowns, and the keys that run them ----

function pollElement(pollId) {
  return Array.from(document.querySelectorAll('.poll[data-poll-id]')).find((p) => p.dataset.pollId === pollId);
}

// The module of each poll type on the screen (js/polltypes/<type>.js): it draws the results beyond the shared bars.
const types = await pollTypes(Array.from(document.querySelectorAll('.poll[data-poll-id]'), (p) => p.dataset.type));

const countdown = countdowns();
const setDeadline = (poll, remainingMs) => countdown.set(poll, remainingMs);

function roundLabel(round) {
  return (body.dataset.msgRound || 'Round %s').replace('%s', () => String(round));
}

function setLine(line, row, round) {
  line.querySelector('.round-tag').textContent = roundLabel(round);
  line.querySelector('.bar').style.width = (row ? row.percent : 0) + '%';
  line.querySelector('.count').textContent = format.number(row ? row.count : 0);
  line.querySelector('.percent').textContent = format.percent(row ? row.percent : 0);
}

// The figure that sums a round up, whatever the type: the leading option, the mean, the first-ranked option or the
// most frequent word; null when the round has none.
function keyFigure(results) {
  const counts = results.counts || [];
  if (counts.length > 0 && results.total > 0) {
    const top = counts.reduce((a, b) => (b.count > a.count ? b : a));
    return top.text + ' ' + format.percent(top.percent);
  }
  const d = results.details;
  if (!d) return null;
  if (typeof d.mean === 'number') return 'x̄ ' + format.number(d.mean);
  if (Array.isArray(d.items) && d.items.length > 0) return d.items.reduce((a, b) => (b.borda > a.borda ? b : a)).text;
  if (Array.isArray(d.words) && d.words.length > 0) return d.words.reduce((a, b) => (b.count > a.count ? b : a)).text;
  return null;
}

// An earlier round beside the current one: paired bars per option ("Round 1" over "Round 2"), and for every type the
// two rounds' totals and key figures side by side.
function applyCompare(poll, message) {
  const earlier = message.compare && message.compare.resultsVisible && message.resultsVisible ? message.compare : null;
  poll.classList.toggle('comparing', !!earlier);
  poll.querySelectorAll('.bars .bar-row').forEach((li) => {
    const line = li.querySelector('.bar-line.earlier');
    const tag = li.querySelector('.bar-line.now .round-tag');
    if (!line || !tag) return;
    line.hidden = !earlier;
    tag.hidden = !earlier;
    tag.textContent = roundLabel(message.currentRound);
    if (earlier) setLine(line, earlier.counts.find((r) => String(r.optionId) === li.dataset.optionId), earlier.round);
  });
  const box = poll.querySelector('.compare-rounds');
  box.hidden = !earlier;
  if (!earlier) { box.replaceChildren(); return; }
  box.replaceChildren(...[message, earlier].map((r) => {
    const part = document.createElement('p');
    part.className = 'round-summary' + (r === earlier ? ' earlier' : ' now');
    const title = document.createElement('strong');
    title.className = 'compare-title';
    title.textContent = roundLabel(r.round);
    const total = document.createElement('span');
    total.className = 'compare-total';
    total.textContent = (body.dataset.msgVotesTotal || '') + ' ' + format.number(r.total);
    part.append(title, ' ', total);
    const figure = keyFigure(r);
    if (figure) {
      const f = document.createElement('span');
      f.className = 'compare-figure';
      f.textContent = figure;
      part.append(' · ', f);
    }
    return part;
  }));
}

function applyResults(message) {
  const poll = pollElement(message.pollId);
  if (!poll || message.round !== message.currentRound) return;
  if (message.version < Number(poll.dataset.version)) return;
  poll.dataset.version = message.version;
  // Closing is said on the screen too, unlike the vote count it is said at once (the count waits its 5 s turn).
  const closing = poll.dataset.status === 'OPEN' && message.status === 'CLOSED'
    && !poll.closest('section.slide').hidden;
  poll.dataset.status = message.status;
  poll.dataset.round = message.currentRound;
  poll.dataset.resultsVisible = String(message.resultsVisible);
  if (message.resultsVisible) {
    message.counts.forEach((row) => {
      const li = poll.querySelector('.bar-row[data-option-id="' + row.optionId + '"]');
      if (!li) return;
      li.querySelector('.bar').style.width = row.percent + '%';
      li.querySelector('.count').textContent = format.number(row.count);
      li.querySelector('.percent').textContent = format.percent(row.percent);
      const tr = poll.querySelector('.results-table tr[data-option-id="' + row.optionId + '"]');
      if (!tr) return;
      tr.querySelector('.count').textContent = format.number(row.count);
      tr.querySelector('.percent').textContent = format.percent(row.percent);
    });
  }
  const table = poll.querySelector('.results-table');
  if (table) table.hidden = !message.resultsVisible || message.counts.length === 0;
  const total = poll.querySelector('.total');
  if (total.textContent !== format.number(message.total) && !poll.closest('section.slide').hidden) {
    announce.say(body.dataset.msgVotes.replace('%s', () => format.number(message.total)));
  }
  const bars = poll.querySelector('.bars');
  if (bars) bars.hidden = !message.resultsVisible || message.counts.length === 0;
  renderTypeResults(poll, message);
  applyCompare(poll, message);
  poll.querySelector('.results-hidden').hidden = message.resultsVisible;
  poll.querySelector('.total').textContent = format.number(message.total);
  poll.querySelector('.total-big').textContent = format.number(message.total);
  poll.querySelector('.round-number').textContent = String(message.currentRound);
  const status = poll.querySelector('.status');
  status.textContent = status.dataset['statusText' + message.status.charAt(0) + message.status.slice(1).toLowerCase()];
  setDeadline(poll, message.remainingMs);
  if (closing && body.dataset.msgClosed) {
    const question = poll.closest('section.slide').querySelector('.question');
    closedAnnounce.say(body.dataset.msgClosed.replace('%s', () => (question ? question.textContent.trim() : '')));
  }
  fitShown();
}

// The results of the poll types beyond the shared bars, drawn by the type's module from the message's `details`.
function renderTypeResults(poll, message) {
  const box = poll.querySelector('.type-results');
  if (!box) return;
  box.replaceChildren();
  box.hidden = !message.resultsVisible || !message.details;
  if (message.details) types.get(poll.dataset.type).showResults?.(poll, message);
}

document.querySelectorAll('.poll[data-poll-id]').forEach((poll) => {
  setDeadline(poll, poll.dataset.remainingMs === undefined ? null : Number(poll.dataset.remainingMs));
});

// Always the public screen feed, with or without the key: what the room may see and nothing more.
const reactions = reactionOverlay(document.querySelector('.reaction-overlay'));
liveSocket('/ws/screen/' + encodeURIComponent(code), (message) => {
  switch (message.type) {
    case 'qa': qa.onMessage(message); break;
    case 'reactions': reactions.onMessage(message); break;
    case 'slide': show.onMessage(message); break;
    case 'results': applyResults(message); break;
    case 'presence':
      document.querySelectorAll('.joined-count').forEach((e) => { e.textContent = format.number(message.joined); });
      break;
    default: {
      // A message about one poll that only its type knows.
      const poll = message.pollId !== undefined ? pollElement(message.pollId) : null;
      if (poll && types.get(poll.dataset.type).onMessage) {
        types.get(poll.dataset.type).onMessage(poll, message);
        fitShown();
      }
    }
  }
}, () => show.resume());

// The poll on the slide shown now, or null.
function currentPoll() {
  return slides[current].querySelector('.poll[data-poll-id]');
}

function pollCommand(poll, action) {
  return command('POST', '/polls/' + encodeURIComponent(poll.dataset.pollId) + '/' + action);
}

// O: an open poll closes; any other opens, with the deck's time-limit (the server's default without ?seconds).
// O, R or N on a slide without a poll says so, rather than doing nothing silently.
function pollOnSlide() {
  const poll = currentPoll();
  if (!poll) flashHint(body.dataset.msgNoPoll);
  return poll;
}

function openOrClose() {
  const poll = pollOnSlide();
  if (poll) pollCommand(poll, poll.dataset.status === 'OPEN' ? 'close' : 'open');
}

// R: results shown are hidden, hidden ones shown.
function revealOrHide() {
  const poll = pollOnSlide();
  if (poll) pollCommand(poll, poll.dataset.resultsVisible === 'true' ? 'hide' : 'reveal');
}

// N: a new round only on a second N within 3 s; the first shows how.
let firstN = 0;
function newRound() {
  const poll = pollOnSlide();
  if (!poll) return;
  if (Date.now() - firstN <= 3000) {
    firstN = 0;
    hint.hidden = true;
    pollCommand(poll, 'reset');
  } else {
    firstN = Date.now();
    flashHint(hint.dataset.newRound, 3000);
  }
}

// Start where the show is. A ?slide= in the address shows that slide instead (and moves the show there with the
// key); it is then dropped from the address, so that a reload lands on the show's current slide.
render(current);
setOverlay(overlay, body.dataset.questionId);
const url = new URL(location.href);
if (url.searchParams.has('slide')) {
  url.searchParams.delete('slide');
  history.replaceState(null, '', url);
  if (key) moveTo(current + 1);
}
