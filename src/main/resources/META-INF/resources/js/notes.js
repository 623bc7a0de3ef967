import { liveSocket } from './live.js';
import { showSync, duration } from './show.js';

// The speaker notes window: the current slide's number, title and notes, the next slide's title, the time of day and
// the time since the window opened. It follows the show's `slide` messages; its arrow keys move the show too.
const body = document.body;
const code = body.dataset.code;
const notes = Array.from(document.querySelectorAll('section.note'));
const counter = document.querySelector('.counter .current');
let current = Math.max(0, notes.findIndex((s) => s.dataset.slide === body.dataset.start));

const show = showSync({
  code,
  key: body.dataset.key,
  version: body.dataset.showVersion,
  onSlide: (message) => {
    if (message.slides !== notes.length) {
      location.reload();
      return;
    }
    render(message.slide - 1);
  },
});

function render(index) {
  current = Math.min(Math.max(index, 0), notes.length - 1);
  notes.forEach((s, i) => { s.hidden = i !== current; });
  counter.textContent = String(current + 1);
  body.dataset.slide = String(current + 1);
}

function go(index) {
  const target = Math.min(Math.max(index, 0), notes.length - 1);
  if (target === current) return;
  render(target);
  show.moveTo(target + 1);
}

document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.altKey || event.metaKey) return;
  switch (event.key) {
    case 'ArrowRight': case 'ArrowDown': case 'PageDown': case ' ': go(current + 1); break;
    case 'ArrowLeft': case 'ArrowUp': case 'PageUp': go(current - 1); break;
    case 'Home': go(0); break;
    case 'End': go(notes.length - 1); break;
    default: return;
  }
  event.preventDefault();
});
document.querySelector('.notes-footer .prev').addEventListener('click', () => go(current - 1));
document.querySelector('.notes-footer .next').addEventListener('click', () => go(current + 1));

// Clocks: the time of day, and the time since this window opened (↺ starts it again).
const clock = document.querySelector('.clock');
const elapsed = document.querySelector('.elapsed');
const timeFormat = new Intl.DateTimeFormat(document.documentElement.lang || undefined,
  { hour: '2-digit', minute: '2-digit' });
let started = Date.now();
function tick() {
  clock.textContent = timeFormat.format(new Date());
  elapsed.textContent = duration(Date.now() - started, false);
}
document.querySelector('.elapsed-reset').addEventListener('click', () => { started = Date.now(); tick(); });
setInterval(tick, 1000);
tick();

liveSocket('/ws/present/' + encodeURIComponent(code) + '?key=' + encodeURIComponent(body.dataset.key), (message) => {
  if (message.type === 'slide') show.onMessage(message);
}, () => show.resume());
render(current);
