// A single choice: one tap on an option is the vote ({optionId}). On the screen the shared bars are all it needs.

/** The chosen option as {optionId}, or null. */
export function answerOf(s) {
  const chosen = s.querySelector('button.option[aria-pressed="true"]');
  return chosen ? { optionId: Number(chosen.dataset.optionId) } : null;
}

export function showAnswer(s, answer) {
  const optionId = answer ? answer.optionId : null;
  s.querySelectorAll('button.option').forEach((b) => {
    b.setAttribute('aria-pressed', String(optionId !== null && optionId !== undefined
      && b.dataset.optionId === String(optionId)));
  });
}

export function click(s, button) {
  return button.classList.contains('option') ? { optionId: Number(button.dataset.optionId) } : undefined;
}

/** The chosen option's text, said to screen readers when the vote is stored. */
export function describe(s, answer) {
  const chosen = answer && s.querySelector('button.option[data-option-id="' + Number(answer.optionId) + '"]');
  return chosen ? chosen.textContent : null;
}
