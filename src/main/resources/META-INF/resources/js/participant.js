import { liveSocket } from './live.js';
import { participantQa } from './qa.js';
import { announcer } from './announce.js';
import { problemCode, problemText } from './problems.js';
import { textAnswerOf, showTextAnswer, textAcked, showMine, clearMine, openLimit } from './text-answers.js';

// The participant page follows the presenter: it shows only the poll of the slide on the screen, or a waiting screen.
// Each poll type has its own input (see answerOf/showAnswer): tap an option (choice, quiz) or a scale point to vote;
// pick options (multiple), move the slider or order the options (ranking), then send. Votes go over the live socket, or over REST while it is down; each carries a request id, so
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

// What the page shows as the answer of a poll section, in the API's answer shape ({optionId}, {optionIds} or {value}).
function answerOf(s) {
  switch (s.dataset.type) {
    case 'multiple':
      return { optionIds: Array.from(s.querySelectorAll('button.pick[aria-pressed="true"]'),
        (b) => Number(b.dataset.optionId)) };
    case 'scale': {
      const point = s.querySelector('button.point[aria-pressed="true"]');
      return point ? { value: Number(point.dataset.value) } : null;
    }
    case 'slider':
      return { value: Number(s.querySelector('.slider-input').value) };
    case 'ranking':
      return { optionIds: Array.from(s.querySelectorAll('.ranking li'), (li) => Number(li.dataset.optionId)) };
    case 'wordcloud': case 'open':
      return textAnswerOf(s);
    default: {
      const chosen = s.querySelector('button.option[aria-pressed="true"]');
      return chosen ? { optionId: Number(chosen.dataset.optionId) } : null;
    }
  }
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
  if (!s) return;
  const ids = answer && answer.optionIds ? answer.optionIds.map(String) : [];
  switch (s.dataset.type) {
    case 'multiple':
      s.querySelectorAll('button.pick').forEach((b) => b.setAttribute('aria-pressed', String(ids.includes(b.dataset.optionId))));
      applyLimits(s);
      break;
    case 'scale':
      s.querySelectorAll('button.point').forEach((b) => b.setAttribute('aria-pressed',
        String(!!answer && answer.value !== undefined && b.dataset.value === String(answer.value))));
      break;
    case 'slider': {
      const input = s.querySelector('.slider-input');
      input.value = answer && answer.value !== undefined ? answer.value : 50;
      s.querySelector('.slider-value').textContent = input.value;
      break;
    }
    case 'ranking': {
      const list = s.querySelector('.ranking');
      const items = Array.from(list.children);
      if (ids.length) ids.forEach((id) => { const li = items.find((i) => i.dataset.optionId === id); if (li) list.appendChild(li); });
      break;
    }
    case 'wordcloud': case 'open':
      showTextAnswer(s, answer);
      break;
    default: {
      const optionId = answer ? answer.optionId : null;
      s.querySelectorAll('button.option').forEach((b) => {
        b.setAttribute('aria-pressed', String(optionId !== null && optionId !== undefined
          && b.dataset.optionId === String(optionId)));
      });
    }
  }
}

// A multiple choice takes min to max picks: at max the other options are disabled (and a polite note says why), and
// the send button stays disabled below min. Nothing is disabled while the poll is not open anyway. Open text stops
// at its most answers per round (openLimit).
function applyLimits(s) {
  openLimit(s);
  if (s.dataset.type !== 'multiple') return;
  const box = s.querySelector('.options');
  const picks = Array.from(box.querySelectorAll('button.pick'));
  const open = s.dataset.status === 'OPEN';
  const chosen = picks.filter((b) => b.getAttribute('aria-pressed') === 'true').length;
  const full = chosen >= Number(box.dataset.max) && chosen < picks.length;
  picks.forEach((b) => { b.disabled = !open || (full && b.getAttribute('aria-pressed') !== 'true'); });
  box.querySelector('.submit').disabled = !open || chosen < Number(box.dataset.min);
  const note = box.querySelector('.limit-note');
  const text = open && full ? box.dataset.msgMaxReached : '';
  if (note.textContent !== text) note.textContent = text;
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
    showAnswer(pollId, null);
    clearMine(s);
    confirm(pollId, '', false);
  }
  s.dataset.round = round;
  s.dataset.version = version;
  s.dataset.status = status;
  s.querySelectorAll('.answer button, .answer input, .answer textarea').forEach((b) => { b.disabled = status !== 'OPEN'; });
  applyLimits(s);
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
  const answer = message.answer || { optionId: Number(message.optionId) };
  confirmed.set(message.pollId, answer);
  if (!pendingFor(message.pollId)) showAnswer(message.pollId, answer);
  textAcked(s);
  confirm(message.pollId, body.dataset.msgReceived, false);
  const chosen = s && s.querySelector('button.option[data-option-id="' + Number(message.optionId) + '"]');
  if (chosen) announce.say(fill(body.dataset.msgAnnounceVote, chosen.textContent));
}

// A refused vote, told in the page's language by the problem's code (never the server's English detail).
function refusal(problem) {
  switch (problem) {
    case 'vote-final': case 'nickname-required': return problemText(problem);
    default: return fill(body.dataset.msgFailed, problemText(problem));
  }
}

function onError(message) {
  if (qa.onError(message)) return;
  const vote = message.requestId && pending.get(message.requestId);
  if (!vote) return;
  if (message.problem === 'busy') {
    // The server stored nothing: send the same request id again shortly (it counts once), still pending meanwhile.
    setTimeout(() => { if (pending.get(vote.requestId) === vote) send(vote); }, 500 + Math.random() * 1000);
    return;
  }
  pending.delete(message.requestId);
  if (!pendingFor(vote.pollId) && !['multiple', 'slider', 'ranking', 'wordcloud', 'open'].includes(section(vote.pollId)?.dataset.type)) {
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
        if (!s || Number(p.round) !== Number(s.dataset.round) || pendingFor(p.pollId)) return;
        const mine = p.myAnswer || null;
        confirmed.set(p.pollId, mine);
        showAnswer(p.pollId, mine);
        if (mine !== null) confirm(p.pollId, body.dataset.msgReceived, false);
        else if (!s.querySelector('.confirmation.failed')) confirm(p.pollId, '', false);
      });
      showNickname(message.nickname);
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
    case 'open-mine':
      showMine(section(message.pollId), message);
      break;
    default:
      qa.onMessage(message);
  }
}, () => {
  // Resend what was tapped while offline, with the same request ids: the server counts each once.
  pending.forEach((vote) => send(vote));
  qa.resend();
});
// Q&A messages share the socket; sending returns false while it is down (then Q&A falls back to REST).
const qa = participantQa(code, (message) => live.send(message));

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
  showAnswer(vote.pollId, answer);
  confirm(vote.pollId, '', false);
  send(vote);
}

sections().forEach((s) => {
  s.addEventListener('click', (event) => {
    const button = event.target.closest('button');
    if (!button || button.disabled || !button.closest('.answer')) return;
    if (button.classList.contains('option')) {
      cast(s, { optionId: Number(button.dataset.optionId) });
    } else if (button.classList.contains('point')) {
      cast(s, { value: Number(button.dataset.value) });
    } else if (button.classList.contains('pick')) {
      button.setAttribute('aria-pressed', String(button.getAttribute('aria-pressed') !== 'true'));
      applyLimits(s);
      confirm(s.dataset.pollId, '', false);
    } else if (button.classList.contains('up') || button.classList.contains('down')) {
      const li = button.closest('li');
      if (button.classList.contains('up') && li.previousElementSibling) li.parentNode.insertBefore(li, li.previousElementSibling);
      if (button.classList.contains('down') && li.nextElementSibling) li.parentNode.insertBefore(li.nextElementSibling, li);
      button.focus();
      confirm(s.dataset.pollId, '', false);
    } else if (button.classList.contains('submit')) {
      cast(s, answerOf(s));
    }
  });
  const slider = s.querySelector('.slider-input');
  if (slider) {
    slider.addEventListener('input', () => {
      s.querySelector('.slider-value').textContent = slider.value;
      confirm(s.dataset.pollId, '', false);
    });
  }
  const nickname = s.querySelector('.nickname-form');
  if (nickname) nickname.addEventListener('submit', (event) => { event.preventDefault(); saveNickname(nickname); });
});

// The quiz nickname: asked once per talk, on the first quiz; every quiz section shows it afterwards.
function showNickname(nickname) {
  if (!nickname) return;
  document.querySelectorAll('.nickname-form').forEach((f) => { f.hidden = true; });
  document.querySelectorAll('.nickname-shown').forEach((p) => {
    p.hidden = false;
    p.querySelector('.nickname').textContent = nickname;
  });
}

async function saveNickname(form) {
  const error = form.querySelector('.nickname-error');
  try {
    const response = await fetch('/api/talks/' + encodeURIComponent(code) + '/nickname', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ nickname: form.querySelector('.nickname-input').value }),
    });
    const answer = await response.json().catch(() => ({}));
    if (response.ok) {
      error.hidden = true;
      showNickname(answer.nickname);
    } else {
      error.textContent = problemText(problemCode(answer.type));
      error.hidden = false;
    }
  } catch (e) {
    error.textContent = document.querySelector('.offline').textContent;
    error.hidden = false;
  }
}
