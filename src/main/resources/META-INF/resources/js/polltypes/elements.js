// Small helpers for the screen's results drawn by the poll type modules. Every text is set with textContent: option
// texts, labels and answers show exactly as typed.
import { formatLocale } from '../locale.js';

/** A new element with a class and a text (both optional). */
export function element(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

/** A number in the page's language with at most one decimal, or a dash for none. */
export function number(value) {
  if (value === null || value === undefined) return '–';
  return new Intl.NumberFormat(formatLocale(), { maximumFractionDigits: 1 }).format(value);
}
