// When this window may no longer run the show: the server closed its presenter socket for good (access withdrawn,
// signed out, key changed) or refused a command with 403 (a login that may no longer present, an old key). From then
// on the window is a screen that follows: every control is disabled, keys move nothing, the show goes back to the
// server's slide (show.js), and the ".revoked" banner says why in the page's language. A reload asks again.
let withdrawnNow = false;

/** True once the window has lost the right to run the show. */
export function isWithdrawn() {
  return withdrawnNow;
}

/** Withdraws the window's controls; `reason` names the banner's text (access-withdrawn, signed-out, key-rotated). */
export function withdraw(reason = 'access-withdrawn') {
  const note = document.querySelector('.revoked');
  const key = String(reason).replace(/-([a-z])/g, (m, c) => c.toUpperCase());
  if (note && note.dataset[key]) {
    note.textContent = note.dataset[key];
    note.hidden = false;
  }
  if (withdrawnNow) return;
  withdrawnNow = true;
  document.body.dataset.withdrawn = 'true';
  document.querySelectorAll('button, input, select, textarea').forEach((control) => {
    if (!control.closest('.theme-toggle, .fullscreen-toggle, .keep-when-withdrawn')) control.disabled = true;
  });
}
