import { liveSocket } from './live.js';
import { participantQa } from './qa.js';
import { announcer } from './announce.js';
import { problemCode, problemText } from './problems.js';
import { pollTypes } from './poll-types.js';
import { showPhoneResults, applyPhoneStatus } from './phone-results.js';
import { reactionBar } from './reactions.js';
import { waitingScreen } from './waiting.js';

// The participant page follows the presenter: it shows only the poll of the slide on the screen, or a waiting screen.
// Each poll type has its own input, drawn by the server and read and shown by the type's module (poll-types.js): a tap
// is the vote for some types, others are filled in and then sent. Votes go over the live socket, or over REST while it is down; each carries a request id, so
// a resend counts once. The page confirms only on the server's ack (sent after commit). A new round of a poll clears
// the marked choice.
const body = document.body;
const code = body.dataset.code;
const waiting = document.querySelector('section.waiting');
const pending = new Map();
// The option the server has confirmed per poll in its current round, to go back to when a vote is refused.
const confirmed = new Map();
let shownVersion = Number(body.dataset.showVersion) || 0;
// Screen readers hear a newly opened question and the confirmation of a vote (one polite live region for the page).
const announce = announcer(document.querySelector('.announcer'));
const announced = new Set();
// Polls whose input the participant changed and has not sent (ticked boxes, typed words, a moved slider): a state
// message, such as the one after a reconnect, leaves that input alone instead of showing the stored answer over it.
const edited = new Set();

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

// The module of each poll type on the page (js/polltypes/<type>.js).
const types = await pollTypes(sections().map((s) => s.dataset.type));

function typeOf(s) {
  return types.get(s.dataset.type);
}

// What the page shows as the answer of a poll section, in the API's answer shape ({optionId}, {optionIds} or {value}).
function answerOf(s) {
  return typeOf(s).answerOf(s);
}

sections().forEach((s) => {
  const answered = s.querySelector('.confirmation').textContent.trim() !== '';
  confirmed.set(s.dataset.pollId, answered ? answerOf(s) : null);
  applyLimits(s);
});

function requestId() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

// Shows an answer (or none, null) in the poll's input.
function showAnswer(pollId, answer) {
  const s = section(pollId);
  if (s) typeOf(s).showAnswer?.(s, answer);
}

// What the poll's limits forbid now (e.g. a multiple choice's most picks); nothing is disabled while the poll is not
// open anyway.
function applyLimits(s) {
  typeOf(s).applyLimits?.(s);
  // With vote-changes: false a stored vote is final for the round: no input looks tappable any more (the chosen
  // option stays marked). Types whose answers add up (open text) take more answers instead.
  const locked = s.dataset.allowChange === 'false' && !typeOf(s).adds && confirmed.get(s.dataset.pollId) != null;
  s.dataset.locked = String(locked);
  if (locked) s.querySelectorAll('.answer button, .answer input, .answer textarea').forEach((b) => { b.disabled = true; });
}

function confirm(pollId, text, failed) {
  const s = section(pollId);
  if (!s) return;
  const p = s.querySelector('.confirmation');
  p.textContent = text;
  p.classList.toggle('failed', !!failed);
  if (failed) {
    announce.say(text);
    // A long answer list can push the message below a phone's screen: bring it into view.
    if (p.scrollIntoView) p.scrollIntoView({ block: 'nearest' });
  }
}

function pendingFor(pollId) {
  return Array.from(pending.values()).some((v) => v.pollId === pollId);
}

// The slide on the screen: its poll, or the waiting screen.
function showSlide(show) {
  if (!show || Number(show.version) <= shownVersion) return;
  shownVersion = Number(show.version);
  body.dataset.slide = String(show.slide);
  between.show(show);
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
    edited.delete(pollId);
    showAnswer(pollId, null);
    typeOf(s).newRound?.(s);
    confirm(pollId, '', false);
  }
  // Screen readers hear that the poll on the phone closed (once, when it changes from open).
  if (s.dataset.status === 'OPEN' && status === 'CLOSED' && !s.hidden) {
    announce.say(fill(body.dataset.msgAnnounceClosed, s.querySelector('h2').textContent));
  }
  s.dataset.round = round;
  s.dataset.version = version;
  s.dataset.status = status;
  s.querySelectorAll('.answer button, .answer input, .answer textarea').forEach((b) => { b.disabled = status !== 'OPEN'; });
  applyLimits(s);
  s.querySelector('.draft-note').hidden = status !== 'DRAFT';
  s.querySelector('.closed-note').hidden = status !== 'CLOSED';
  applyPhoneStatus(s);
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
  const answer = message.answer || { optionId: Number(message.optionId) };
  confirmed.set(message.pollId, answer);
  if (!pendingFor(message.pollId) && !edited.has(message.pollId)) showAnswer(message.pollId, answer);
  if (s) applyLimits(s);
  if (s) typeOf(s).acked?.(s);
  confirm(message.pollId, body.dataset.msgReceived, false);
  const chosen = s && typeOf(s).describe?.(s, answer);
  if (chosen) announce.say(fill(body.dataset.msgAnnounceVote, chosen));
}

// A refused vote, told in the page's language by the problem's code (never the server's English detail).
function refusal(problem) {
  switch (problem) {
    case 'vote-final': case 'nickname-required': return problemText(problem);
    default: return fill(body.dataset.msgFailed, problemText(problem));
  }
}

function onError(message) {
  if (qa.onError(message) || reactions.onError(message)) return;
  const vote = message.requestId && pending.get(message.requestId);
  if (!vote) return;
  if (message.problem === 'busy') {
    // The server stored nothing: send the same request id again shortly (it counts once), still pending meanwhile.
    setTimeout(() => { if (pending.get(vote.requestId) === vote) send(vote); }, 500 + Math.random() * 1000);
    return;
  }
  pending.delete(message.requestId);
  // A tapped answer goes back to the confirmed one; one that was filled in stays, to be corrected and sent again.
  const s = section(vote.pollId);
  if (!pendingFor(vote.pollId) && !(s && typeOf(s).keepsInputOnRefusal)) {
    showAnswer(vote.pollId, confirmed.get(vote.pollId));
  }
  confirm(vote.pollId, refusal(message.problem), true);
}

const live = liveSocket('/ws/participant/' + encodeURIComponent(code), (message) => {
  switch (message.type) {
    case 'state':
      message.polls.forEach((p) => {
        applyStatus(p.pollId, p.status, p.round, p.version);
        applyCountdown(p.pollId, p.remainingMs);
        const s = section(p.pollId);
        // What the phone showed before the reload: the results (phone-results) and its own result (a quiz's).
        if (s && p.results) showPhoneResults(s, p.results, typeOf(s));
        if (s && p.myResult) typeOf(s).onMessage?.(s, p.myResult);
        if (!s || Number(p.round) !== Number(s.dataset.round) || pendingFor(p.pollId)) return;
        const mine = p.myAnswer || null;
        confirmed.set(p.pollId, mine);
        applyLimits(s);
        if (edited.has(p.pollId)) return;
        showAnswer(p.pollId, mine);
        if (mine !== null) confirm(p.pollId, body.dataset.msgReceived, false);
        else if (!s.querySelector('.confirmation.failed')) confirm(p.pollId, '', false);
      });
      types.forEach((type) => type.onState?.(message));
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
    case 'results': {
      const s = section(message.pollId);
      if (s) showPhoneResults(s, message, typeOf(s));
      break;
    }
    case 'error':
      onError(message);
      break;
    default: {
      // A message about one poll that only its type knows (e.g. open text's own answers), else Q&A.
      const s = message.pollId !== undefined ? section(message.pollId) : null;
      if (s && typeOf(s).onMessage) typeOf(s).onMessage(s, message);
      else qa.onMessage(message);
    }
  }
}, () => {
  // Resend what was tapped while offline, with the same request ids: the server counts each once.
  pending.forEach((vote) => send(vote));
  qa.resend();
});
// Q&A messages share the socket; sending returns false while it is down (then Q&A falls back to REST).
const qa = participantQa(code, (message) => live.send(message));
const reactions = reactionBar((message) => live.send(message));
const between = waitingScreen();

async function sendRest(vote) {
  try {
    const response = await fetch('/api/talks/' + encodeURIComponent(code) + '/polls/'
      + encodeURIComponent(vote.pollId) + '/votes', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ ...vote.answer, requestId: vote.requestId }),
    });
    const answer = await response.json().catch(() => ({}));
    if (response.ok) onAck(answer);
    else onError({ requestId: vote.requestId, problem: problemCode(answer.type) });
  } catch (e) {
    // Offline: the vote stays pending and is resent when the socket is back.
  }
}

function send(vote) {
  if (!live.send({ type: 'vote', pollId: vote.pollId, ...vote.answer, requestId: vote.requestId })) {
    sendRest(vote);
  }
}

function cast(s, answer) {
  const vote = { pollId: s.dataset.pollId, answer, requestId: requestId() };
  pending.forEach((v, id) => { if (v.pollId === vote.pollId) pending.delete(id); });
  pending.set(vote.requestId, vote);
  edited.delete(vote.pollId);
  showAnswer(vote.pollId, answer);
  confirm(vote.pollId, '', false);
  send(vote);
}

sections().forEach((s) => {
  s.addEventListener('click', (event) => {
    const button = event.target.closest('button');
    if (!button || button.disabled || !button.closest('.answer')) return;
    if (button.classList.contains('submit')) {
      cast(s, answerOf(s));
      return;
    }
    // The type's own buttons: a tap that is the vote, or a change of the input that is sent later.
    const answer = typeOf(s).click?.(s, button);
    if (answer === true) {
      edited.add(s.dataset.pollId);
      confirm(s.dataset.pollId, '', false);
    }
    else if (answer) cast(s, answer);
  });
  typeOf(s).bind?.(s, () => confirm(s.dataset.pollId, '', false));
  // Typing in a field or moving a slider is input not sent yet (a nickname is not an answer).
  s.addEventListener('input', (event) => {
    if (event.target.closest('.answer')) edited.add(s.dataset.pollId);
  });
});
