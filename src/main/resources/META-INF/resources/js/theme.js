// Light or dark projector screen: the system's preference (prefers-color-scheme) until the presenter chooses with the
// T key or the button; the choice is remembered in this browser (localStorage).
const root = document.documentElement;
const STORE = 'afstemning-theme';
const buttons = Array.from(document.querySelectorAll('.theme-toggle'));

function dark() {
  return root.dataset.theme ? root.dataset.theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
}

function apply(theme) {
  if (theme === 'dark' || theme === 'light') root.dataset.theme = theme;
  // The button names what it switches to: "Light mode" on a dark screen, "Dark mode" on a light one.
  buttons.forEach((b) => { b.textContent = dark() ? b.dataset.light : b.dataset.dark; });
}

function toggle() {
  const next = dark() ? 'light' : 'dark';
  try { localStorage.setItem(STORE, next); } catch (e) { /* not remembered, still switched */ }
  apply(next);
}

let stored = null;
try { stored = localStorage.getItem(STORE); } catch (e) { /* no storage: follow the system */ }
apply(stored);
matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => apply(root.dataset.theme));
buttons.forEach((b) => b.addEventListener('click', toggle));
document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.altKey || event.metaKey) return;
  if (event.target.closest && event.target.closest('input, textarea, select')) return;
  if (event.key === 't' || event.key === 'T') {
    toggle();
    event.preventDefault();
  }
});
