// The talk results page: draws each poll's chart (one bar series per round) and vote timeline with Chart.js from the
// data-chart JSON the server wrote into the canvas. The tables beside them hold the same numbers for screen readers
// and for when scripts are off. Texts go to Chart.js as data, which draws them on the canvas as plain text.
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
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: data.labels,
        datasets: (data.rounds || []).map((counts, i) => ({ label: roundLabel(i + 1), data: counts })),
      },
      options: { indexAxis: 'y', animation: false, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
  });
  document.querySelectorAll('canvas.timeline-chart').forEach((canvas) => {
    const data = parse(canvas);
    if (!data || !data.timeline) return;
    new Chart(canvas, {
      type: 'bar',
      data: { labels: data.timeline.labels, datasets: [{ label: text.msgVotes, data: data.timeline.votes }] },
      options: { animation: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
  });
}
