// The server's refusals (RFC 9457 problems over REST, `error` messages over the sockets) shown in the page's language:
// chosen by the problem's code, the slug at the end of its type (`urn:afstemning:problem:poll-closed` → poll-closed),
// from the texts the page carries in #problem-texts (tags/problemTexts.html). A code without a text of its own gets
// the generic one. The server's `detail` stays English and is meant for developers, so it is never shown.
const texts = document.getElementById('problem-texts')?.dataset || {};

/** The code of a problem body's `type` (its last `:`-separated part), or '' without one. */
export function problemCode(type) {
  return String(type || '').split(':').pop();
}

/** The page-language text for a problem code ('poll-closed'), or the generic text for an unknown code. */
export function problemText(code) {
  const key = 'msg' + String(code || '').split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  return (code && texts[key]) || texts.msgGeneric || '';
}
