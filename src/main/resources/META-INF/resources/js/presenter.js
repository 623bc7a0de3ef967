import { liveSocket, idempotencyKey } from './live.js';
import { showSync, duration } from './show.js';
import { presenterQa } from './qa.js';
import { announcer, numbers } from './announce.js';
import { problemCode, problemText } from './problems.js';
import { renderTextResults, moderation } from './text-results.js';
import { fitShown } from './fit.js';

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
  poll.querySelector('.bars').hidden = !message.resultsVisible || message.counts.length === 0;
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

// ---- Results of the poll types beyond single choice, drawn from the results message's `details` ----
// Every text is set with textContent: option texts and labels show exactly as typed.

function element(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

function number(value) {
  if (value === null || value === undefined) return '–';
  return new Intl.NumberFormat(document.documentElement.lang || undefined, { maximumFractionDigits: 1 }).format(value);
}

// Columns for a scale's distribution or a slider's histogram, with the end labels and mean/median under them.
function columns(box, details) {
  const most = Math.max(1, ...details.bars.map((b) => b.count));
  const chart = element('div', 'columns');
  details.bars.forEach((bar) => {
    const column = element('div', 'column');
    column.dataset.from = bar.from;
    const fill = element('span', 'column-bar');
    fill.style.height = Math.round((bar.count / most) * 100) + '%';
    column.append(element('span', 'column-count', bar.count), fill,
      element('span', 'column-label', bar.from === bar.to ? bar.from : bar.from + '–' + bar.to));
    chart.append(column);
  });
  box.append(chart);
  if (details.low || details.high) {
    const poles = element('div', 'poles');
    poles.append(element('span', 'pole low', details.low || ''), element('span', 'pole high', details.high || ''));
    box.append(poles);
  }
  const stats = element('p', 'stats');
  stats.append(element('span', null, box.dataset.msgMean + ' '), element('strong', 'mean', number(details.mean)),
    element('span', null, ' · ' + box.dataset.msgMedian + ' '), element('strong', 'median', number(details.median)));
  box.append(stats);
}

// A ranking, best Borda score first, with its average rank.
function ranking(box, details, total) {
  const list = element('ol', 'ranking-results');
  const best = Math.max(1, total * (details.options - 1));
  details.items.slice().sort((a, b) => b.borda - a.borda).forEach((item) => {
    const li = element('li', 'bar-row');
    li.dataset.optionId = item.optionId;
    const track = element('span', 'bar-track');
    const bar = element('span', 'bar');
    bar.style.width = Math.round((item.borda / best) * 100) + '%';
    track.append(bar);
    const numbers = element('span', 'numbers');
    numbers.append(element('span', 'borda', item.borda), element('span', null, ' ' + box.dataset.msgBorda + ' · '
      + box.dataset.msgAverageRank + ' '), element('span', 'average-rank', number(item.averageRank)));
    li.append(element('span', 'label', item.text), track, numbers);
    list.append(li);
  });
  box.append(list);
}

// After a quiz question: the right options are marked and the talk's leaderboard is shown.
function quiz(poll, box, details) {
  const correct = (details.correctOptionIds || []).map(String);
  poll.querySelectorAll('.bar-row').forEach((row) => row.classList.toggle('correct', correct.includes(row.dataset.optionId)));
  if (!details.leaderboard) return;
  box.append(element('h2', 'leaderboard-title', box.dataset.msgLeaderboard));
  const table = element('ol', 'leaderboard fit-rows');
  if (details.leaderboard.rows.length === 0) table.append(element('li', 'empty', box.dataset.msgNone));
  details.leaderboard.rows.forEach((row) => {
    const li = element('li', 'leader');
    li.append(element('span', 'rank', row.rank + '.'), element('span', 'nickname', row.nickname),
      element('span', 'points', row.points + ' ' + box.dataset.msgPoints));
    table.append(li);
  });
  box.append(table);
}

function renderTypeResults(poll, message) {
  const box = poll.querySelector('.type-results');
  if (!box) return;
  box.replaceChildren();
  box.hidden = !message.resultsVisible || !message.details;
  const details = message.details;
  if (!details) return;
  switch (message.pollType) {
    case 'scale': case 'slider': columns(box, details); break;
    case 'ranking': ranking(box, details, message.total); break;
    case 'quiz': quiz(poll, box, details); break;
    case 'wordcloud': case 'open': renderTextResults(poll, box, message); break;
    default: box.hidden = true;
  }
}

document.querySelectorAll('.poll[data-poll-id]').forEach((poll) => {
  setDeadline(poll, poll.dataset.remainingMs === undefined ? null : Number(poll.dataset.remainingMs));
});

// With the key the presenter's own feed (with presence, and Q&A questions waiting for moderation or hidden); without,
// the public screen feed: what the room sees.
const qa = presenterQa(code, key);
const moderated = moderation(code, key);
const feed = key ? '/ws/present/' + encodeURIComponent(code) + '?key=' + encodeURIComponent(key)
  : '/ws/screen/' + encodeURIComponent(code);
liveSocket(feed, (message) => {
  switch (message.type) {
    case 'qa': qa.onMessage(message); break;
    case 'moderation': moderated.onMessage(message); fitShown(); break;
    case 'slide': show.onMessage(message); break;
    case 'results': applyResults(message); break;
    case 'presence':
      document.querySelectorAll('.participants').forEach((e) => { e.textContent = format.number(message.participants); });
      break;
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
