// The locale whose conventions a page's language uses, as the server's LocaleFormats does: da-DK for Danish, en-GB
// otherwise. So English dates read "2 November 2022" and clocks "16:26" everywhere, in the page and in its scripts.
export function formatLocale(lang = document.documentElement.lang) {
  return String(lang || '').toLowerCase().startsWith('da') ? 'da-DK' : 'en-GB';
}
