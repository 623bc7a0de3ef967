import { liveSocket } from './live.js';
import { announcer } from './announce.js';

// The participant page follows the presenter: it shows only the poll of the slide on the screen, or a waiting screen.
// Tap an option to vote. Votes go over the live socket, or over REST while it is down; each carries a request id, so
// a resend counts once. The page confirms only on the server's ack (sent after commit). A new round of a poll clears
// the marked choice.
const body = document.body;
const code = body.dataset.code;
const waiting = document.querySelector('.waiting');
const pending = new Map();
// The option the server has confirmed per poll in its current round, to go back to when a vote is refused.
const confirmed = new Map();
let shownVersion = Number(body.dataset.showVersion) || 0;
// Screen readers hear a newly opened question and the confirmation of a vote (one polite live region for the page).
const announce = announcer(document.querySelector('.announcer'));
const announced = new Set();

function fill(template, text) {
  return template.replace('%s', () => text);
}

// Says the question of the poll on the screen once per round, when it is open for votes.
function announcePoll() {
  const s = sections().find((x) => !x.hidden && x.dataset.status === 'OPEN');
  if (!s) return;
  const key = s.dataset.pollId + ':' + s.dataset.round;
  if (announced.has(key)) return;
  announced.add(key);
  announce.say(fill(body.dataset.msgAnnouncePoll, s.querySelector('h2').textContent));
}

function sections() {
  return Array.from(document.querySelectorAll('section.poll'));
}

function section(pollId) {
  return sections().find((s) => s.dataset.pollId === pollId);
}

sections().forEach((s) => {
  const chosen = s.querySelector('button.option[aria-pressed="true"]');
  confirmed.set(s.dataset.pollId, chosen ? Number(chosen.dataset.optionId) : null);
});

function requestId() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function showChoice(pollId, optionId) {
  const s = section(pollId);
  if (!s) return;
  s.querySelectorAll('button.option').forEach((b) => {
    b.setAttribute('aria-pressed', String(optionId !== null && optionId !== undefined
      && b.dataset.optionId === String(optionId)));
  });
}

function confirm(pollId, text, failed) {
  const s = section(pollId);
  if (!s) return;
  const p = s.querySelector('.confirmation');
  p.textContent = text;
  p.classList.toggle('failed', !!failed);
  if (failed) announce.say(text);
}

function pendingFor(pollId) {
  return Array.from(pending.values()).some((v) => v.pollId === pollId);
}

// The slide on the screen: its poll, or the waiting screen.
function showSlide(show) {
  if (!show || Number(show.version) <= shownVersion) return;
  shownVersion = Number(show.version);
  body.dataset.slide = String(show.slide);
  const pollId = show.pollId || null;
  if (pollId !== null && !section(pollId)) {
    // A poll this page does not know yet (the deck changed): load the page again, once.
    let reloaded = null;
    try { reloaded = sessionStorage.getItem('afstemning-reloaded'); } catch (e) { reloaded = pollId; }
    if (reloaded !== pollId) {
      try { sessionStorage.setItem('afstemning-reloaded', pollId); } catch (e) { /* reload once anyway */ }
      location.reload();
      return;
    }
  }
  let shown = false;
  sections().forEach((s) => {
    s.hidden = s.dataset.pollId !== pollId;
    shown = shown || !s.hidden;
  });
  waiting.hidden = shown;
  announcePoll();
}

function applyStatus(pollId, status, round, version) {
  const s = section(pollId);
  if (!s || Number(version) < Number(s.dataset.version)) return;
  if (Number(round) > Number(s.dataset.round)) {
    // A new round: the earlier choice does not count in it.
    pending.forEach((v, id) => { if (v.pollId === pollId) pending.delete(id); });
    confirmed.set(pollId, null);
    showChoice(pollId, null);
    confirm(pollId, '', false);
  }
  s.dataset.round = round;
  s.dataset.version = version;
  s.dataset.status = status;
  s.querySelectorAll('button.option').forEach((b) => { b.disabled = status !== 'OPEN'; });
  s.querySelector('.draft-note').hidden = status !== 'DRAFT';
  s.querySelector('.closed-note').hidden = status !== 'CLOSED';
  announcePoll();
}

// Countdowns: the server sends the time left; the phone counts down locally and the server closes the poll.
const deadlines = new Map();

function applyCountdown(pollId, remainingMs) {
  if (remainingMs === null || remainingMs === undefined) deadlines.delete(pollId);
  else deadlines.set(pollId, Date.now() + Number(remainingMs));
  tick();
}

function tick() {
  sections().forEach((s) => {
    const element = s.querySelector('.countdown');
    const deadline = deadlines.get(s.dataset.pollId);
    if (!element) return;
    if (deadline === undefined || s.dataset.status !== 'OPEN') {
      element.hidden = true;
      return;
    }
    const left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
    element.textContent = Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0');
    element.hidden = false;
  });
}
setInterval(tick, 1000);

function onAck(message) {
  pending.delete(message.requestId);
  const s = section(message.pollId);
  if (s && message.round !== undefined && Number(message.round) < Number(s.dataset.round)) return;
  confirmed.set(message.pollId, Number(message.optionId));
  if (!pendingFor(message.pollId)) showChoice(message.pollId, message.optionId);
  confirm(message.pollId, body.dataset.msgReceived, false);
  const chosen = s && s.querySelector('button.option[data-option-id="' + Number(message.optionId) + '"]');
  if (chosen) announce.say(fill(body.dataset.msgAnnounceVote, chosen.textContent));
}

function refusal(problem, detail) {
  switch (problem) {
    case 'vote-final': return body.dataset.msgFinal;
    case 'poll-closed': return body.dataset.msgFailed.replace('%s', body.dataset.msgClosed);
    default: return body.dataset.msgFailed.replace('%s', detail || '');
  }
}

function onError(message) {
  const vote = message.requestId && pending.get(message.requestId);
  if (!vote) return;
  pending.delete(message.requestId);
  if (!pendingFor(vote.pollId)) showChoice(vote.pollId, confirmed.get(vote.pollId));
  confirm(vote.pollId, refusal(message.problem, message.detail), true);
}

const live = liveSocket('/ws/participant/' + encodeURIComponent(code), (message) => {
  switch (message.type) {
    case 'state':
      message.polls.forEach((p) => {
        applyStatus(p.pollId, p.status, p.round, p.version);
        applyCountdown(p.pollId, p.remainingMs);
        const s = section(p.pollId);
        if (!s || Number(p.round) !== Number(s.dataset.round) || pendingFor(p.pollId)) return;
        const mine = p.myOptionId === null || p.myOptionId === undefined ? null : Number(p.myOptionId);
        confirmed.set(p.pollId, mine);
        showChoice(p.pollId, mine);
        if (mine !== null) confirm(p.pollId, body.dataset.msgReceived, false);
        else if (!s.querySelector('.confirmation.failed')) confirm(p.pollId, '', false);
      });
      showSlide(message.show);
      break;
    case 'slide':
      showSlide(message);
      break;
    case 'poll':
      applyStatus(message.pollId, message.status, message.round, message.version);
      applyCountdown(message.pollId, message.remainingMs);
      break;
    case 'ack':
      onAck(message);
      break;
    case 'error':
      onError(message);
      break;
  }
}, () => {
  // Resend what was tapped while offline, with the same request ids: the server counts each once.
  pending.forEach((vote) => send(vote));
});

async function sendRest(vote) {
  try {
    const response = await fetch('/api/talks/' + encodeURIComponent(code) + '/polls/'
      + encodeURIComponent(vote.pollId) + '/votes', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ optionId: vote.optionId, requestId: vote.requestId }),
    });
    const answer = await response.json().catch(() => ({}));
    if (response.ok) onAck(answer);
    else onError({ requestId: vote.requestId, problem: String(answer.type || '').split(':').pop(),
      detail: answer.detail || response.statusText });
  } catch (e) {
    // Offline: the vote stays pending and is resent when the socket is back.
  }
}

function send(vote) {
  if (!live.send({ type: 'vote', pollId: vote.pollId, optionId: vote.optionId, requestId: vote.requestId })) {
    sendRest(vote);
  }
}

sections().forEach((s) => {
  s.addEventListener('click', (event) => {
    const button = event.target.closest('button.option');
    if (!button || button.disabled) return;
    const vote = { pollId: s.dataset.pollId, optionId: Number(button.dataset.optionId), requestId: requestId() };
    pending.forEach((v, id) => { if (v.pollId === vote.pollId) pending.delete(id); });
    pending.set(vote.requestId, vote);
    showChoice(vote.pollId, vote.optionId);
    confirm(vote.pollId, '', false);
    send(vote);
  });
});
