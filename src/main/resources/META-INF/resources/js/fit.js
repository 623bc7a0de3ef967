// On a projector a poll slide is seen whole: the deck between the join badge and the footer never scrolls, so the QR
// code and every control stay on the screen (PresenterLayoutTest checks 1280×720 and 1920×1080). What can grow
// without bound is fitted to the room that is left, as Mentimeter does:
// - a list the room reads (`.fit-rows`: the leaderboard, the open answers) keeps its first rows that fit and ends in
//   "and N more" (the body's data-msg-more, with %s for N);
// - a list only the presenter works in (`.fit-scroll`: the unfolded moderation queue) gets the height that is left
//   (at least a few rows) and scrolls within itself.
// On a phone or a portrait screen the page scrolls anyway, and nothing is cut.

const deck = document.querySelector('main.deck');
const portrait = window.matchMedia('(max-width: 600px), (max-aspect-ratio: 1/1)');
// A scrolling list keeps at least this height (a few rows), and gives up more only when the room's lists are cut down
// to one row and the slide still does not fit.
const MIN_SCROLL_PX = 120;
const LAST_SCROLL_PX = 60;

function overflow() {
  return deck.scrollHeight - deck.clientHeight;
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
  slide.querySelectorAll('.fit-rows').forEach((list) => {
    list.querySelectorAll(':scope > [hidden]').forEach((row) => { row.hidden = false; });
    const more = list.querySelector(':scope > .fit-more');
    if (more) more.hidden = true;
  });
  slide.querySelectorAll('.fit-scroll').forEach((list) => fitScroll(list, MIN_SCROLL_PX));
  slide.querySelectorAll('.fit-rows').forEach(fitRows);
  slide.querySelectorAll('.fit-scroll').forEach((list) => fitScroll(list, LAST_SCROLL_PX));
}

if (deck) {
  window.addEventListener('resize', fitShown);
  // Unfolding or folding the moderation queue (toggle does not bubble; a capturing listener still hears it).
  document.addEventListener('toggle', fitShown, true);
  portrait.addEventListener('change', fitShown);
}
