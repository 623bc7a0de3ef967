// Q&A alongside the whole talk, on the participant page and the presenter screen. Every question text and nickname
// is put in with textContent, never as markup (F7). Messages carry a per-talk version; an older one than shown is
// dropped. Asks and upvotes carry request ids, so a resend after a reconnect counts once.
import { problemCode, problemText } from './problems.js';
import { characters } from './graphemes.js';

function requestId() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function element(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined && text !== null) e.textContent = text;
  return e;
}


/** How many questions the room sees (approved and not hidden): the phone's tab and the presenter's footer agree. */
function publicCount(questions) {
  return questions.filter((q) => q.approved && !q.hidden).length;
}

/** The participant's Q&A tab. {@code send} sends a message over the live socket and returns false when it is down. */
export function participantQa(code, send) {
  const panel = document.getElementById('qa');
  const tab = document.querySelector('.qa-tab');
  if (!panel || !tab) return { onMessage() { return false; }, onError() { return false; }, resend() {} };
  const main = document.querySelector('main');
  const list = panel.querySelector('.qa-list');
  const empty = panel.querySelector('.qa-empty');
  const form = panel.querySelector('.qa-form');
  const text = panel.querySelector('#qa-text');
  const nickname = panel.querySelector('#qa-nickname');
  const status = panel.querySelector('.qa-status');
  const left = panel.querySelector('.qa-left-count');
  const strings = panel.dataset;
  const pending = new Map();
  let questions = [];
  let mine = [];
  let upvoted = new Set();
  let shown = -1;
  let mineShown = -1;

  function open(on) {
    panel.hidden = !on;
    main.hidden = on;
    tab.setAttribute('aria-expanded', String(on));
    if (on) text.focus();
  }
  tab.addEventListener('click', () => open(panel.hidden));
  panel.querySelector('.qa-back').addEventListener('click', () => open(false));

  text.addEventListener('input', () => {
    const n = 280 - characters(text.value.trim());
    left.textContent = String(n);
    left.classList.toggle('over', n < 0);
  });

  function say(message, failed) {
    status.textContent = message;
    status.classList.toggle('failed', !!failed);
  }

  function render() {
    const own = new Set(mine.map((q) => q.id));
    const publicIds = new Set(questions.map((q) => q.id));
    const waiting = mine.filter((q) => !publicIds.has(q.id));
    list.replaceChildren(...waiting.concat(questions).map((q) => {
      const li = element('li', 'qa-item');
      li.dataset.questionId = String(q.id);
      li.classList.toggle('answered', q.answered);
      li.append(element('p', 'qa-text', q.text));
      const meta = element('p', 'qa-meta');
      meta.append(element('span', 'qa-nickname', q.nickname === null ? strings.anonymous : q.nickname));
      if (own.has(q.id)) meta.append(element('span', 'qa-badge qa-yours', strings.yours));
      if (q.answered) meta.append(element('span', 'qa-badge qa-answered', strings.answered));
      if (!q.approved) meta.append(element('span', 'qa-badge qa-pending', strings.pending));
      if (q.hidden) meta.append(element('span', 'qa-badge qa-hidden', strings.hidden));
      li.append(meta);
      const button = element('button', 'qa-upvote');
      button.type = 'button';
      const done = upvoted.has(q.id);
      button.setAttribute('aria-pressed', String(done));
      button.disabled = done || own.has(q.id) || !q.approved || q.hidden;
      button.title = done ? strings.upvoted : strings.upvote;
      button.append(element('span', 'qa-arrow', '▲ '), element('span', 'qa-upvotes', String(q.upvotes)));
      button.setAttribute('aria-label', (done ? strings.upvoted : strings.upvote) + ' (' + q.upvotes + ' '
        + strings.upvotes + ')');
      li.append(button);
      return li;
    }));
    empty.hidden = list.children.length > 0;
    const count = publicCount(questions);
    tab.querySelector('.qa-count').textContent = count ? '(' + count + ')' : '';
  }

  function setEnabled(enabled) {
    tab.hidden = !enabled && mine.length === 0;
    form.hidden = !enabled;
    panel.querySelector('.qa-closed').hidden = enabled;
  }

  async function sendRest(item) {
    const path = item.type === 'ask' ? '/questions' : '/questions/' + item.questionId + '/upvotes';
    const body = item.type === 'ask' ? { text: item.text, nickname: item.nickname, requestId: item.requestId }
      : { requestId: item.requestId };
    try {
      const response = await fetch('/api/talks/' + encodeURIComponent(code) + path, {
        method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
      });
      const answer = await response.json().catch(() => ({}));
      if (response.ok) onMessage(answer);
      else onError({ requestId: item.requestId, problem: problemCode(answer.type) });
    } catch (e) {
      // Offline: stays pending and is resent when the socket is back.
    }
  }

  function dispatch(item) {
    if (!send(item)) sendRest(item);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const item = { type: 'ask', text: text.value, nickname: nickname.value.trim() || null, requestId: requestId() };
    if (!item.text.trim()) return;
    pending.set(item.requestId, item);
    say('', false);
    dispatch(item);
  });

  list.addEventListener('click', (event) => {
    const button = event.target.closest('button.qa-upvote');
    if (!button || button.disabled) return;
    button.disabled = true;
    const item = { type: 'upvote', questionId: Number(button.closest('li').dataset.questionId), requestId: requestId() };
    pending.set(item.requestId, item);
    dispatch(item);
  });

  function onMessage(message) {
    switch (message.type) {
      case 'qa':
        if (Number(message.version) < shown) return true;
        shown = Number(message.version);
        questions = message.questions;
        setEnabled(message.enabled);
        render();
        return true;
      case 'qa-mine':
        if (Number(message.version) < mineShown) return true;
        mineShown = Number(message.version);
        mine = message.questions;
        upvoted = new Set(message.upvoted);
        render();
        return true;
      case 'asked':
        if (!pending.delete(message.requestId)) return true;
        if (!mine.some((q) => q.id === message.question.id)) mine = mine.concat([message.question]);
        text.value = '';
        left.textContent = '280';
        say(message.question.approved ? strings.received : strings.receivedModerated, false);
        render();
        return true;
      case 'upvoted':
        pending.delete(message.requestId);
        upvoted.add(message.questionId);
        render();
        return true;
      default:
        return false;
    }
  }

  function onError(message) {
    const item = message.requestId && pending.get(message.requestId);
    if (!item) return false;
    pending.delete(message.requestId);
    say(strings.failed.replace('%s', problemText(message.problem)), true);
    render();
    return true;
  }

  setEnabled(!tab.hidden);
  render();
  return { onMessage, onError, resend() { pending.forEach((item) => dispatch(item)); } };
}

/**
 * The audience screen's Q&A wall (the show's overlay "qa", set on the server by Q or the console): the public
 * questions only (the public screen feed carries no others), most upvoted first; with a spotlighted question that one
 * alone, large. A question hidden in the console leaves the public feed, and so the wall, with the next `qa` message.
 */
export function screenQa() {
  const overlay = document.querySelector('.qa-overlay');
  const toggle = document.querySelector('.qa-toggle');
  if (!overlay) return { onMessage() {}, show() {} };
  const list = overlay.querySelector('.qa-list');
  const empty = overlay.querySelector('.qa-empty');
  const spotlight = overlay.querySelector('.qa-spotlight');
  const strings = overlay.dataset;
  let shown = -1;
  let questions = [];
  let on = false;
  let spotlit = null;

  function item(q) {
    const li = element('li', 'qa-item');
    li.dataset.questionId = String(q.id);
    li.classList.toggle('answered', q.answered);
    li.append(element('span', 'qa-upvotes', String(q.upvotes)));
    const body = element('div', 'qa-body');
    body.append(element('p', 'qa-text', q.text));
    const meta = element('p', 'qa-meta');
    meta.append(element('span', 'qa-nickname', q.nickname === null ? strings.anonymous : q.nickname));
    if (q.answered) meta.append(element('span', 'qa-badge qa-answered', strings.answered));
    body.append(meta);
    li.append(body);
    return li;
  }

  function render() {
    // Only what the room may see, even if a feed ever carried more.
    const visible = questions.filter((q) => q.approved && !q.hidden)
      .sort((a, b) => b.upvotes - a.upvotes || a.id - b.id);
    const one = spotlit === null ? null : visible.find((q) => q.id === spotlit);
    overlay.hidden = !on;
    overlay.classList.toggle('spotlit', !!one);
    list.hidden = !!one;
    spotlight.hidden = !one;
    // Emptied when not shown: a question taken off the screen (or hidden) leaves no trace in the page.
    spotlight.querySelector('.qa-text').textContent = one ? one.text : '';
    spotlight.querySelector('.qa-nickname').textContent = !one ? '' : one.nickname === null ? strings.anonymous
      : one.nickname;
    spotlight.querySelector('.qa-upvotes').textContent = one ? String(one.upvotes) : '';
    list.replaceChildren(...(one ? [] : visible.map(item)));
    empty.hidden = !!one || visible.length > 0;
    if (toggle) {
      toggle.querySelector('.qa-count').textContent = String(visible.length);
      toggle.setAttribute('aria-pressed', String(on));
    }
    document.body.dataset.qa = String(on);
  }

  return {
    onMessage(message) {
      if (message.type !== 'qa' || Number(message.version) < shown) return;
      shown = Number(message.version);
      questions = message.questions;
      if (toggle) toggle.hidden = !message.enabled && publicCount(questions) === 0;
      render();
    },
    /** Shows the wall (on) with the spotlighted question id, or null for the whole wall. */
    show(visible, questionId) {
      on = visible;
      spotlit = questionId === null || questionId === undefined || questionId === '' ? null : Number(questionId);
      render();
    },
  };
}
