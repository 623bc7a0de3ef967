// Usage: NODE_PATH=target/marp/node_modules node marp-html.js deck.md out.html
// marp-core's own HTML for a deck (as Marp's viewer shows it: one slide at a time, on a black window), to compare the
// app's screen with side by side (README "Marp fidelity"); ?slide=N in the URL picks the slide.
const fs = require('fs');
const path = require('path');
const { Marp } = require('@marp-team/marp-core');
const katex = require('@marp-team/marp-core/plugins/katex').default;
const [deck, out] = process.argv.slice(2);
const fonts = 'file://' + path.join(path.dirname(require.resolve('katex/package.json')), 'dist', 'fonts') + '/';
// Emoji as Unicode, as the app draws them: Marp's default twemoji images come from a CDN this machine may not reach.
// Marp's default html allowlist, as Marp CLI renders without --html (other tags are shown as text), and its inline
// browser script (the auto-scaling of <!--fit--> headings and of code blocks), as Marp CLI's HTML has it.
const marp = new Marp({ math: { lib: 'katex', katexFontPath: fonts },
  emoji: { shortcode: true, unicode: false } }).use(katex());
const rendered = marp.render(fs.readFileSync(deck, 'utf8'));
// The gaia theme's Lato and Roboto Mono from the same Fontsource files the app serves (src/main/marp/build.mjs),
// not from fonts.bunny.net, which this machine may not reach (open the page with --allow-file-access-from-files).
const fontsource = (name, weight) => 'file://' + path.join(path.dirname(require.resolve(`@fontsource/${name}/package.json`)),
  weight + '.css');
const local = [['lato', 400], ['lato', 900], ['roboto-mono', 400], ['roboto-mono', 700]]
  .map(([name, weight]) => `@import "${fontsource(name, weight)}";`).join('');
const css = rendered.css.replace(/@import\s+(?:url\(\s*)?["']?https:\/\/fonts\.bunny\.net\/[^;]*;/, local);
const html = rendered.html;
fs.writeFileSync(out, `<!doctype html><meta charset="utf-8"><style>${css}
html, body { margin: 0; height: 100%; background: #000; }
div.marpit { height: 100%; } div.marpit > svg { display: block; width: 100%; height: 100%; }
</style>${html}<script>
const n = Number(new URLSearchParams(location.search).get('slide') || 1);
document.querySelectorAll('div.marpit > svg').forEach((s, i) => { if (i + 1 !== n) s.style.display = 'none'; });
</script>`);
