import { liveSocket } from './live.js';
import { showSync } from './show.js';
import { presenterCommand } from './commands.js';
import { announcer } from './announce.js';
import { screenPolls } from './screen-polls.js';

// The embed view: one poll's live results, drawn as the audience screen draws them (screen-polls.js) from the public
// screen feed, for a frame inside PowerPoint, Keynote, LibreOffice or a reveal.js deck. Without the presenter key it
// only follows. With the key, arriving at the poll moves the show to the poll's slide (so the phones show the poll)
// and, with data-open="arrival", opens a poll that was never opened, through the same REST calls as the console.
// Arriving is decided by the page itself (data-control="self": the frame became visible, by the Page Visibility API
// and an IntersectionObserver), or by the framing page (data-control="host": reveal-afstemning.js posts
// {afstemning: 'slide', shown, away} to it; "away" moves the phones to the deck's first slide without a poll).
const body = document.body;
const code = body.dataset.code;
const pollId = body.dataset.pollId;
const key = body.dataset.key || null;
const pollSlide = Number(body.dataset.slide);
const homeSlide = body.dataset.homeSlide ? Number(body.dataset.homeSlide) : null;
const error = document.querySelector('.show-error');

function report(text) {
  error.textContent = text || '';
  error.hidden = !text;
}

const screen = await screenPolls(announcer(document.querySelector('.announcer'), 5000));
const poll = screen.pollElement(pollId);

// The show's current slide, for the page's own moves; the view itself shows the one poll whatever the slide.
const show = showSync({
  code,
  key,
  version: body.dataset.showVersion,
  onSlide: (message) => { body.dataset.showSlide = String(message.slide); },
  onError: report,
});

let arrived = false;
let away = false;

// The poll is shown: the phones follow to it, and it opens if the host deck says so and it never opened.
function arrive() {
  if (!key || arrived) return;
  arrived = true;
  away = false;
  show.moveTo(pollSlide);
  if (body.dataset.open === 'arrival' && poll.dataset.status === 'DRAFT') {
    presenterCommand({ code, key, method: 'POST', path: '/polls/' + encodeURIComponent(pollId) + '/open', report,
      offlineText: document.querySelector('.offline').textContent });
  }
}

function leave() {
  arrived = false;
}

// The host deck shows a slide without a poll: the phones wait on the deck's first slide without one.
function goAway() {
  if (!key || away || homeSlide === null) return;
  away = true;
  show.moveTo(homeSlide);
}

liveSocket('/ws/screen/' + encodeURIComponent(code), (message) => {
  switch (message.type) {
    case 'slide': show.onMessage(message); break;
    case 'results': screen.applyResults(message); break;
    case 'qa': case 'reactions': case 'presence': break;
    default: screen.typeMessage(message);
  }
}, () => show.resume());

if (body.dataset.control === 'host') {
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || !event.data || event.data.afstemning !== 'slide') return;
    if (event.data.shown) arrive(); else leave();
    if (event.data.away) goAway(); else away = false;
  });
  // Tells the host deck that this frame listens now, so that it sends the slide it shows.
  window.parent.postMessage({ afstemning: 'ready', code, pollId }, '*');
} else {
  // Shown = the tab is visible and at least half of the view is inside the window (of the top page, for a frame).
  let inView = !('IntersectionObserver' in window);
  const update = () => {
    if (document.visibilityState === 'visible' && inView) arrive(); else leave();
  };
  if (!inView) {
    new IntersectionObserver((entries) => {
      inView = entries[entries.length - 1].isIntersecting;
      update();
    }, { threshold: 0.5 }).observe(document.querySelector('main.deck'));
  }
  document.addEventListener('visibilitychange', update);
  update();
}
body.dataset.ready = 'true';
