import { countdowns } from './show.js';
import { numbers } from './announce.js';
import { pollTypes } from './poll-types.js';
import { fitShown } from './fit.js';

/**
 * Writes a results message's counts into the poll's bars, and into its table for screen readers where it has one
 * (the audience screen's and the embed view's; the console shows the same bars).
 */
export function showCounts(poll, counts, format) {
  counts.forEach((row) => {
    const li = poll.querySelector('.bar-row[data-option-id="' + row.optionId + '"]');
    if (!li) return;
    li.querySelector('.bar').style.width = row.percent + '%';
    li.querySelector('.count').textContent = format.number(row.count);
    li.querySelector('.percent').textContent = format.percent(row.percent);
    const tr = poll.querySelector('.results-table tr[data-option-id="' + row.optionId + '"]');
    if (!tr) return;
    tr.querySelector('.count').textContent = format.number(row.count);
    tr.querySelector('.percent').textContent = format.percent(row.percent);
  });
}

// The polls as the room sees them, shared by the audience screen (presenter.js) and the embed view (embed.js): the
// page's `.poll` elements come from the server (the poll type's screen.html); this applies the screen feed's
// `results` messages to them (bars, the type's own results, hidden results, an earlier round beside the current one,
// status, round and countdown) and hands a message that only a type knows to the type's module.
// `announce` (announce.js) tells screen readers the vote total of the poll on the shown slide; `closedAnnounce`, when
// given, says at once that the shown poll closed (a region of its own, so that no vote count replaces it).
export async function screenPolls(announce, closedAnnounce) {
  const body = document.body;
  const format = numbers();

  function pollElement(pollId) {
    return Array.from(document.querySelectorAll('.poll[data-poll-id]')).find((p) => p.dataset.pollId === pollId);
  }

  // The module of each poll type on the screen (js/polltypes/<type>.js): it draws the results beyond the shared bars.
  const types = await pollTypes(Array.from(document.querySelectorAll('.poll[data-poll-id]'), (p) => p.dataset.type));

  const countdown = countdowns();
  const setDeadline = (poll, remainingMs) => countdown.set(poll, remainingMs);

  function roundLabel(round) {
    return (body.dataset.msgRound || 'Round %s').replace('%s', () => String(round));
  }

  function setLine(line, row, round) {
    line.querySelector('.round-tag').textContent = roundLabel(round);
    line.querySelector('.bar').style.width = (row ? row.percent : 0) + '%';
    line.querySelector('.count').textContent = format.number(row ? row.count : 0);
    line.querySelector('.percent').textContent = format.percent(row ? row.percent : 0);
  }

  // The figure that sums a round up, whatever the type: the leading option, the mean, the first-ranked option or the
  // most frequent word; null when the round has none.
  function keyFigure(results) {
    const counts = results.counts || [];
    if (counts.length > 0 && results.total > 0) {
      const top = counts.reduce((a, b) => (b.count > a.count ? b : a));
      return top.text + ' ' + format.percent(top.percent);
    }
    const d = results.details;
    if (!d) return null;
    if (typeof d.mean === 'number') return 'x̄ ' + format.number(d.mean);
    if (Array.isArray(d.items) && d.items.length > 0) return d.items.reduce((a, b) => (b.borda > a.borda ? b : a)).text;
    if (Array.isArray(d.words) && d.words.length > 0) return d.words.reduce((a, b) => (b.count > a.count ? b : a)).text;
    return null;
  }

  // An earlier round beside the current one: paired bars per option ("Round 1" over "Round 2"), and for every type the
  // two rounds' totals and key figures side by side.
  function applyCompare(poll, message) {
    const shown = message.compare && message.compare.resultsVisible && message.resultsVisible;
    const earlier = shown ? message.compare : null;
    poll.classList.toggle('comparing', !!earlier);
    poll.querySelectorAll('.bars .bar-row').forEach((li) => {
      const line = li.querySelector('.bar-line.earlier');
      const tag = li.querySelector('.bar-line.now .round-tag');
      if (!line || !tag) return;
      line.hidden = !earlier;
      tag.hidden = !earlier;
      tag.textContent = roundLabel(message.currentRound);
      if (earlier) setLine(line, earlier.counts.find((r) => String(r.optionId) === li.dataset.optionId), earlier.round);
    });
    const box = poll.querySelector('.compare-rounds');
    box.hidden = !earlier;
    if (!earlier) { box.replaceChildren(); return; }
    box.replaceChildren(...[message, earlier].map((r) => {
      const part = document.createElement('p');
      part.className = 'round-summary' + (r === earlier ? ' earlier' : ' now');
      const title = document.createElement('strong');
      title.className = 'compare-title';
      title.textContent = roundLabel(r.round);
      const total = document.createElement('span');
      total.className = 'compare-total';
      total.textContent = (body.dataset.msgVotesTotal || '') + ' ' + format.number(r.total);
      part.append(title, ' ', total);
      const figure = keyFigure(r);
      if (figure) {
        const f = document.createElement('span');
        f.className = 'compare-figure';
        f.textContent = figure;
        part.append(' · ', f);
      }
      return part;
    }));
  }

  function applyResults(message) {
    const poll = pollElement(message.pollId);
    if (!poll || message.round !== message.currentRound) return;
    if (message.version < Number(poll.dataset.version)) return;
    poll.dataset.version = message.version;
    const closing = poll.dataset.status === 'OPEN' && message.status === 'CLOSED'
      && !poll.closest('section.slide').hidden;
    poll.dataset.status = message.status;
    poll.dataset.round = message.currentRound;
    poll.dataset.resultsVisible = String(message.resultsVisible);
    if (message.resultsVisible) showCounts(poll, message.counts, format);
    const table = poll.querySelector('.results-table');
    if (table) table.hidden = !message.resultsVisible || message.counts.length === 0;
    const total = poll.querySelector('.total');
    if (total.textContent !== format.number(message.total) && !poll.closest('section.slide').hidden) {
      announce.say(body.dataset.msgVotes.replace('%s', () => format.number(message.total)));
    }
    const bars = poll.querySelector('.bars');
    if (bars) bars.hidden = !message.resultsVisible || message.counts.length === 0;
    renderTypeResults(poll, message);
    applyCompare(poll, message);
    poll.querySelector('.results-hidden').hidden = message.resultsVisible;
    poll.querySelector('.total').textContent = format.number(message.total);
    poll.querySelector('.total-big').textContent = format.number(message.total);
    poll.querySelector('.round-number').textContent = String(message.currentRound);
    const status = poll.querySelector('.status');
    const state = message.status.charAt(0) + message.status.slice(1).toLowerCase();
    status.textContent = status.dataset['statusText' + state];
    setDeadline(poll, message.remainingMs);
    if (closing && closedAnnounce && body.dataset.msgClosed) {
      const question = poll.closest('section.slide').querySelector('.question');
      closedAnnounce.say(body.dataset.msgClosed.replace('%s', () => (question ? question.textContent.trim() : '')));
    }
    fitShown();
  }

  // The results of the poll types beyond the shared bars, drawn by the type's module from the message's `details`.
  function renderTypeResults(poll, message) {
    const box = poll.querySelector('.type-results');
    if (!box) return;
    box.replaceChildren();
    box.hidden = !message.resultsVisible || !message.details;
    if (message.details) types.get(poll.dataset.type).showResults?.(poll, message);
  }

  document.querySelectorAll('.poll[data-poll-id]').forEach((poll) => {
    setDeadline(poll, poll.dataset.remainingMs === undefined ? null : Number(poll.dataset.remainingMs));
  });

  // A message about one poll that only its type knows.
  function typeMessage(message) {
    const poll = message.pollId !== undefined ? pollElement(message.pollId) : null;
    if (poll && types.get(poll.dataset.type).onMessage) {
      types.get(poll.dataset.type).onMessage(poll, message);
      fitShown();
    }
  }

  return { pollElement, applyResults, typeMessage };
}
