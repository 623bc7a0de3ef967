// The talk results page: draws each poll's chart (one bar series per round) and vote timeline with Chart.js from the
// data-chart JSON the server wrote into the canvas. The tables beside them hold the same numbers for screen readers
// and for when scripts are off. Texts go to Chart.js as data, which draws them on the canvas as plain text.
import { wrapLabel } from './chart-labels.js';
import { formatLocale } from './locale.js';

// A timeline bucket comes as "2026-12-05 11:14:00 UTC"; the axis shows it as the page's language writes a time, in
// the browser's zone as the page's other times (js/local-times.js), not in the API's form.
const clock = new Intl.DateTimeFormat(formatLocale(), { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit',
  second: '2-digit', timeZoneName: 'short' });
function bucketTime(label) {
  const time = new Date(String(label).replace(' UTC', 'Z').replace(' ', 'T'));
  return Number.isNaN(time.getTime()) ? label : clock.format(time);
}

const Chart = window.Chart;
const text = document.body.dataset;

function roundLabel(round) {
  return String(text.msgRound || 'Round %s').replace('%s', String(round));
}

function parse(canvas) {
  try {
    return JSON.parse(canvas.dataset.chart || '{}');
  } catch {
    return null;
  }
}

if (Chart) {
  document.querySelectorAll('canvas.results-chart').forEach((canvas) => {
    const data = parse(canvas);
    if (!data) return;
    const labels = (data.labels || []).map(wrapLabel);
    // Height from the label lines and bars, since the chart no longer keeps a fixed aspect ratio: wrapped labels
    // need room whatever the width (a phone's chart is as tall as a projector's).
    const rounds = Math.max(1, (data.rounds || []).length);
    const rows = labels.reduce((h, l) => h + Math.max(Array.isArray(l) ? l.length * 16 : 16, rounds * 14) + 14, 0);
    canvas.parentElement.style.position = 'relative';
    canvas.parentElement.style.height = Math.max(160, rows + 70) + 'px';
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels,
        datasets: (data.rounds || []).map((counts, i) => ({ label: roundLabel(i + 1), data: counts })),
      },
      options: {
        indexAxis: 'y', animation: false, maintainAspectRatio: false,
        // Every option keeps its label: Chart.js would otherwise skip labels that wrapped onto several lines.
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } }, y: { ticks: { autoSkip: false } } },
        // The tooltip names the option in full, however its axis label was wrapped or cut.
        plugins: { tooltip: { callbacks: { title: (items) => (items.length ? data.labels[items[0].dataIndex] : '') } } },
      },
    });
  });
  document.querySelectorAll('canvas.timeline-chart').forEach((canvas) => {
    const data = parse(canvas);
    if (!data || !data.timeline) return;
    new Chart(canvas, {
      type: 'bar',
      data: { labels: data.timeline.labels.map(bucketTime), datasets: [{ label: text.msgVotes, data: data.timeline.votes }] },
      options: { animation: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
  });
}
