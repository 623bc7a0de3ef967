import { problemCode, problemText } from '../problems.js';
import { element } from './elements.js';

// A quiz: a single choice that scores, played under the talk's nickname (asked once, on the first quiz; every quiz
// section shows it afterwards). On the screen, once closed, the right options are marked on the shared bars and the
// talk's leaderboard is shown.

export { answerOf, showAnswer, click, describe } from './choice.js';

export function bind(s) {
  const form = s.querySelector('.nickname-form');
  form.addEventListener('submit', (event) => { event.preventDefault(); saveNickname(form); });
}

export function onState(state) {
  showNickname(state.nickname);
}

function showNickname(nickname) {
  if (!nickname) return;
  document.querySelectorAll('.nickname-form').forEach((f) => { f.hidden = true; });
  document.querySelectorAll('.nickname-shown').forEach((p) => {
    p.hidden = false;
    p.querySelector('.nickname').textContent = nickname;
  });
}

async function saveNickname(form) {
  const error = form.querySelector('.nickname-error');
  try {
    const response = await fetch('/api/talks/' + encodeURIComponent(document.body.dataset.code) + '/nickname', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ nickname: form.querySelector('.nickname-input').value }),
    });
    const answer = await response.json().catch(() => ({}));
    if (response.ok) {
      error.hidden = true;
      showNickname(answer.nickname);
    } else {
      error.textContent = problemText(problemCode(answer.type));
      error.hidden = false;
    }
  } catch (e) {
    error.textContent = document.querySelector('.offline').textContent;
    error.hidden = false;
  }
}

export function showResults(poll, results) {
  const box = poll.querySelector('.type-results');
  const details = results.details;
  const correct = (details.correctOptionIds || []).map(String);
  poll.querySelectorAll('.bar-row').forEach((row) => row.classList.toggle('correct', correct.includes(row.dataset.optionId)));
  if (!details.leaderboard) return;
  box.append(element('h2', 'leaderboard-title', box.dataset.msgLeaderboard));
  const table = element('ol', 'leaderboard fit-rows');
  if (details.leaderboard.rows.length === 0) table.append(element('li', 'empty', box.dataset.msgNone));
  details.leaderboard.rows.forEach((row) => {
    const li = element('li', 'leader');
    li.append(element('span', 'rank', row.rank + '.'), element('span', 'nickname', row.nickname),
      element('span', 'points', row.points + ' ' + box.dataset.msgPoints));
    table.append(li);
  });
  box.append(table);
}

/** On the phone, once closed: the right options marked on the shared bars. */
export function phoneResults(box, results) {
  const correct = (results.details.correctOptionIds || []).map(String);
  box.closest('.phone-results').querySelectorAll('.bar-row')
    .forEach((row) => row.classList.toggle('correct', correct.includes(row.dataset.optionId)));
}

// The player's own result of the closed question (`quiz-result`): right or wrong, points, total, rank.
export function onMessage(s, message) {
  if (message.type !== 'quiz-result' || Number(message.round) !== Number(s.dataset.round)) return;
  const box = s.querySelector('.quiz-result');
  const t = box.dataset;
  const verdict = box.querySelector('.quiz-verdict');
  verdict.textContent = !message.answered ? t.msgUnanswered : message.correct ? t.msgRight : t.msgWrong;
  box.classList.toggle('right', message.answered && message.correct);
  box.classList.toggle('wrong', message.answered && !message.correct);
  box.querySelector('.quiz-earned').textContent = t.msgEarned.replace('%s', () => String(message.points));
  box.querySelector('.quiz-total').textContent = t.msgTotal.replace('%s', () => String(message.totalPoints));
  const rank = box.querySelector('.quiz-rank');
  rank.hidden = message.rank === null || message.rank === undefined;
  rank.textContent = rank.hidden ? '' : t.msgRank.replace('%r', () => String(message.rank))
    .replace('%n', () => String(message.players));
  box.hidden = false;
}

export function newRound(s) {
  const box = s.querySelector('.quiz-result');
  if (box) box.hidden = true;
}
