// The browser bundle /js/vendor/marp.js (built by build.mjs): Marp itself, with KaTeX, set up as the app needs it.
import { Marp } from '@marp-team/marp-core';
import katexPlugin from '@marp-team/marp-core/plugins/katex';
import { browser } from '@marp-team/marp-core/browser';

// The raw HTML a deck may hold: the tags and attributes jsoup's relaxed safelist kept before Marp drew the slides
// (deck/DeckParser), plus the poll island and the harmless rest of Marp's default allowlist (below). Marp's own sanitiser (xss) drops everything else, event handlers included;
// URLs go through Marp's own check (its default allowlist's), which refuses javascript: and other schemes.
const URL = Marp.html.a.href;
const tags = (names) => Object.fromEntries(names.map((n) => [n, {}]));
const HTML = {
  ...tags(['b', 'br', 'caption', 'cite', 'dd', 'dl', 'dt', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'i', 'li', 'p',
    'pre', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'tbody', 'tfoot', 'thead', 'tr', 'u']),
  a: { href: URL, title: true },
  blockquote: { cite: URL },
  code: { class: true },
  col: { span: true, width: true },
  colgroup: { span: true, width: true },
  div: { 'data-poll': true },
  img: { align: true, alt: true, height: true, src: Marp.html.img.src, title: true, width: true },
  ol: { start: true, type: true },
  q: { cite: URL },
  table: { summary: true, width: true },
  td: { abbr: true, axis: true, colspan: true, rowspan: true, width: true, align: true },
  th: { abbr: true, axis: true, colspan: true, rowspan: true, scope: true, width: true, align: true },
  ul: { type: true },
  // Marp's own default allowlist (Marp CLI without --html) has these too, so decks written for it use them: kept with
  // Marp's attributes for them, less class (the page's own CSS classes stay the page's). Media (audio, video, picture,
  // source) stays out: the CSP would refuse it anyway.
  ...tags(['abbr', 'address', 'article', 'aside', 'bdi', 'bdo', 'big', 'center', 'figcaption', 'figure', 'hr', 'kbd',
    'mark', 'nav', 'rp', 'rt', 'ruby', 's', 'section', 'summary', 'wbr']),
  del: { cite: URL, datetime: true },
  details: { open: true },
  ins: { cite: URL, datetime: true },
  time: { datetime: true },
};

const ABSOLUTE = /^([A-Za-z][A-Za-z0-9+.-]*:|\/|#)/;

/**
 * Image paths relative to the deck (img/a.png) start with assetBase, as the server rewrites them (DeckParser): before
 * Marpit reads an image's src and keywords (marpit_parse_image), so backgrounds get the rewritten path too.
 */
function assetPaths(md, { assetBase, assets }) {
  md.inline.ruler2.before('marpit_parse_image', 'afstemning_assets', (state) => {
    if (!assetBase && !Object.keys(assets).length) return;
    for (const t of state.tokens) {
      const src = t.type === 'image' && t.attrGet('src');
      if (!src || ABSOLUTE.test(src)) continue;
      const uploaded = assets[assetName(src)];
      if (uploaded) t.attrSet('src', uploaded);
      else if (assetBase) t.attrSet('src', assetBase + src.replace(/^\.\//, ''));
    }
  });
}

/** A relative path as an uploaded image's stored name (deck/DeckAssets.name): decoded, no ./, a/.. folded. */
function assetName(src) {
  let path = src;
  try { path = decodeURIComponent(src); } catch (e) { /* as written */ }
  const parts = [];
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

/**
 * Renders a whole deck as Marp does: {html, css, comments}; one <section> per slide inside
 * div.marpit > svg > foreignObject. Math by KaTeX with the app's own fonts; emoji as Unicode (no CDN); the themes'
 * Lato and Roboto Mono from the app (themeFonts), not from fonts.bunny.net.
 */
export function render(markdown, { assetBase = null, assets = {}, fontPath = '/js/vendor/katex/fonts/',
  themeFonts = '/js/vendor/fonts/marp-fonts.css' } = {}) {
  const marp = new Marp({
    html: HTML,
    script: false,
    math: { lib: 'katex', katexFontPath: fontPath },
    emoji: { shortcode: true, unicode: false },
  }).use(katexPlugin());
  marp.use(assetPaths, { assetBase, assets: assets || {} });
  const rendered = marp.render(markdown);
  return { ...rendered, css: localFonts(rendered.css, themeFonts) };
}

// The themes' remote fonts (gaia: @import "https://fonts.bunny.net/css?family=Lato…") are the app's own copies
// (build.mjs), so no request leaves the app's host and the CSP (font-src 'self') refuses none.
const REMOTE_FONTS = /@import\s+(?:url\(\s*)?["']?https:\/\/fonts\.bunny\.net\/[^;]*;/g;

export function localFonts(css, themeFonts) {
  let first = true;
  return css.replace(REMOTE_FONTS, () => {
    const local = first ? `@import "${themeFonts}";` : '';
    first = false;
    return local;
  });
}

/** Starts Marp's browser helper (the <!--fit--> auto-scaling elements) for everything under root. */
export function activate(root) {
  return browser(root);
}

export const version = '5.0.2';
