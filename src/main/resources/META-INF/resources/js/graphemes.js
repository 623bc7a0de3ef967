// User-visible characters (extended grapheme clusters), as the server counts them (text/Graphemes, ICU4J): every
// counter on the pages uses this one, so "👩🏽‍💻" is one character on the phone as in deck texts, answers and notes.
export function characters(text) {
  if (typeof Intl !== 'undefined' && Intl.Segmenter) {
    let n = 0;
    for (const _ of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) n++;
    return n;
  }
  return Array.from(text).length;
}
