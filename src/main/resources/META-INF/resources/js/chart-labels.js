// Option labels for Chart.js axes (the talk page's and the question page's charts): a long label wraps into lines
// instead of being clipped at the chart's edge; the tooltip and the table beside the chart keep the whole text.

/** Longest line of an option label on the chart's axis, in characters; longer labels wrap at spaces. */
const LINE = 32;
/** Most lines of a label on the axis; the rest is cut with "…" (the tooltip and the table keep the whole text). */
const LINES = 3;

/**
 * An option label as the lines Chart.js draws for it (an array draws as several lines), so that a long label wraps
 * beside its bar instead of being clipped at the chart's left edge.
 */
export function wrapLabel(text) {
  const words = String(text).split(/\s+/).filter((w) => w !== '');
  const lines = [];
  let line = '';
  for (let word of words) {
    while (word.length > LINE) {
      if (line) { lines.push(line); line = ''; }
      lines.push(word.slice(0, LINE - 1) + '-');
      word = word.slice(LINE - 1);
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= LINE) line += ' ' + word;
    else { lines.push(line); line = word; }
  }
  if (line) lines.push(line);
  if (lines.length > LINES) {
    const last = lines[LINES - 1];
    lines.length = LINES;
    lines[LINES - 1] = (last.length >= LINE ? last.slice(0, LINE - 1) : last) + '…';
  }
  return lines.length > 1 ? lines : (lines[0] || '');
}
