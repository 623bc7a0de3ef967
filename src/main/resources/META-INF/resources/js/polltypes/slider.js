// A slider: move it (0 to 100), then send ({value}). On the screen its histogram as columns.

export { showColumns as showResults, phoneSummary as phoneResults } from './columns.js';

export const keepsInputOnRefusal = true;

export function answerOf(s) {
  return { value: Number(s.querySelector('.slider-input').value) };
}

/** Shows the answer, or the middle for none. */
export function showAnswer(s, answer) {
  const input = s.querySelector('.slider-input');
  input.value = answer && answer.value !== undefined ? answer.value : 50;
  s.querySelector('.slider-value').textContent = input.value;
}

export function bind(s, changed) {
  const slider = s.querySelector('.slider-input');
  slider.addEventListener('input', () => {
    s.querySelector('.slider-value').textContent = slider.value;
    changed();
  });
}
