import { liveSocket } from './live.js';

// The participant page: tap an option to vote. Votes go over the live socket, or over REST while it is down; each
// carries a request id, so a resend counts once. The page confirms only on the server's ack (sent after commit).
const body = document.body;
const code = body.dataset.code;
const pending = new Map();

function requestId() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function section(pollId) {
  return Array.from(document.querySelectorAll('section.poll')).find((s) => s.dataset.pollId === pollId);
}

function showChoice(pollId, optionId) {
  const s = section(pollId);
  if (!s) return;
  s.querySelectorAll('button.option').forEach((b) => {
    b.setAttribute('aria-pressed', String(optionId !== null && b.dataset.optionId === String(optionId)));
  });
}

function confirm(pollId, text, failed) {
  const s = section(pollId);
  if (!s) return;
  const p = s.querySelector('.confirmation');
  p.textContent = text;
  p.classList.toggle('failed', !!failed);
}

function applyStatus(pollId, status, version) {
  const s = section(pollId);
  if (!s || Number(version) < Number(s.dataset.version)) return;
  s.dataset.version = version;
  s.dataset.status = status;
  s.hidden = status === 'DRAFT';
  s.querySelectorAll('button.option').forEach((b) => { b.disabled = status !== 'OPEN'; });
  s.querySelector('.closed-note').hidden = status !== 'CLOSED';
  const anyOpen = Array.from(document.querySelectorAll('section.poll')).some((x) => x.dataset.status === 'OPEN');
  document.querySelector('.waiting').hidden = anyOpen;
}

function onAck(message) {
  pending.delete(message.requestId);
  showChoice(message.pollId, message.optionId);
  confirm(message.pollId, body.dataset.msgReceived, false);
}

function onError(message) {
  const vote = message.requestId && pending.get(message.requestId);
  if (vote) {
    pending.delete(message.requestId);
    confirm(vote.pollId, body.dataset.msgFailed.replace('%s', message.detail), true);
  }
}

const live = liveSocket('/ws/participant/' + encodeURIComponent(code), (message) => {
  switch (message.type) {
    case 'state':
      message.polls.forEach((p) => {
        applyStatus(p.pollId, p.status, p.version);
        if (pending.size === 0) showChoice(p.pollId, p.myOptionId);
      });
      break;
    case 'poll':
      applyStatus(message.pollId, message.status, message.version);
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
    const answer = await response.json();
    if (response.ok) onAck(answer);
    else onError({ requestId: vote.requestId, detail: answer.detail || response.statusText });
  } catch (e) {
    // Offline: the vote stays pending and is resent when the socket is back.
  }
}

function send(vote) {
  if (!live.send({ type: 'vote', pollId: vote.pollId, optionId: vote.optionId, requestId: vote.requestId })) {
    sendRest(vote);
  }
}

document.querySelectorAll('section.poll').forEach((s) => {
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
