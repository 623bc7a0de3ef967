// The participant's side of the free-text poll types. A word cloud sends every filled entry field as its answer
// ({texts}); an open-text poll sends the text area as one more answer, and lists the participant's own answers with
// their status (waiting for the presenter, on the screen, not shown) from the server's `open-mine` messages.
// Every text is set with textContent or an input's value: shown exactly as typed, never interpreted.

/** The answer a text section holds now, in the API's shape, or null for none. */
export function textAnswerOf(s) {
  if (s.dataset.type === 'wordcloud') {
    const texts = Array.from(s.querySelectorAll('.entry-input'), (i) => i.value.trim()).filter((t) => t !== '');
    return { texts };
  }
  return { texts: [s.querySelector('.open-input').value] };
}

/** Shows a word-cloud answer (null: none) in the entry fields; open text keeps what is being typed. */
export function showTextAnswer(s, answer) {
  if (s.dataset.type !== 'wordcloud') return;
  const texts = answer && answer.texts ? answer.texts : [];
  s.querySelectorAll('.entry-input').forEach((input, i) => { input.value = texts[i] || ''; });
}

/** After an open answer is stored: the text area is emptied for the next one. */
export function textAcked(s) {
  if (s && s.dataset.type === 'open') s.querySelector('.open-input').value = '';
}

/** An `open-mine` message: the participant's own answers of the poll's current round. */
export function showMine(s, message) {
  if (!s || Number(message.round) !== Number(s.dataset.round)) return;
  const list = s.querySelector('.my-answers');
  list.replaceChildren(...message.answers.map((a) => {
    const li = document.createElement('li');
    li.className = 'my-answer ' + a.status;
    li.dataset.answerId = a.id;
    const text = document.createElement('span');
    text.className = 'my-answer-text';
    text.textContent = a.text;
    const status = document.createElement('span');
    status.className = 'my-answer-status';
    status.textContent = list.dataset[a.status] || a.status;
    li.append(text, ' ', status);
    return li;
  }));
  s.querySelector('.my-answers-title').hidden = message.answers.length === 0;
  openLimit(s);
}

/**
 * Open text: once the participant has sent as many answers as a round takes, Send and the text area are disabled
 * and a polite note says why; a new round (the list emptied) or a closed poll lifts the note.
 */
export function openLimit(s) {
  const box = s && s.dataset.type === 'open' ? s.querySelector('.open-text') : null;
  if (!box) return;
  const open = s.dataset.status === 'OPEN';
  const full = s.querySelectorAll('.my-answers > li').length >= Number(box.dataset.maxAnswers);
  box.querySelector('.submit').disabled = !open || full;
  box.querySelector('.open-input').disabled = !open || full;
  const text = open && full ? box.dataset.msgLimitReached : '';
  const note = box.querySelector('.limit-note');
  if (note.textContent !== text) note.textContent = text;
}

/** A new round: the earlier answers do not count in it. */
export function clearMine(s) {
  const list = s.querySelector('.my-answers');
  if (list) list.replaceChildren();
  const title = s.querySelector('.my-answers-title');
  if (title) title.hidden = true;
}
