import { element } from './polltypes/elements.js';
import { formatLocale } from './locale.js';

// The results on the phone, under the poll (deck key phone-results): the server sends a phone the `results` messages
// it may see (after its vote, after the close, or never), so the page draws whatever arrives and hides it again when
// the poll leaves that state (a new round, re-opened after the close). Like the screen, a message whose version is
// older than the one shown is dropped, so the numbers never go back. Option types get the shared bars with count and
// percent; the type's module adds a compact summary of the other types' details (phoneResults in poll-types.js).

function percent(value) {
  return new Intl.NumberFormat(formatLocale(), { style: 'percent' }).format(value / 100);
}

/** Draws a results message into the poll's .phone-results box, unless it is older than the one shown. */
export function showPhoneResults(s, results, type) {
  const box = s.querySelector('.phone-results');
  if (!box || Number(results.currentRound) < Number(s.dataset.round)) return;
  if (box.dataset.version !== undefined && Number(results.version) < Number(box.dataset.version)) return;
  box.dataset.version = results.version;
  box.dataset.round = results.currentRound;
  box.dataset.status = results.status;
  const bars = box.querySelector('.phone-bars');
  const typeBox = box.querySelector('.phone-type-results');
  bars.replaceChildren();
  typeBox.replaceChildren();
  if (!results.resultsVisible) {
    box.hidden = true;
    return;
  }
  results.counts.forEach((row) => {
    const li = element('li', 'bar-row');
    li.dataset.optionId = row.optionId;
    const track = element('span', 'bar-track');
    const bar = element('span', 'bar');
    bar.style.width = (row.percent || 0) + '%';
    track.append(bar);
    const numbers = element('span', 'numbers');
    numbers.append(element('span', 'count', row.count), document.createTextNode(' · '),
      element('span', 'percent', percent(row.percent || 0)));
    li.append(element('span', 'label', row.text), track, numbers);
    bars.append(li);
  });
  bars.hidden = results.counts.length === 0;
  if (results.details && type.phoneResults) type.phoneResults(typeBox, results, box.dataset);
  // A type whose total counts participants rather than answers names that unit (a word cloud: the words below count
  // entries, and hidden entries count in no word, so "6 answers" over two words read as a mistake). "1 answer",
  // "2 answers": the plural category of the page's language picks the text (Danish "svar" either way).
  const key = type.phoneTotalText || 'msgTotal';
  const one = new Intl.PluralRules(document.documentElement.lang || 'en').select(results.total) === 'one';
  const totalText = (one && box.dataset[key + 'One']) || box.dataset[key] || box.dataset.msgTotal;
  box.querySelector('.phone-total').textContent = totalText.replace('%s', () => String(results.total));
  box.hidden = false;
}

/** Hides the results when the poll's state no longer shows them: a new round, or re-opened after its close. */
export function applyPhoneStatus(s) {
  const box = s.querySelector('.phone-results');
  if (!box || box.hidden) return;
  const newRound = Number(s.dataset.round) > Number(box.dataset.round);
  const reopened = s.dataset.phoneResults === 'after-close' && s.dataset.status !== 'CLOSED';
  if (newRound || reopened) box.hidden = true;
}
