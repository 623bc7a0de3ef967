// A polite live region (role=status) that screen readers read out. say(text) puts the text in it. With a minimum
// interval, a text that comes sooner waits until the interval has passed, and only the latest waiting text is said:
// live vote counts would otherwise flood a screen reader with numbers.
import { formatLocale } from './locale.js';
export function announcer(element, minIntervalMs = 0) {
  let last = -Infinity;
  let timer = null;
  let waiting = null;

  function flush() {
    timer = null;
    if (waiting === null || !element) return;
    element.textContent = waiting;
    waiting = null;
    last = Date.now();
  }

  return {
    say(text) {
      waiting = text;
      if (timer) return;
      const wait = last + minIntervalMs - Date.now();
      if (wait <= 0) flush();
      else timer = setTimeout(flush, wait);
    },
  };
}

// Formats numbers as the page's language writes them: 1.234,5 in Danish, 1,234.5 in English.
export function numbers() {
  const lang = document.documentElement.lang || undefined;
  const plain = new Intl.NumberFormat(formatLocale(lang));
  const percent = new Intl.NumberFormat(formatLocale(lang), { style: 'percent' });
  return {
    number: (n) => plain.format(Number(n)),
    // Whole percent (67 for 67 %), with the language's percent sign.
    percent: (p) => percent.format(Number(p) / 100),
  };
}
