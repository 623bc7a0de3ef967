import { liveSocket } from './live.js';

// The presenter screen: slide navigation by keyboard (clicker remotes send arrows and PageUp/PageDown), live results
// over the presenter socket (messages older than what is shown are dropped), and poll controls when the page was
// opened with the presenter key.
const body = document.body;
const code = body.dataset.code;
const key = body.dataset.key;
const slides = Array.from(document.querySelectorAll('section.slide'));
let current = Math.max(0, slides.findIndex((s) => s.dataset.slide === body.dataset.start));

function show(index) {
  current = Math.min(Math.max(index, 0), slides.length - 1);
  slides.forEach((s, i) => { s.hidden = i !== current; });
  document.querySelector('.counter .current').textContent = String(current + 1);
  const url = new URL(location.href);
  url.searchParams.set('slide', String(current + 1));
  history.replaceState(null, '', url);
}

document.addEventListener('keydown', (event) => {
  if (event.target.closest && event.target.closest('input, textarea')) return;
  switch (event.key) {
    case 'ArrowRight': case 'PageDown': case ' ': show(current + 1); break;
    case 'ArrowLeft': case 'PageUp': show(current - 1); break;
    case 'Home': show(0); break;
    case 'End': show(slides.length - 1); break;
    case 'f': case 'F':
      if (document.fullscreenElement) document.exitFullscreen(); else document.documentElement.requestFullscreen();
      break;
    default: return;
  }
  event.preventDefault();
});
document.querySelector('.deck-footer .prev').addEventListener('click', () => show(current - 1));
document.querySelector('.deck-footer .next').addEventListener('click', () => show(current + 1));

function pollElement(pollId) {
  return Array.from(document.querySelectorAll('.poll[data-poll-id]')).find((p) => p.dataset.pollId === pollId);
}

function applyResults(message) {
  const poll = pollElement(message.pollId);
  if (!poll || message.version < Number(poll.dataset.version)) return;
  poll.dataset.version = message.version;
  poll.dataset.status = message.status;
  message.counts.forEach((row) => {
    const li = poll.querySelector('.bar-row[data-option-id="' + row.optionId + '"]');
    if (!li) return;
    li.querySelector('.bar').style.width = row.percent + '%';
    li.querySelector('.count').textContent = String(row.count);
    li.querySelector('.percent').textContent = String(row.percent);
  });
  poll.querySelector('.total').textContent = String(message.total);
  const status = poll.querySelector('.status');
  status.textContent = status.dataset['statusText' + message.status.charAt(0) + message.status.slice(1).toLowerCase()];
  const open = poll.querySelector('.open-poll');
  const close = poll.querySelector('.close-poll');
  if (open) open.hidden = message.status === 'OPEN';
  if (close) close.hidden = message.status !== 'OPEN';
}

liveSocket('/ws/present/' + encodeURIComponent(code), (message) => {
  if (message.type === 'results') applyResults(message);
  if (message.type === 'presence') {
    document.querySelectorAll('.participants').forEach((e) => { e.textContent = String(message.participants); });
  }
});

async function control(poll, action) {
  const response = await fetch('/api/talks/' + encodeURIComponent(code) + '/polls/'
    + encodeURIComponent(poll.dataset.pollId) + '/' + action, {
    method: 'POST', headers: { 'X-Presenter-Key': key, Accept: 'application/json' },
  });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    alert(problem.detail || response.statusText);
  }
}

if (key) {
  document.querySelectorAll('.poll[data-poll-id]').forEach((poll) => {
    poll.querySelector('.open-poll').addEventListener('click', () => control(poll, 'open'));
    poll.querySelector('.close-poll').addEventListener('click', () => control(poll, 'close'));
  });
}
show(current);
