import { element } from './elements.js';
import { problemCode, problemText } from '../problems.js';

// Open text: the text area is sent as one more answer ({texts: [text]}), up to a number of answers per round, and the
// phone lists the participant's own answers with their status (waiting for the presenter, on the screen, not shown)
// from the server's `open-mine` messages. On the screen the answers the presenter has shown; in the speaker console
// the moderation list holds every answer with Show and Hide. Texts are set with textContent or an input's value only.

export const keepsInputOnRefusal = true;

export function answerOf(s) {
  return { texts: [s.querySelector('.open-input').value] };
}

/** After an answer is stored the text area is emptied for the next one. */
export function acked(s) {
  s.querySelector('.open-input').value = '';
}

/** Answers add up: each is a new one, so vote-changes: false never locks the form (VoteService, PollType.adds). */
export const adds = true;

/**
 * Once the participant has sent as many answers as a round takes, Send and the text area are disabled and a polite
 * note says why; a new round (the list emptied) or a closed poll lifts the note.
 */
export function applyLimits(s) {
  const box = s.querySelector('.open-text');
  const open = s.dataset.status === 'OPEN';
  const full = s.querySelectorAll('.my-answers > li').length >= Number(box.dataset.maxAnswers);
  box.querySelector('.submit').disabled = !open || full;
  box.querySelector('.open-input').disabled = !open || full;
  const text = open && full ? box.dataset.msgLimitReached : '';
  const note = box.querySelector('.limit-note');
  if (note.textContent !== text) note.textContent = text;
}

export function newRound(s) {
  s.querySelector('.my-answers').replaceChildren();
  s.querySelector('.my-answers-title').hidden = true;
}

/** On the phone `open-mine` (the participant's own answers of the round); on the screen `moderation`. */
export function onMessage(target, message) {
  if (message.type === 'open-mine') showMine(target, message);
  if (message.type === 'moderation') showModeration(target, message);
}

function showMine(s, message) {
  if (Number(message.round) !== Number(s.dataset.round)) return;
  const list = s.querySelector('.my-answers');
  list.replaceChildren(...message.answers.map((a) => {
    const li = element('li', 'my-answer ' + a.status);
    li.dataset.answerId = a.id;
    const status = element('span', 'my-answer-status', list.dataset[a.status] || a.status);
    li.append(element('span', 'my-answer-text', a.text), ' ', status);
    return li;
  }));
  s.querySelector('.my-answers-title').hidden = message.answers.length === 0;
  applyLimits(s);
}

export function showResults(poll, results) {
  const box = poll.querySelector('.type-results');
  const answers = results.details.answers;
  box.append(element('h2', 'open-answers-title', box.dataset.msgAnswers));
  // Long lists flow into columns and end in "and N more" on the projector (fit.js).
  const list = element('ul', 'open-answers fit-rows' + (answers.length > 4 ? ' many' : ''));
  answers.forEach((a) => {
    const li = element('li', 'open-answer', a.text);
    li.dataset.answerId = a.id;
    list.append(li);
  });
  if (answers.length === 0) list.append(element('li', 'empty', box.dataset.msgNone));
  box.append(list);
}

// ---- The moderation list (only in the speaker console, js/console.js) ----
// `moderation` messages hold every answer of the round with its status, waiting ones first. Each button sets a
// status, sent with the key, so pressing it twice changes nothing.

const versions = new Map();

async function setStatus(section, pollId, answerId, status) {
  const error = section.closest('.poll').querySelector('.control-error');
  const response = await fetch('/api/talks/' + encodeURIComponent(document.body.dataset.code) + '/polls/'
    + encodeURIComponent(pollId) + '/answers/' + encodeURIComponent(answerId) + '/status', {
    method: 'PUT',
    headers: { 'X-Presenter-Key': document.body.dataset.key, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ status }),
  }).catch(() => null);
  if (!error) return;
  if (response && response.ok) {
    error.hidden = true;
    return;
  }
  const problem = response ? await response.json().catch(() => ({})) : {};
  error.textContent = response ? problemText(problemCode(problem.type)) : document.querySelector('.offline').textContent;
  error.hidden = false;
}

function showModeration(poll, message) {
  const section = poll.querySelector('.moderation');
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

/** On the phone: the answers shown on the screen, newest first. */
export function phoneResults(box, results, t) {
  box.append(element('p', 'phone-answers-title', t.msgAnswers));
  const list = element('ul', 'phone-answers');
  results.details.answers.forEach((a) => list.append(element('li', null, a.text)));
  if (results.details.answers.length === 0) list.append(element('li', 'empty', t.msgNone));
  box.append(list);
}
