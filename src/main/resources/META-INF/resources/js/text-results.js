// The presenter screen's results of the free-text poll types, from the results message's `details`: the word cloud,
// laid out by the server (CloudLayout: x, y and size in a 1000 × 600 box), drawn as positioned text with a table of
// words and counts beside it (fit.js fits both to a projector); and the open-text answers the presenter has shown. With the presenter key, the
// moderation list holds every answer with Show and Hide. Texts are set with textContent only: shown exactly as typed.

function element(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

function cloud(box, details, t) {
  const wrap = element('div', 'wordcloud-results');
  // On the projector fit.js shrinks the cloud to the height that is left and scales the words to its box.
  const words = element('ul', 'cloud fit-cloud');
  // The table beside the cloud holds the same words and counts for screen readers.
  words.setAttribute('aria-hidden', 'true');
  details.words.filter((w) => w.x !== null).forEach((w) => {
    const li = element('li', 'cloud-word', w.text);
    li.dataset.count = w.count;
    // The word's centre as percentages of the box and its size in cqw of the box's width; the stylesheet scales
    // them about the centre by the cloud's --fit.
    li.style.setProperty('--x', (w.x / 10) + '%');
    li.style.setProperty('--y', (w.y / 6) + '%');
    li.style.setProperty('--size', (w.size / 10) + 'cqw');
    words.append(li);
  });
  const table = element('table', 'cloud-table');
  table.append(element('caption', null, t.msgTable));
  const head = element('tr');
  head.append(element('th', null, t.msgWord), element('th', null, t.msgCount));
  head.querySelectorAll('th').forEach((th) => th.setAttribute('scope', 'col'));
  const tbody = element('tbody');
  details.words.forEach((w) => {
    const tr = element('tr');
    const th = element('th', 'word', w.text);
    th.setAttribute('scope', 'row');
    tr.append(th, element('td', 'count', w.count));
    tbody.append(tr);
  });
  const thead = element('thead');
  thead.append(head);
  table.append(thead, tbody);
  const scroll = element('div', 'cloud-table-scroll');
  scroll.tabIndex = 0;
  scroll.append(table);
  wrap.append(words, scroll);
  box.append(wrap);
}

function answers(box, details, t) {
  box.append(element('h2', 'open-answers-title', t.msgAnswers));
  // Long lists flow into columns and end in "and N more" on the projector (fit.js).
  const list = element('ul', 'open-answers fit-rows' + (details.answers.length > 4 ? ' many' : ''));
  details.answers.forEach((a) => {
    const li = element('li', 'open-answer', a.text);
    li.dataset.answerId = a.id;
    list.append(li);
  });
  if (details.answers.length === 0) list.append(element('li', 'empty', t.msgNone));
  box.append(list);
}

/** Draws a word cloud or the shown open answers into the poll's type-results box. */
export function renderTextResults(poll, box, message) {
  const t = poll.querySelector('.text-results-msgs')?.dataset || {};
  if (message.pollType === 'wordcloud') cloud(box, message.details, t);
  else answers(box, message.details, t);
}

/**
 * The moderation list of the presenter with the key: `moderation` messages (every answer of the round with its
 * status, waiting ones first) and the Show/Hide buttons, sent with the key. Each button sets a status, so pressing it
 * twice changes nothing.
 */
export function moderation(code, key) {
  const versions = new Map();

  async function setStatus(section, pollId, answerId, status) {
    const error = section.closest('.poll').querySelector('.control-error');
    const response = await fetch('/api/talks/' + encodeURIComponent(code) + '/polls/' + encodeURIComponent(pollId)
      + '/answers/' + encodeURIComponent(answerId) + '/status', {
      method: 'PUT',
      headers: { 'X-Presenter-Key': key, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ status }),
    }).catch(() => null);
    if (error && response && !response.ok) {
      const problem = await response.json().catch(() => ({}));
      error.textContent = problem.detail || response.statusText;
      error.hidden = false;
    }
  }

  function onMessage(message) {
    const poll = Array.from(document.querySelectorAll('.poll[data-poll-id]'))
      .find((p) => p.dataset.pollId === message.pollId);
    const section = poll && poll.querySelector('.moderation');
    if (!section || Number(message.version) < (versions.get(message.pollId) || 0)) return;
    versions.set(message.pollId, Number(message.version));
    const order = { waiting: 0, shown: 1, hidden: 2 };
    const items = message.answers.slice().sort((a, b) => order[a.status] - order[b.status] || a.id - b.id);
    section.querySelector('.moderation-waiting').textContent =
      String(message.answers.filter((a) => a.status === 'waiting').length);
    section.querySelector('.moderation-list').replaceChildren(...items.map((a) => {
      const li = element('li', 'moderated ' + a.status);
      li.dataset.answerId = a.id;
      const actions = element('span', 'moderation-actions');
      const show = element('button', 'show-answer', section.dataset.msgShow);
      show.type = 'button';
      show.disabled = a.status === 'shown';
      show.addEventListener('click', () => setStatus(section, message.pollId, a.id, 'shown'));
      const hide = element('button', 'hide-answer secondary', section.dataset.msgHide);
      hide.type = 'button';
      hide.disabled = a.status === 'hidden';
      hide.addEventListener('click', () => setStatus(section, message.pollId, a.id, 'hidden'));
      actions.append(show, hide);
      const status = section.dataset['msg' + a.status.charAt(0).toUpperCase() + a.status.slice(1)];
      li.append(element('span', 'moderated-text', a.text), element('span', 'moderated-status', status), actions);
      return li;
    }));
  }

  return { onMessage };
}
