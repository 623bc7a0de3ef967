// The chart of a question across talks: one bar group per option (or per value or bin of a scale or slider), one bar per talk and one for the pooled total.
// Chart.js (WebJar, loaded before this module) draws it from the JSON API; the table on the page has the same numbers.
import { wrapLabel } from './chart-labels.js';
import { formatLocale } from './locale.js';

const body = document.body;
const canvas = document.getElementById('question-chart');

async function draw() {
  const response = await fetch(body.dataset.api, { headers: { Accept: 'application/json' } });
  if (!response.ok || !window.Chart) {
    return;
  }
  const q = await response.json();
  const percent = (stat) => stat.options.map((o) => Math.round(o.share * 1000) / 10);
  // A legend entry is one line that Chart.js cannot wrap: long talk titles are cut with "…" (the table names them).
  const short = (text, max = 40) => (text.length > max ? text.slice(0, max - 1) + '…' : text);
  // The date as the table writes it ("14. marts 2023", "14 March 2023"), not the API's ISO form.
  const dates = new Intl.DateTimeFormat(formatLocale(), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const written = (iso) => dates.format(new Date(iso + 'T00:00:00Z'));
  // The title is cut, never the date: re-runs of one deck share their title and differ by date (and venue).
  const label = (t) => (t.date ? short(t.title, 24) + ' · ' + written(t.date) : short(t.title, 40))
    + (t.venue ? ' · ' + short(t.venue, 16) : '');
  const datasets = q.talks.map((t) => ({ label: label(t), data: percent(t.stat) }));
  datasets.push({ label: body.dataset.pooled, data: percent(q.pooled) });
  // A fixed height instead of a 2:1 aspect ratio, so that a phone's chart has room for its bars and wrapped labels.
  canvas.parentElement.style.position = 'relative';
  canvas.parentElement.style.height = '22rem';
  new window.Chart(canvas, {
    type: 'bar',
    data: { labels: q.pooled.options.map((o) => wrapLabel(o.text)), datasets },
    options: {
      animation: false, maintainAspectRatio: false,
      scales: { x: { ticks: { autoSkip: false } },
        y: { min: 0, max: 100, title: { display: true, text: body.dataset.axis } } },
      // The tooltip names the option in full, however its axis label was wrapped or cut.
      plugins: { tooltip: { callbacks: { title: (items) => (items.length ? q.pooled.options[items[0].dataIndex].text : '') } } },
    },
  });
}

draw();
