import { liveSocket, idempotencyKey } from './live.js';
import { showSync, duration } from './show.js';
import { presenterQa } from './qa.js';
import { announcer, numbers } from './announce.js';
import { problemCode, problemText } from './problems.js';
import { pollTypes } from './poll-types.js';
import { fitShown } from './fit.js';
import { reactionOverlay } from './reactions.js';

// The presenter screen. Navigation by keyboard (clicker remotes send arrows and PageUp/PageDown), a number and Enter
// to jump, F for fullscreen and B for a black screen. With the presenter key every move is sent to the server so that
// phones, notes and other presenter windows follow; every window follows the server's `slide` messages. Live results
// over the presenter socket (messages older than what is shown are dropped) and poll controls with the key.
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
const format = numbers();

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
  },
  onError: (detail) => {
    if (!showError) return;
    showError.textContent = detail || '';
    showError.hidden = !detail;
  },
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
  show.moveTo(target + 1);
}

// Typing a slide number, then Enter, jumps there; Escape or a pause of 5 s forgets it.
let typed = '';
let typedTimer = null;
function setTyped(value) {
  typed = value;
  gotoNumber.textContent = typed;
  gotoBox.hidden = typed === '';
  clearTimeout(typedTimer);
  if (typed) typedTimer = setTimeout(() => setTyped(''), 5000);
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
    case 'ArrowRight': case 'ArrowDown': case 'PageDown': case ' ': go(current + 1); break;
    case 'ArrowLeft': case 'ArrowUp': case 'PageUp': go(current - 1); break;
    case 'Home': go(0); break;
    case 'End': go(slides.length - 1); break;
    case 'f': case 'F':
      if (document.fullscreenElement) document.exitFullscreen();
      else if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen().catch(() => {});
      break;
    case 'b': case 'B': case '.':
      toggleBlack();
      break;
    default: return;
  }
  event.preventDefault();
});
document.querySelector('.deck-footer .prev')?.addEventListener('click', () => go(current - 1));
document.querySelector('.deck-footer .next')?.addEventListener('click', () => go(current + 1));
blackout.addEventListener('click', () => toggleBlack(false));

const notesButton = document.querySelector('.notes-button');
if (notesButton) {
  notesButton.addEventListener('click', () => {
    window.open(notesButton.dataset.href, 'afstemning-notes-' + code, 'popup,width=960,height=720');
  });
}

// ---- Polls: live results, countdowns and controls ----

function pollElement(pollId) {
  return Array.from(document.querySelectorAll('.poll[data-poll-id]')).find((p) => p.dataset.pollId === pollId);
}

// The module of each poll type on the screen (js/polltypes/<type>.js): it draws the results beyond the shared bars.
const types = await pollTypes(Array.from(document.querySelectorAll('.poll[data-poll-id]'), (p) => p.dataset.type));

const deadlines = new Map();

function setDeadline(poll, remainingMs) {
  if (remainingMs === null || remainingMs === undefined || poll.dataset.status !== 'OPEN') {
    deadlines.delete(poll);
  } else {
    deadlines.set(poll, Date.now() + Number(remainingMs));
  }
  tick();
}

function tick() {
  document.querySelectorAll('.poll[data-poll-id]').forEach((poll) => {
    const element = poll.querySelector('.countdown');
    const deadline = deadlines.get(poll);
    element.hidden = deadline === undefined;
    if (deadline !== undefined) {
      const left = deadline - Date.now();
      element.textContent = duration(left);
      element.classList.toggle('ending', left <= 10000);
    }
  });
}
setInterval(tick, 250);

function setHidden(poll, selector, hidden) {
  const element = poll.querySelector(selector);
  if (element) element.hidden = hidden;
}

function showControls(poll) {
  const status = poll.dataset.status;
  const hiddenMode = poll.dataset.resultsMode === 'hidden';
  const visible = poll.dataset.resultsVisible === 'true';
  setHidden(poll, '.open-poll', status === 'OPEN');
  setHidden(poll, '.close-poll', status !== 'OPEN');
  setHidden(poll, '.reset-poll', status === 'DRAFT');
  setHidden(poll, '.reveal-results', !hiddenMode || visible);
  setHidden(poll, '.hide-results', !hiddenMode || !visible);
}

function applyResults(message) {
  const poll = pollElement(message.pollId);
  if (!poll || message.round !== message.currentRound) return;
  if (message.version < Number(poll.dataset.version)) return;
  poll.dataset.version = message.version;
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
  poll.querySelector('.results-hidden').hidden = message.resultsVisible;
  poll.querySelector('.total').textContent = format.number(message.total);
  poll.querySelector('.round-number').textContent = String(message.currentRound);
  const status = poll.querySelector('.status');
  status.textContent = status.dataset['statusText' + message.status.charAt(0) + message.status.slice(1).toLowerCase()];
  setDeadline(poll, message.remainingMs);
  showControls(poll);
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

// With the key the presenter's own feed (with presence, and Q&A questions waiting for moderation or hidden); without,
// the public screen feed: what the room sees.
const qa = presenterQa(code, key);
const reactions = reactionOverlay(document.querySelector('.reaction-overlay'));
const feed = key ? '/ws/present/' + encodeURIComponent(code) + '?key=' + encodeURIComponent(key)
  : '/ws/screen/' + encodeURIComponent(code);
liveSocket(feed, (message) => {
  switch (message.type) {
    case 'qa': qa.onMessage(message); break;
    case 'reactions': reactions.onMessage(message); break;
    case 'slide': show.onMessage(message); break;
    case 'results': applyResults(message); break;
    case 'presence':
      document.querySelectorAll('.participants').forEach((e) => { e.textContent = format.number(message.participants); });
      break;
    default: {
      // A message about one poll that only its type knows (e.g. open text's moderation list).
      const poll = message.pollId !== undefined ? pollElement(message.pollId) : null;
      if (poll && types.get(poll.dataset.type).onMessage) {
        types.get(poll.dataset.type).onMessage(poll, message);
        fitShown();
      }
    }
  }
}, () => show.resume());

// A poll command; when the network fails it is sent again (up to three times) with the same Idempotency-Key, so a
// command that did reach the server is not done twice (two new rounds from one click).
async function control(poll, action, seconds) {
  const error = poll.querySelector('.control-error');
  const query = seconds === undefined ? '' : '?seconds=' + encodeURIComponent(seconds);
  const requestKey = idempotencyKey();
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch('/api/talks/' + encodeURIComponent(code) + '/polls/'
        + encodeURIComponent(poll.dataset.pollId) + '/' + action + query, {
        method: 'POST',
        headers: { 'X-Presenter-Key': key, Accept: 'application/json', 'Idempotency-Key': requestKey },
      });
      if (!response.ok) {
        const problem = await response.json().catch(() => ({}));
        error.textContent = problemText(problemCode(problem.type));
        error.hidden = false;
        return false;
      }
      error.hidden = true;
      return true;
    } catch (e) {
      if (attempt >= 3) {
        error.textContent = document.querySelector('.offline').textContent;
        error.hidden = false;
        return false;
      }
      await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
    }
  }
}

// The countdown field: empty or 0 means none. It starts with the deck's time-limit.
function seconds(poll) {
  const value = poll.querySelector('.countdown-seconds').value.trim();
  return value === '' ? 0 : Math.round(Number(value));
}

if (key) {
  document.querySelectorAll('.poll[data-poll-id]').forEach((poll) => {
    const field = poll.querySelector('.countdown-seconds');
    const on = (selector, handler) => {
      const button = poll.querySelector(selector);
      if (button) button.addEventListener('click', handler);
    };
    on('.open-poll', () => control(poll, 'open', seconds(poll)));
    on('.close-poll', () => control(poll, 'close'));
    on('.reveal-results', () => control(poll, 'reveal'));
    on('.hide-results', () => control(poll, 'hide'));
    on('.reset-poll', () => control(poll, 'reset', seconds(poll)));
    // Enter opens the poll, and Enter or Escape hands the keyboard back to the clicker.
    field.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && poll.dataset.status !== 'OPEN') control(poll, 'open', seconds(poll));
      if (event.key === 'Enter' || event.key === 'Escape') field.blur();
    });
  });
}

// Start where the show is. A ?slide= in the address shows that slide instead (and moves the show there with the
// key); it is then dropped from the address, so that a reload lands on the show's current slide.
render(current);
const url = new URL(location.href);
if (url.searchParams.has('slide')) {
  url.searchParams.delete('slide');
  history.replaceState(null, '', url);
  show.moveTo(current + 1);
}
