import { idempotencyKey } from './live.js';
import { problemCode, problemText } from './problems.js';
import { isWithdrawn, withdraw } from './withdrawn.js';

// The show's current slide, shared by the presenter screen and the speaker notes window. A window with the presenter
// key moves the show: the view changes at once and the move is sent with PUT /api/talks/{code}/show, one request at a
// time and always ending with the latest wanted slide. Every window follows live `slide` messages whose version is
// newer than what it shows; while a move of its own is on its way, a window ignores them (its own move comes last).
export function showSync({ code, key, version, onSlide, onError }) {
  let shownVersion = Number(version) || 0;
  let wanted = null;
  // One Idempotency-Key per wanted slide, reused by the retries of that move.
  let wantedKey = null;
  let inFlight = false;
  let retryTimer = null;
  let held = null;
  // The server's latest slide message, to go back to when a move is refused for good.
  let lastServer = null;

  async function pump() {
    if (inFlight || wanted === null) return;
    inFlight = true;
    const target = wanted;
    const requestKey = wantedKey;
    let done = false;
    try {
      const response = await fetch('/api/talks/' + encodeURIComponent(code) + '/show', {
        method: 'PUT',
        headers: {
          'Content-Type': 'application/json', Accept: 'application/json', 'X-Presenter-Key': key,
          'Idempotency-Key': requestKey,
        },
        body: JSON.stringify({ slide: target }),
      });
      const answer = await response.json().catch(() => ({}));
      if (response.ok) {
        shownVersion = Math.max(shownVersion, Number(answer.version) || 0);
        if (onError) onError(null);
      } else if (response.status === 403) {
        // This window may no longer run the show: it follows again, from the server's slide (withdrawn.js).
        withdraw(key === 'login' ? 'access-withdrawn' : 'key-rotated');
        if (onError) onError(null);
        wanted = null;
        held = null;
        if (lastServer) onSlide(lastServer);
      } else {
        // A refusal (no such slide) will not get better by resending.
        if (onError) onError(problemText(problemCode(answer.type)));
      }
      done = true;
    } catch (e) {
      // Offline: keep the wanted slide and try again shortly.
    } finally {
      inFlight = false;
    }
    if (!done) {
      clearTimeout(retryTimer);
      retryTimer = setTimeout(pump, 1000);
    } else if (wanted === target) {
      wanted = null;
      // A move by another window that arrived meanwhile and is newer than ours.
      if (held) {
        const message = held;
        held = null;
        follow(message);
      }
    } else {
      pump();
    }
  }

  function follow(message) {
    lastServer = message;
    if (Number(message.version) <= shownVersion) return;
    shownVersion = Number(message.version);
    onSlide(message);
  }

  return {
    /** True when this window may move the show. */
    canMove: !!key,
    /** Sends a local move to the server (1-based slide); the caller has already shown it. */
    moveTo(slide) {
      if (!key || isWithdrawn()) return;
      if (wanted !== slide) wantedKey = idempotencyKey();
      wanted = slide;
      pump();
    },
    /** Handles a live `slide` message; calls onSlide(message) when the window should show it. */
    onMessage(message) {
      lastServer = message;
      if (wanted !== null || inFlight) {
        if (!held || Number(message.version) > Number(held.version)) held = message;
        return;
      }
      follow(message);
    },
    /** Retries a move that failed while offline, e.g. when the live socket is back. */
    resume() {
      if (wanted !== null && !inFlight) pump();
    },
  };
}

/** Milliseconds as mm:ss or h:mm:ss; a countdown rounds up to whole seconds, a clock (roundUp false) down. */
export function duration(ms, roundUp = true) {
  const total = Math.max(0, roundUp ? Math.ceil(ms / 1000) : Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n) => String(n).padStart(2, '0');
  return h > 0 ? h + ':' + two(m) + ':' + two(s) : two(m) + ':' + two(s);
}

/**
 * The countdowns of a page's polls, shared by the audience screen and the console: `set(poll, remainingMs)` starts
 * (or, with null or a poll that is not open, stops) the count shown in the poll's `.countdown` element, which turns
 * `ending` in its last 10 s. The server closes the poll; this only shows the time left.
 */
export function countdowns() {
  const deadlines = new Map();
  function tick() {
    deadlines.forEach((deadline, poll) => {
      const element = poll.querySelector('.countdown');
      const left = deadline - Date.now();
      element.textContent = duration(left);
      element.classList.toggle('ending', left <= 10000);
    });
  }
  setInterval(tick, 250);
  return {
    set(poll, remainingMs) {
      const element = poll.querySelector('.countdown');
      if (remainingMs === null || remainingMs === undefined || poll.dataset.status !== 'OPEN') {
        deadlines.delete(poll);
        element.hidden = true;
      } else {
        deadlines.set(poll, Date.now() + Number(remainingMs));
        element.hidden = false;
      }
      tick();
    },
  };
}
