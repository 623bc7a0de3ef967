// A scale: one tap on a point is the vote ({value}). On the screen its distribution as columns.

export { showColumns as showResults, phoneSummary as phoneResults } from './columns.js';

export function answerOf(s) {
  const point = s.querySelector('button.point[aria-pressed="true"]');
  return point ? { value: Number(point.dataset.value) } : null;
}

export function showAnswer(s, answer) {
  s.querySelectorAll('button.point').forEach((b) => b.setAttribute('aria-pressed',
    String(!!answer && answer.value !== undefined && b.dataset.value === String(answer.value))));
}

/** The chosen point as the phone shows it, for the screen reader's confirmation of the vote. */
export function describe(s, answer) {
  const point = answer && answer.value !== undefined
    && s.querySelector('button.point[data-value="' + Number(answer.value) + '"]');
  return point ? point.textContent.trim() : null;
}

export function click(s, button) {
  return button.classList.contains('point') ? { value: Number(button.dataset.value) } : undefined;
}
