// The browser bundle /js/vendor/marp.js (built by build.mjs): Marp itself, with KaTeX, set up as the app needs it.
import { Marp } from '@marp-team/marp-core';
import katexPlugin from '@marp-team/marp-core/plugins/katex';
import { browser } from '@marp-team/marp-core/browser';
import postcss from 'postcss';
import selectorParser from 'postcss-selector-parser';

// A deck's own classes, on its raw HTML (<div class="columns">), on its slides (class: lead, _class: invert) and in its
// CSS (style: directive, <style>, <style scoped>), are kept with a prefix, so no element of a slide can take one of the
// page's classes (.poll, .slide, .join-screen, .badge) nor be found by the page's scripts, and the deck's layout still
// applies as in Marp. The theme's rules for slide classes (section.lead, section.invert) are renamed alike. Classes
// that KaTeX, highlight.js and Marp's emoji write keep their names (a deck's CSS may style them); the page's own
// classes never begin so, nor with mdk- (its marp-island, marp-slide are renamed in a deck's CSS like any other).
const DECK_CLASS_PREFIX = 'mdk-';
const MARP_OWN = /^(katex|hljs|language-|emoji|mjx)/;
const CLASS_NAME = /^-?[_a-zA-Z][_a-zA-Z0-9-]*$/;
const deckClass = (name) => (MARP_OWN.test(name) || name.startsWith(DECK_CLASS_PREFIX) ? name : DECK_CLASS_PREFIX + name);

/** The class attribute of a deck's element (raw HTML or a slide): every valid name prefixed, anything else left out. */
function deckClasses(value) {
  return String(value).split(/\s+/).filter((c) => CLASS_NAME.test(c)).map(deckClass).join(' ');
}

/** Whether a node of a compound selector names the slide: section, :root, :where(section) as Marpit writes it. */
function namesSlide(m) {
  if (m.type === 'tag') return m.value.toLowerCase() === 'section';
  if (m.type !== 'pseudo') return false;
  if (m.value === ':root') return true;
  return /^:(where|is)$/.test(m.value) && m.nodes.length > 0
    && m.nodes.every((sel) => sel.nodes.some((n) => n.type === 'tag' && n.value.toLowerCase() === 'section'));
}

/** Whether a class selector sits in a compound naming the slide itself (section.lead, :root.invert, section:not(.x)). */
function onSlide(node) {
  let n = node;
  while (n.parent && n.parent.parent && n.parent.parent.type === 'pseudo') n = n.parent.parent;
  const selector = n.parent;
  if (!selector || !selector.nodes) return false;
  const at = selector.nodes.indexOf(n);
  let from = at;
  let to = at;
  while (from > 0 && selector.nodes[from - 1].type !== 'combinator') from -= 1;
  while (to < selector.nodes.length - 1 && selector.nodes[to + 1].type !== 'combinator') to += 1;
  for (let k = from; k <= to; k += 1) if (k !== at && namesSlide(selector.nodes[k])) return true;
  return false;
}

const renameAll = selectorParser((root) => root.walkClasses((c) => { c.value = deckClass(c.value); }));
const renameSlideClasses = selectorParser((root) => root.walkClasses((c) => {
  if (onSlide(c)) c.value = deckClass(c.value);
}));

function renameRules(rename) {
  return (root) => root.walkRules((rule) => {
    if (rule.parent && rule.parent.type === 'atrule' && /keyframes$/i.test(rule.parent.name)) return;
    rule.selector = rename.processSync(rule.selector);
  });
}

/** A deck's CSS with its classes renamed as deckClasses renames them; CSS that does not parse is kept as is. */
function deckCss(css) {
  try {
    return postcss([{ postcssPlugin: 'afstemning-deck-classes', Once: renameRules(renameAll) }])
      .process(css, { from: undefined }).css;
  } catch (e) {
    return css;
  }
}

/**
 * The deck's styles (gathered by marpit_style_assign) and its slides' classes (set by marpit_directives_apply, before
 * the advanced backgrounds copy them) are the deck's prefixed ones.
 */
function deckStyles(md) {
  md.core.ruler.after('marpit_style_assign', 'afstemning_deck_classes', (state) => {
    if (state.inlineMode || !md.marpit.lastStyles) return;
    md.marpit.lastStyles = md.marpit.lastStyles.map(deckCss);
  });
  md.core.ruler.after('marpit_directives_apply', 'afstemning_slide_classes', (state) => {
    if (state.inlineMode) return;
    for (const token of state.tokens) {
      const value = token.meta && token.meta.marpitDirectives && token.attrGet('class');
      if (value) token.attrSet('class', deckClasses(value));
    }
  });
}

/** The packed CSS (theme and deck): the theme's rules for slide classes (section.lead) name the prefixed classes. */
const slideClassesInThemes = { postcssPlugin: 'afstemning-slide-classes', Once: renameRules(renameSlideClasses) };

// The raw HTML a deck may hold: the tags and attributes jsoup's relaxed safelist kept before Marp drew the slides
// (deck/DeckParser), plus the poll island and the harmless rest of Marp's default allowlist (below), each with the
// deck's own classes (deckClasses). Marp's own sanitiser (xss) drops everything else, event handlers included;
// URLs go through Marp's own check (its default allowlist's), which refuses javascript: and other schemes.
const URL = Marp.html.a.href;
const tags = (names) => Object.fromEntries(names.map((n) => [n, {}]));
const ALLOWED = {
  ...tags(['b', 'br', 'caption', 'cite', 'dd', 'dl', 'dt', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'i', 'li', 'p',
    'pre', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'tbody', 'tfoot', 'thead', 'tr', 'u', 'code']),
  a: { href: URL, title: true },
  blockquote: { cite: URL },
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
  // Marp's attributes for them. Media (audio, video, picture, source) stays out: the CSP would refuse it anyway.
  ...tags(['abbr', 'address', 'article', 'aside', 'bdi', 'bdo', 'big', 'center', 'figcaption', 'figure', 'hr', 'kbd',
    'mark', 'nav', 'rp', 'rt', 'ruby', 's', 'section', 'summary', 'wbr']),
  del: { cite: URL, datetime: true },
  details: { open: true },
  ins: { cite: URL, datetime: true },
  time: { datetime: true },
};
const HTML = Object.fromEntries(Object.entries(ALLOWED).map(([tag, attrs]) => [tag, { ...attrs, class: deckClasses }]));

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
  marp.use(deckStyles);
  marp.use(slideClassesInThemes);
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
