// Usage: node marp-slides.js deck.md ...  -> JSON per deck: slide count, separator line, title and notes per slide
const fs = require('fs');
const path = require('path');
const { Marp } = require('@marp-team/marp-core');
// Math as the app's Marp bundle has it (src/main/marp: marp-core with its KaTeX plugin; npm install katex beside it).
const katex = require('@marp-team/marp-core/plugins/katex');
const out = {};
for (const file of process.argv.slice(2)) {
  const md = fs.readFileSync(file, 'utf8');
  const marp = new Marp({ html: true }).use((katex.default || katex)());
  // The directives Marp CLI adds to marp-core (its metadata and transitions): directives, not notes, there too.
  for (const key of ['title', 'description', 'author', 'image', 'keywords', 'url'])
    marp.customDirectives.global[key] = v => ({ [key]: v });
  marp.customDirectives.local.transition = v => ({ transition: v });
  const { html, comments } = marp.render(md);
  const tokens = marp.markdown.parse(md, {});
  const slides = [];
  let cur = null, inHeading = false;
  for (const t of tokens) {
    if (t.type === 'marpit_slide_open') { cur = { line: t.map ? t.map[0] + 1 : null, title: null }; slides.push(cur); }
    else if (t.type === 'heading_open') inHeading = true;
    else if (t.type === 'heading_close') inHeading = false;
    else if (inHeading && t.type === 'inline' && cur && cur.title === null)
      cur.title = t.children.filter(c => ['text', 'code_inline', 'marp_emoji', 'marp_unicode_emoji', 'marp_math_inline'].includes(c.type)).map(c => c.type === 'marp_math_inline' ? '$' + c.content + '$' : c.content).join('').trim();
  }
  slides.forEach((s, i) => { s.notes = comments[i].join('\n\n'); });
  out[path.basename(file)] = { count: slides.length, sections: (html.match(/<section\b[^>]*>/g) || []).length, slides };
}
console.log(JSON.stringify(out, null, 1));
