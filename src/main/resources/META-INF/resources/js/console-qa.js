import { element } from './polltypes/elements.js';

// The speaker console's Q&A queue: every question of the talk, those waiting for approval first, with Approve, Mark
// answered, Hide/Unhide and Put on screen/Take off screen. The console is private, so waiting and hidden questions are
// listed openly here (never on the audience screen). Texts and nicknames are set with textContent only. The state
// comes from the presenter feed's `qa` messages (older versions dropped) and the show's spotlighted question.
//
// command(method, path, body, errorElement) sends a change with the presenter key; spotlight(questionId or null)
// puts a question on the screen or takes it off.
export function consoleQa(panel, command, putOnScreen) {
  const list = panel.querySelector('.console-questions');
  const empty = panel.querySelector('.qa-empty');
  const error = panel.querySelector('.qa-error');
  const moderated = panel.querySelector('.qa-moderated');
  const waitingCount = panel.querySelector('.qa-waiting-count');
  const strings = panel.dataset;
  let shown = -1;
  let questions = [];
  let onScreen = null;

  function action(label, className, handler) {
    const b = element('button', 'qa-action ' + className, label);
    b.type = 'button';
    b.addEventListener('click', handler);
    return b;
  }

  function item(q) {
    const change = (body) => () => command('PATCH', '/questions/' + q.id, body, error);
    const li = element('li', 'console-question');
    li.dataset.questionId = String(q.id);
    li.classList.toggle('pending', !q.approved);
    li.classList.toggle('is-hidden', q.hidden);
    li.classList.toggle('answered', q.answered);
    li.classList.toggle('on-screen', q.id === onScreen);
    li.append(element('span', 'qa-upvotes', q.upvotes));
    const body = element('div', 'qa-body');
    body.append(element('p', 'qa-text', q.text));
    const meta = element('p', 'qa-meta');
    meta.append(element('span', 'qa-nickname', q.nickname === null ? strings.anonymous : q.nickname));
    if (q.id === onScreen) meta.append(element('span', 'qa-badge qa-on-screen', strings.onScreen));
    if (!q.approved) meta.append(element('span', 'qa-badge qa-pending', strings.pending));
    if (q.hidden) meta.append(element('span', 'qa-badge qa-hidden', strings.hidden));
    if (q.answered) meta.append(element('span', 'qa-badge qa-answered', strings.answered));
    body.append(meta);
    const actions = element('p', 'qa-actions');
    if (!q.approved) actions.append(action(strings.approve, 'qa-approve', change({ approved: true })));
    if (q.approved && !q.hidden) {
      actions.append(q.id === onScreen ? action(strings.unspotlight, 'qa-unspotlight', () => putOnScreen(null))
        : action(strings.spotlight, 'qa-spotlight', () => putOnScreen(q.id)));
    }
    actions.append(q.answered ? action(strings.unmarkAnswered, 'qa-unanswer secondary', change({ answered: false }))
      : action(strings.markAnswered, 'qa-answer secondary', change({ answered: true })));
    actions.append(q.hidden ? action(strings.unhide, 'qa-unhide secondary', change({ hidden: false }))
      : action(strings.hide, 'qa-hide secondary', change({ hidden: true })));
    body.append(actions);
    li.append(body);
    return li;
  }

  // Waiting questions first, then what the room sees, then hidden ones; in the server's order within each.
  function render() {
    const rank = (q) => (!q.approved && !q.hidden ? 0 : q.hidden ? 2 : 1);
    const ordered = questions.map((q, i) => [q, i]).sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1]);
    list.replaceChildren(...ordered.map(([q]) => item(q)));
    empty.hidden = questions.length > 0;
    const waiting = questions.filter((q) => !q.approved && !q.hidden).length;
    waitingCount.textContent = waiting ? '(' + waiting + ' ' + strings.queueWaiting + ')' : '';
  }

  moderated.addEventListener('change', () => command('PUT', '/qa', { moderated: moderated.checked }, error));

  return {
    onMessage(message) {
      if (Number(message.version) < shown) return;
      shown = Number(message.version);
      questions = message.questions;
      moderated.checked = message.moderated;
      render();
    },
    /** The question on the audience screen now, or null. */
    spotlight(questionId) {
      onScreen = questionId === null || questionId === undefined ? null : Number(questionId);
      render();
    },
  };
}
