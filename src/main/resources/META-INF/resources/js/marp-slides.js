// Draws a Markdown deck's slides with Marp itself (README "Marp fidelity"): the page holds the deck's text for Marp
// (deck/MarpSource: polls as islands, no speaker notes) in [data-marp-markdown]; marp-core (/js/vendor/marp.js, built
// from src/main/marp) renders the whole deck once, so global and carried-over directives apply as in Marp, and each
// [data-marp-slide="n"] box gets slide n: Marp's own <svg> with its fixed canvas (1280×720, or the deck's size), scaled
// to the box. A poll's slide is Marp's too, with the page's poll moved into its island. The server's HTML stays when Marp's slide count differs from the server's (MarpFidelityTest keeps them
// equal). Nothing from the deck runs: Marp keeps only the tags and attributes of its allowlist (marp-entry.js), and the
// HTML is parsed inert (DOMParser) before it is moved into the page.
import { render, activate } from '/js/vendor/marp.js';

/** Draws every [data-marp-slide] box under root; returns the number of slides Marp made, or 0 when it drew nothing. */
export function drawMarp(root = document) {
  const source = document.querySelector('[data-marp-markdown]');
  if (!source) return 0;
  let assets = {};
  try { assets = JSON.parse(source.dataset.marpAssetUrls || '{}'); } catch (e) { /* no uploaded images */ }
  const { html, css } = render(source.dataset.marpMarkdown, { assetBase: source.dataset.marpAssets || null, assets });
  const drawn = new DOMParser().parseFromString(html, 'text/html');
  const slides = [...drawn.querySelectorAll('div.marpit > svg[data-marpit-svg]')];
  const expected = Number(source.dataset.marpCount);
  if (slides.length !== expected) {
    console.warn(`Marp made ${slides.length} slides where the server has ${expected}; showing the server's slides`);
    return 0;
  }
  const style = document.createElement('style');
  style.dataset.marp = '';
  style.textContent = css;
  document.head.append(style);
  for (const box of root.querySelectorAll('[data-marp-slide]')) {
    const svg = slides[Number(box.dataset.marpSlide) - 1];
    if (!svg) continue;
    const marpit = document.createElement('div');
    marpit.className = 'marpit marp-slide';
    marpit.append(document.importNode(svg, true));
    // Marp's ids (slide numbers, heading slugs) would clash with the page's own and with a slide drawn twice.
    for (const e of marpit.querySelectorAll('[id]')) e.removeAttribute('id');
    if (box.hasAttribute('data-marp-poll')) {
      // A poll's slide: what the page drew for the poll (the live poll on the screen, its question and options in a
      // preview) moves into the island Marp left where the poll block stood (deck/MarpSource), so theme, header,
      // footer, page number and the slide's other text are Marp's, and the poll scales with the canvas. The nodes
      // move, not copies: screen-polls.js keeps updating them from the socket.
      const island = marpit.querySelector('[data-poll]');
      if (!island) continue;
      island.classList.add('marp-island');
      island.append(...box.childNodes);
    }
    box.replaceChildren(marpit);
    // The app's own slide type (.slide .content h1 …) is not Marp's: the box stops being .content.
    box.classList.replace('content', 'marp-drawn');
    box.classList.add('marp-drawn');
  }
  activate(document);
  document.documentElement.dataset.marpSlides = String(slides.length);
  return slides.length;
}

drawMarp();
