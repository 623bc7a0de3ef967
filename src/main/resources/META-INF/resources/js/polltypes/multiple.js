// A multiple choice: pick min to max options, then send ({optionIds}). On the screen the shared bars.

export const keepsInputOnRefusal = true;

export function answerOf(s) {
  return { optionIds: Array.from(s.querySelectorAll('button.pick[aria-pressed="true"]'), (b) => Number(b.dataset.optionId)) };
}

export function showAnswer(s, answer) {
  const ids = answer && answer.optionIds ? answer.optionIds.map(String) : [];
  s.querySelectorAll('button.pick').forEach((b) => b.setAttribute('aria-pressed', String(ids.includes(b.dataset.optionId))));
  applyLimits(s);
}

/** The picked options' texts, for the screen reader's confirmation of the vote. */
export function describe(s, answer) {
  const ids = answer && answer.optionIds ? answer.optionIds.map(String) : [];
  const texts = Array.from(s.querySelectorAll('button.pick'))
    .filter((b) => ids.includes(b.dataset.optionId)).map((b) => b.textContent.trim());
  return texts.length ? texts.join(', ') : null;
}

export function click(s, button) {
  if (!button.classList.contains('pick')) return undefined;
  button.setAttribute('aria-pressed', String(button.getAttribute('aria-pressed') !== 'true'));
  applyLimits(s);
  return true;
}

/**
 * At max picks the other options are disabled (and a polite note says why), and Send stays disabled below min.
 * Nothing is disabled while the poll is not open anyway.
 */
export function applyLimits(s) {
  const box = s.querySelector('.options');
  const picks = Array.from(box.querySelectorAll('button.pick'));
  const open = s.dataset.status === 'OPEN';
  const chosen = picks.filter((b) => b.getAttribute('aria-pressed') === 'true').length;
  const full = chosen >= Number(box.dataset.max) && chosen < picks.length;
  picks.forEach((b) => { b.disabled = !open || (full && b.getAttribute('aria-pressed') !== 'true'); });
  box.querySelector('.submit').disabled = !open || chosen < Number(box.dataset.min);
  const note = box.querySelector('.limit-note');
  const text = open && full ? box.dataset.msgMaxReached : '';
  if (note.textContent !== text) note.textContent = text;
}
