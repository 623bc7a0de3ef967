import { problemText } from './problems.js';

// Reactions: the phone's bar of five (👍 ❤️ 😂 👏 🤔) and the audience screen's overlay, where they float up.
// The server sends the screens at most one `reactions` message per talk every 250 ms: `counts` are the new ones since
// the last message, `totals` the slide's running totals per kind. The overlay keeps at most MAX_FLOATING emoji in the
// air: a room of 500 tapping at once gives a lively but bounded animation, and further taps only raise the counts.
// With prefers-reduced-motion nothing floats; the counts alone show.

/** Most floating emoji on the screen at once. */
export const MAX_FLOATING = 24;

const EMOJI = { 'thumbs-up': '👍', heart: '❤️', laugh: '😂', clap: '👏', thinking: '🤔' };
const REFUSALS = new Set(['reaction-rate-limited', 'reactions-off', 'unknown-reaction']);

/**
 * The phone's reaction bar (.reaction-bar): a tap sends `{"type":"reaction","reaction":…}` with `send` (the live
 * socket's; a reaction tapped while it is down is dropped, as the moment is gone). `onError` shows a refusal of a
 * reaction for a few seconds in the page's language and returns true; false for any other error.
 */
export function reactionBar(send) {
  const bar = document.querySelector('.reaction-bar');
  if (!bar) return { onError() { return false; } };
  const status = bar.querySelector('.reaction-status');
  let timer = null;
  bar.addEventListener('click', (event) => {
    const button = event.target.closest('button.reaction');
    if (!button) return;
    send({ type: 'reaction', reaction: button.dataset.reaction });
    button.classList.remove('sent');
    void button.offsetWidth; // restarts the tap's animation
    button.classList.add('sent');
  });
  return {
    onError(message) {
      if (!REFUSALS.has(message.problem)) return false;
      status.textContent = problemText(message.problem);
      clearTimeout(timer);
      timer = setTimeout(() => { status.textContent = ''; }, 3000);
      return true;
    },
  };
}

/**
 * The audience screen's overlay (.reaction-overlay): floating emoji and the current slide's count per kind.
 * `onMessage` takes a `reactions` message.
 */
export function reactionOverlay(element) {
  if (!element) return { onMessage() {} };
  const still = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)');
  const layer = document.createElement('div');
  layer.className = 'reaction-floats';
  layer.setAttribute('aria-hidden', 'true');
  const counts = document.createElement('p');
  counts.className = 'reaction-counts';
  const kinds = new Map();
  Object.entries(EMOJI).forEach(([name, emoji]) => {
    const item = document.createElement('span');
    item.className = 'reaction-count';
    item.dataset.reaction = name;
    item.hidden = true;
    const count = document.createElement('span');
    count.className = 'n';
    item.append(emoji + ' ', count);
    counts.append(item);
    kinds.set(name, item);
  });
  const total = document.createElement('span');
  total.className = 'reaction-total visually-hidden';
  counts.append(total);
  element.append(layer, counts);
  let slide = null;

  function float(name) {
    const span = document.createElement('span');
    span.className = 'reaction-float';
    span.textContent = EMOJI[name];
    span.style.left = (5 + Math.random() * 80) + '%';
    span.style.setProperty('--drift', Math.round(Math.random() * 60 - 30) + 'px');
    span.style.fontSize = (1.6 + Math.random() * 1.2).toFixed(2) + 'em';
    span.style.animationDelay = Math.round(Math.random() * 250) + 'ms';
    const done = () => span.remove();
    span.addEventListener('animationend', done);
    setTimeout(done, 4000);
    layer.append(span);
  }

  let rest = null;

  // A new slide on the screen: its counts start afresh (a message of the slide brings its totals).
  new MutationObserver(() => {
    if (slide !== null && String(slide) !== document.body.dataset.slide) element.hidden = true;
  }).observe(document.body, { attributes: true, attributeFilter: ['data-slide'] });

  return {
    onMessage(message) {
      slide = message.slide;
      const shown = document.body.dataset.slide === undefined || String(slide) === document.body.dataset.slide;
      Object.entries(message.totals || {}).forEach(([name, n]) => {
        const item = kinds.get(name);
        if (!item) return;
        item.hidden = !n;
        item.querySelector('.n').textContent = String(n);
      });
      total.textContent = String(message.total);
      element.hidden = !shown || !message.total;
      // The counts step back 5 s after the last reaction, so that they never keep covering the slide's results.
      counts.classList.remove('resting');
      clearTimeout(rest);
      rest = setTimeout(() => counts.classList.add('resting'), 5000);
      if (!shown || (still && still.matches)) return;
      // As many new emoji as there is room for, each kind drawn in proportion to its new count.
      const fresh = Object.entries(message.counts || {}).filter(([name, n]) => EMOJI[name] && n > 0);
      let sum = fresh.reduce((s, [, n]) => s + n, 0);
      const room = Math.min(sum, MAX_FLOATING - layer.childElementCount);
      for (let i = 0; i < room; i++) {
        let pick = Math.random() * sum;
        const entry = fresh.find(([, n]) => (pick -= n) < 0) || fresh[fresh.length - 1];
        float(entry[0]);
        entry[1] -= 1;
        sum -= 1;
      }
    },
  };
}
