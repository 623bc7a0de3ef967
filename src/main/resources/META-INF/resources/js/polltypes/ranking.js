import { element, number } from './elements.js';

// A ranking: order the options with the arrows, then send ({optionIds}, best first). On the screen the options by
// Borda points, best first, with their average rank.

export const keepsInputOnRefusal = true;

export function answerOf(s) {
  return { optionIds: Array.from(s.querySelectorAll('.ranking li'), (li) => Number(li.dataset.optionId)) };
}

/** Puts the options in the answer's order; none leaves them as they are. */
export function showAnswer(s, answer) {
  const ids = answer && answer.optionIds ? answer.optionIds.map(String) : [];
  const list = s.querySelector('.ranking');
  const items = Array.from(list.children);
  ids.forEach((id) => { const li = items.find((i) => i.dataset.optionId === id); if (li) list.appendChild(li); });
}

export function click(s, button) {
  const up = button.classList.contains('up');
  if (!up && !button.classList.contains('down')) return undefined;
  const li = button.closest('li');
  if (up && li.previousElementSibling) li.parentNode.insertBefore(li, li.previousElementSibling);
  if (!up && li.nextElementSibling) li.parentNode.insertBefore(li.nextElementSibling, li);
  button.focus();
  return true;
}

export function showResults(poll, results) {
  const box = poll.querySelector('.type-results');
  const details = results.details;
  const list = element('ol', 'ranking-results');
  const best = Math.max(1, results.total * (details.options - 1));
  details.items.slice().sort((a, b) => b.borda - a.borda).forEach((item) => {
    const li = element('li', 'bar-row');
    li.dataset.optionId = item.optionId;
    const track = element('span', 'bar-track');
    const bar = element('span', 'bar');
    bar.style.width = Math.round((item.borda / best) * 100) + '%';
    track.append(bar);
    const numbers = element('span', 'numbers');
    numbers.append(element('span', 'borda', item.borda), element('span', null, ' ' + box.dataset.msgBorda + ' · '
      + box.dataset.msgAverageRank + ' '), element('span', 'average-rank', number(item.averageRank)));
    li.append(element('span', 'label', item.text), track, numbers);
    list.append(li);
  });
  box.append(list);
}

/** On the phone: the options best first, each with its Borda points. */
export function phoneResults(box, results, t) {
  const list = element('ol', 'phone-ranking');
  results.details.items.slice().sort((a, b) => b.borda - a.borda).forEach((item) => {
    const li = element('li', null);
    li.append(element('span', 'label', item.text), element('span', 'numbers', item.borda + ' ' + t.msgBorda));
    list.append(li);
  });
  box.append(list);
}
