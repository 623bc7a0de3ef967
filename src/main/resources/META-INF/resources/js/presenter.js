import { liveSocket } from './live.js';
import { showSync } from './show.js';
import { presenterCommand } from './commands.js';
import { screenQa } from './qa.js';
import { announcer, numbers } from './announce.js';
import { screenPolls } from './screen-polls.js';
import { fitShown } from './fit.js';
import { reactionOverlay } from './reactions.js';
import { isWithdrawn } from './withdrawn.js';

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
  // Without the key (or once it no longer runs the show) this is a screen that follows; a local move would put it out
  // of step.
  if (!key || isWithdrawn()) return;
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

// The results as the room sees them (js/screen-polls.js, shared with the embed view).
const screen = await screenPolls(announce, closedAnnounce);

// Always the public screen feed, with or without the key: what the room may see and nothing more.
const reactions = reactionOverlay(document.querySelector('.reaction-overlay'));
liveSocket('/ws/screen/' + encodeURIComponent(code), (message) => {
  switch (message.type) {
    case 'qa': qa.onMessage(message); break;
    case 'reactions': reactions.onMessage(message); break;
    case 'slide': show.onMessage(message); break;
    case 'results': screen.applyResults(message); break;
    case 'presence':
      document.querySelectorAll('.joined-count').forEach((e) => { e.textContent = format.number(message.joined); });
      break;
    default: screen.typeMessage(message);
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
