// Times on the organiser's report pages come from the server in UTC (<time datetime="…Z" data-local>, written out
// with "UTC" for readers without scripts). Here each is shown in the browser's own time zone, with the zone named
// ("5. december 2026 03.00.00 CET"), and the UTC time stays in the title.
import { formatLocale } from './locale.js';
const lang = document.documentElement.lang || undefined;
const format = new Intl.DateTimeFormat(formatLocale(lang), { dateStyle: 'long', timeStyle: 'long' });

document.querySelectorAll('time[data-local]').forEach((element) => {
  const at = new Date(element.dateTime);
  if (Number.isNaN(at.getTime())) return;
  element.title = element.textContent;
  element.textContent = format.format(at);
});
