import { idempotencyKey } from './live.js';
import { problemCode, problemText } from './problems.js';
import { withdraw } from './withdrawn.js';

/**
 * A command with the talk's presenter key, shared by the speaker console and the audience screen's keys. A network
 * failure is retried (up to three times) with the same Idempotency-Key, so a command that did reach the server is
 * not done twice (two new rounds from one tap). Resolves to the answer's body, or null after a refusal or when the
 * network stays down; `report(text)` is called with the refusal in the page's language, the offline text, or null
 * once the command went through.
 */
export async function presenterCommand({ code, key, method, path, payload, report, offlineText }) {
  const headers = { 'X-Presenter-Key': key, Accept: 'application/json', 'Idempotency-Key': idempotencyKey() };
  if (payload !== undefined) headers['Content-Type'] = 'application/json';
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch('/api/talks/' + encodeURIComponent(code) + path, {
        method, headers, body: payload === undefined ? undefined : JSON.stringify(payload),
      });
      const answer = await response.json().catch(() => ({}));
      if (!response.ok) {
        if (response.status === 403) {
          // The key or login no longer runs this show: stop acting as if it did (withdrawn.js).
          withdraw(key === 'login' ? 'access-withdrawn' : 'key-rotated');
          report(null);
          return null;
        }
        report(problemText(problemCode(answer.type)));
        return null;
      }
      report(null);
      return answer;
    } catch (e) {
      if (attempt >= 3) {
        report(offlineText);
        return null;
      }
      await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
    }
  }
}
