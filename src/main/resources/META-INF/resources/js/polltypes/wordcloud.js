import { element } from './elements.js';

// A word cloud: every filled entry field is the answer ({texts}), sent together. On the screen the words as laid out
// by the server (CloudLayout: x, y and size in a 1000 × 600 box), drawn as positioned text with a table of words and
// counts beside it (fit.js fits both to a projector). Texts are set with textContent or an input's value only.

export const keepsInputOnRefusal = true;

export function answerOf(s) {
  return { texts: Array.from(s.querySelectorAll('.entry-input'), (i) => i.value.trim()).filter((t) => t !== '') };
}

export function showAnswer(s, answer) {
  const texts = answer && answer.texts ? answer.texts : [];
  s.querySelectorAll('.entry-input').forEach((input, i) => { input.value = texts[i] || ''; });
}

export function showResults(poll, results) {
  const box = poll.querySelector('.type-results');
  const t = box.dataset;
  const details = results.details;
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
    // The same size as a number, for the audience screen's cloud that fills the slide (cqw or cqh, whichever is less).
    li.style.setProperty('--s', String(w.size / 10));
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

/**
 * The phone's total names what the screen's number counts: the participants who answered the round, those whose
 * every entry the profanity filter hid included (they are not told, so their phone shows what everyone's does).
 */
export const phoneTotalText = 'msgTotalParticipants';

/** On the phone: the ten most common words with their counts, as the screen's table lists them (same order). */
export function phoneResults(box, results, t) {
  const words = results.details.words.slice(0, 10);
  const list = element('ol', 'phone-words');
  words.forEach((w) => {
    const li = element('li', null);
    li.append(element('span', 'label', w.text), element('span', 'numbers', w.count));
    list.append(li);
  });
  if (words.length === 0) list.append(element('li', 'empty', t.msgNone));
  box.append(list);
}
