import { element, number } from './elements.js';

// The screen's results of the number types (scale, slider): columns for the distribution or histogram, with the end
// labels and mean/median under them.

/** Draws the results' columns into the poll's .type-results box. */
export function showColumns(poll, results) {
  const box = poll.querySelector('.type-results');
  const details = results.details;
  const most = Math.max(1, ...details.bars.map((b) => b.count));
  const chart = element('div', 'columns');
  details.bars.forEach((bar) => {
    const column = element('div', 'column');
    column.dataset.from = bar.from;
    const fill = element('span', 'column-bar');
    fill.style.height = Math.round((bar.count / most) * 100) + '%';
    column.append(element('span', 'column-count', bar.count), fill,
      element('span', 'column-label', bar.from === bar.to ? bar.from : bar.from + '–' + bar.to));
    chart.append(column);
  });
  box.append(chart);
  if (details.low || details.high) {
    const poles = element('div', 'poles');
    poles.append(element('span', 'pole low', details.low || ''), element('span', 'pole high', details.high || ''));
    box.append(poles);
  }
  const stats = element('p', 'stats');
  stats.append(element('span', null, box.dataset.msgMean + ' '), element('strong', 'mean', number(details.mean)),
    element('span', null, ' · ' + box.dataset.msgMedian + ' '), element('strong', 'median', number(details.median)));
  box.append(stats);
}

/** On the phone: the mean and the median in one line. */
export function phoneSummary(box, results, t) {
  const stats = element('p', 'stats');
  stats.append(element('span', null, t.msgMean + ' '), element('strong', 'mean', number(results.details.mean)),
    element('span', null, ' · ' + t.msgMedian + ' '), element('strong', 'median', number(results.details.median)));
  box.append(stats);
}
