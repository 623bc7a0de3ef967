// The browser bundle /js/vendor/marp.js (built by build.mjs): Marp itself, with KaTeX, set up as the app needs it.
import { Marp } from '@marp-team/marp-core';
import katexPlugin from '@marp-team/marp-core/plugins/katex';
import { browser } from '@marp-team/marp-core/browser';

// The raw HTML a deck may hold: the tags and attributes jsoup's relaxed safelist kept before Marp drew the slides
// (deck/DeckParser), plus the poll island. Marp's own sanitiser (xss) drops everything else, event handlers included.
const NONE = [];
const HTML = {
  a: ['href', 'title'], b: NONE, blockquote: ['cite'], br: NONE, caption: NONE, cite: NONE, code: ['class'],
  col: ['span', 'width'], colgroup: ['span', 'width'], dd: NONE, div: ['data-poll'], dl: NONE, dt: NONE, em: NONE,
  h1: NONE, h2: NONE, h3: NONE, h4: NONE, h5: NONE, h6: NONE, i: NONE,
  img: ['align', 'alt', 'height', 'src', 'title', 'width'], li: NONE, ol: ['start', 'type'], p: NONE, pre: NONE,
  q: ['cite'], small: NONE, span: NONE, strike: NONE, strong: NONE, sub: NONE, sup: NONE,
  table: ['summary', 'width'], tbody: NONE, td: ['abbr', 'axis', 'colspan', 'rowspan', 'width', 'align'], tfoot: NONE,
  th: ['abbr', 'axis', 'colspan', 'rowspan', 'scope', 'width', 'align'], thead: NONE, tr: NONE, u: NONE, ul: ['type'],
};

const ABSOLUTE = /^([A-Za-z][A-Za-z0-9+.-]*:|\/|#)/;

/** Image paths relative to the deck (img/a.png) start with assetBase, as the server rewrites them (DeckParser). */
function assetPaths(md, assetBase) {
  md.core.ruler.after('inline', 'afstemning_assets', (state) => {
    if (!assetBase) return;
    const walk = (tokens) => {
      for (const t of tokens || []) {
        if (t.type === 'image') {
          const src = t.attrGet('src');
          if (src && !ABSOLUTE.test(src)) t.attrSet('src', assetBase + src.replace(/^\.\//, ''));
        }
        walk(t.children);
      }
    };
    walk(state.tokens);
  });
}

/**
 * Renders a whole deck as Marp does: {html, css, comments}; one <section> per slide inside
 * div.marpit > svg > foreignObject. Math by KaTeX with the app's own fonts; emoji as Unicode (no CDN).
 */
export function render(markdown, { assetBase = null, fontPath = '/js/vendor/katex/fonts/' } = {}) {
  const marp = new Marp({
    html: HTML,
    script: false,
    math: { lib: 'katex', katexFontPath: fontPath },
    emoji: { shortcode: true, unicode: false },
  }).use(katexPlugin());
  marp.use(assetPaths, assetBase);
  return marp.render(markdown);
}

/** Starts Marp's browser helper (the <!--fit--> auto-scaling elements) for everything under root. */
export function activate(root) {
  return browser(root);
}

export const version = '5.0.2';
