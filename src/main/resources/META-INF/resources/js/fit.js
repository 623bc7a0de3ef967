// On a projector a poll slide is seen whole: the deck under the join badge never scrolls, so the question and all its
// results stay on the screen (PresenterLayoutTest and PresenterFitTest check 1280×720 and 1920×1080). What can grow
// without bound is fitted to the room that is left, as Mentimeter does:
// - a list the room reads (`.fit-rows`: the leaderboard, the open answers) keeps its first rows that fit and ends in
//   "and N more" (the body's data-msg-more, with %s for N);
// - a list only the presenter works in (`.fit-scroll`: the unfolded moderation queue) gets the height that is left
//   (at least a few rows) and scrolls within itself.
// - a word cloud (`.fit-cloud`, a box of fixed aspect ratio whose words are placed by the server from estimated
//   widths) gets narrower, and so lower, until the slide fits (down to a least width); then its words are scaled about
//   the centre, positions and sizes by one factor (`--fit`), until the real boxes of the outermost words are inside.
//   One factor keeps the cloud's shape, and words that did not overlap still do not. On a landscape audience screen,
//   where the cloud fills the slide, the same factor also grows a cloud whose words leave room.
// - the bars of an option poll (`.bars`, many long options) keep every row: their labels are cut to one line beside
//   the bar (app.css, `.bars.compact`, the full text in each label's title), and when the rows still do not fit, the
//   bars' type shrinks by one factor (down to LEAST_BARS of its size) until they do, as Mentimeter keeps all bars;
//   if that is not enough (a question at its length limit too), the question's type shrinks as well.
// - results hidden (`.results-hidden`: the answered count over the list of options) shrink by one factor (down to
//   LEAST_HIDDEN) until they fit, so every option stays listed (a poll in a small Marp island, a 4:3 deck).
// On a phone or a portrait screen the page scrolls anyway, and nothing is cut.

const deck = document.querySelector('main.deck');
const portrait = window.matchMedia('(max-width: 600px), (max-aspect-ratio: 1/1)');
// A scrolling list keeps at least this height (a few rows), and gives up more only when the room's lists are cut down
// to one row and the slide still does not fit.
const MIN_SCROLL_PX = 120;
const LAST_SCROLL_PX = 60;

// A poll drawn in Marp's slide (js/marp-slides.js) has the room of its island, which the canvas never lets grow.
function overflow() {
  const island = deck.querySelector('section.slide:not([hidden]) .marp-island');
  return Math.max(deck.scrollHeight - deck.clientHeight, island ? island.scrollHeight - island.clientHeight : -Infinity);
}

function showFirst(rows, shown, more) {
  rows.forEach((row, i) => { row.hidden = i >= shown; });
  more.hidden = shown >= rows.length;
  more.textContent = (document.body.dataset.msgMore || '+%s').replace('%s', () => String(rows.length - shown));
}

// The most rows (at least one) that fit with the "more" line, found by halving: each try is one layout.
function fitRows(list) {
  const rows = Array.from(list.children).filter((li) => !li.classList.contains('fit-more'));
  let more = list.querySelector(':scope > .fit-more');
  if (!more) {
    more = document.createElement('li');
    more.className = 'fit-more';
    list.append(more);
  }
  showFirst(rows, rows.length, more);
  if (portrait.matches || rows.length < 2 || overflow() <= 0) return;
  let fits = 1;
  let over = rows.length - 1;
  while (fits < over) {
    const middle = Math.ceil((fits + over) / 2);
    showFirst(rows, middle, more);
    if (overflow() <= 0) fits = middle;
    else over = middle - 1;
  }
  showFirst(rows, fits, more);
}

// A cloud keeps at least this share of its natural width.
const LEAST_CLOUD = 0.45;

function fitCloudHeight(cloud) {
  if (portrait.matches || cloud.getClientRects().length === 0) return;
  const natural = cloud.clientWidth;
  // Its height follows its width (aspect-ratio), so taking the overflow off the height needs width × overflow / height;
  // a second try catches what the narrower cloud changed beside it.
  for (let tries = 0; tries < 3 && overflow() > 0; tries++) {
    const width = cloud.clientWidth - Math.ceil(overflow() * cloud.clientWidth / cloud.clientHeight);
    cloud.style.width = Math.max(natural * LEAST_CLOUD, width) + 'px';
  }
}

function fitCloudWords(cloud) {
  const words = Array.from(cloud.children);
  if (words.length === 0 || cloud.getClientRects().length === 0) return;
  const box = cloud.getBoundingClientRect();
  const cx = box.left + box.width / 2;
  const cy = box.top + box.height / 2;
  let fit = Infinity;
  words.forEach((word) => {
    const r = word.getBoundingClientRect();
    fit = Math.min(fit, box.width / 2 / Math.max(cx - r.left, r.right - cx),
      box.height / 2 / Math.max(cy - r.top, r.bottom - cy));
  });
  // A little under the exact factor: glyph widths do not scale quite linearly at small sizes. On the audience screen's
  // landscape layout the cloud fills the slide, so a cloud whose words leave room grows too (up to 2.5 times).
  const grow = document.body.classList.contains('page-presenter') && !portrait.matches ? 2.5 : 1;
  if (fit < 1 || grow > 1) cloud.style.setProperty('--fit', String(Math.min(fit, grow) * 0.97));
}

// The bars' type keeps at least this share of its size (at 720p about 13 px: still read from the back of a room).
const LEAST_BARS = 0.6;

// How far the bars run past their own box (it shrinks in the slide's column) or the slide past the deck.
function barsOverflow(bars) {
  return Math.max(overflow(), bars.scrollHeight - bars.clientHeight);
}

// The largest type factor of `element` (to two decimals, at least `least`) at which `over()` is no longer positive,
// found by halving: each try is one layout.
function fitType(element, least, over) {
  if (over() <= 0) return;
  const size = parseFloat(getComputedStyle(element).fontSize);
  let fits = least;
  let tooBig = 1;
  while (tooBig - fits > 0.01) {
    const middle = (fits + tooBig) / 2;
    element.style.fontSize = size * middle + 'px';
    if (over() <= 0) fits = middle;
    else tooBig = middle;
  }
  element.style.fontSize = size * fits + 'px';
}

// The bars first; a question at its length limit above 12 long options gives up type as well.
function fitBars(bars) {
  if (portrait.matches || bars.getClientRects().length === 0) return;
  fitType(bars, LEAST_BARS, () => barsOverflow(bars));
  const question = bars.closest('.poll')?.querySelector('.question');
  if (question) fitType(question, LEAST_BARS, () => barsOverflow(bars));
}

// The hidden results' type keeps at least this share of its size.
const LEAST_HIDDEN = 0.45;

function fitHidden(box) {
  if (portrait.matches || box.getClientRects().length === 0) return;
  fitType(box, LEAST_HIDDEN, overflow);
}

function fitScroll(list, least) {
  // A list inside a folded <details> takes no room.
  if (portrait.matches || list.getClientRects().length === 0) return;
  const over = overflow();
  if (over > 0) list.style.maxHeight = Math.max(least, list.clientHeight - over) + 'px';
}

/** Fits the lists of the slide on the screen; call it after drawing into that slide or showing another one. */
export function fitShown() {
  const slide = deck && deck.querySelector('section.slide:not([hidden])');
  if (!slide) return;
  slide.querySelectorAll('.fit-scroll').forEach((list) => { list.style.maxHeight = ''; });
  slide.querySelectorAll('.bars, .poll .question, .results-hidden').forEach((e) => { e.style.fontSize = ''; });
  slide.querySelectorAll('.fit-cloud').forEach((cloud) => {
    cloud.style.width = '';
    cloud.style.removeProperty('--fit');
  });
  slide.querySelectorAll('.fit-rows').forEach((list) => {
    list.querySelectorAll(':scope > [hidden]').forEach((row) => { row.hidden = false; });
    const more = list.querySelector(':scope > .fit-more');
    if (more) more.hidden = true;
  });
  slide.querySelectorAll('.fit-scroll').forEach((list) => fitScroll(list, MIN_SCROLL_PX));
  slide.querySelectorAll('.fit-rows').forEach(fitRows);
  slide.querySelectorAll('.fit-scroll').forEach((list) => fitScroll(list, LAST_SCROLL_PX));
  slide.querySelectorAll('.bars').forEach(fitBars);
  slide.querySelectorAll('.results-hidden').forEach(fitHidden);
  slide.querySelectorAll('.fit-cloud').forEach((cloud) => {
    fitCloudHeight(cloud);
    fitCloudWords(cloud);
  });
}

if (deck) {
  window.addEventListener('resize', fitShown);
  // Unfolding or folding the moderation queue (toggle does not bubble; a capturing listener still hears it).
  document.addEventListener('toggle', fitShown, true);
  portrait.addEventListener('change', fitShown);
}
