// Writes marp-expected.json: per deck, Marp's slide count, separator lines, titles and notes.
const { execFileSync } = require('child_process');
const path = require('path');
const files = process.argv.slice(2);
const raw = JSON.parse(execFileSync('node', [path.join(__dirname, 'marp-slides.js'), ...files], { encoding: 'utf8' }));
const out = {};
for (const [name, d] of Object.entries(raw)) {
  out[name] = { count: d.count, lines: d.slides.map(s => s.line), titles: d.slides.map(s => s.title), notes: d.slides.map(s => s.notes) };
}
console.log(JSON.stringify(out, null, 2));
