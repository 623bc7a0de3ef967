import { withdraw } from './withdrawn.js';
// A WebSocket that reconnects by itself with backoff (0.5 s doubling to 10 s, with jitter), and at once when the
// page becomes visible again (a phone waking up) or the browser is back online. Shows the ".offline" banner while the
// connection is down. When the browser reports that the network is gone, the socket is given up at once: a phone
// that lost its network often keeps a dead socket open for minutes, and what is sent into it is lost.
// Heartbeat: a socket can also die without any close frame or browser event (a NAT or proxy forgets it). The page
// sends {"type":"ping"} every 4 s (body data-ping-ms) and the server answers {"type":"pong"}; when nothing at all
// has been heard for 9 s (body data-dead-ms, two missed pongs) the socket is given up and reconnected at once. On
// waking (the page becomes visible, the browser is back online) an open socket is checked at once: a ping that gets
// no answer within 3 s (body data-check-ms) gives it up. All are read at every check, so a test can shorten them.
export function liveSocket(path, onMessage, onOpen) {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const banner = document.querySelector('.offline');
  let socket = null;
  let delay = 500;
  let timer = null;
  let stopped = false;
  let lastHeard = 0;
  let lastPing = 0;
  let checkSent = 0;

  // A socket the server closed for good (1008): a ".revoked" element shows the reason's text from its data attribute
  // (access-withdrawn, signed-out, key-rotated), translated by the page.
  function refused(reason) {
    if (reason) withdraw(reason);
  }

  function showOffline() {
    document.body.dataset.live = 'offline';
    if (banner && !stopped) banner.hidden = false;
  }

  function connect() {
    clearTimeout(timer);
    timer = null;
    const ws = new WebSocket(scheme + '//' + location.host + path);
    socket = ws;
    // Events of a socket that was given up (offline) no longer concern the page.
    ws.addEventListener('open', () => {
      if (ws !== socket) return;
      delay = 500;
      lastHeard = Date.now();
      lastPing = lastHeard;
      if (banner) banner.hidden = true;
      document.body.dataset.live = 'connected';
      if (onOpen) onOpen();
    });
    ws.addEventListener('message', (event) => {
      if (ws !== socket) return;
      lastHeard = Date.now();
      let message;
      try { message = JSON.parse(event.data); } catch (e) { return; }
      if (message.type === 'pong') return;
      onMessage(message);
    });
    ws.addEventListener('close', (event) => {
      if (ws !== socket) return;
      socket = null;
      if (event.code === 1008) { stopped = true; refused(event.reason); }
      showOffline();
      if (!stopped) schedule();
    });
  }

  function schedule() {
    if (timer) return;
    const wait = delay * (0.75 + Math.random() / 2);
    delay = Math.min(delay * 2, 10000);
    timer = setTimeout(connect, wait);
  }

  function down() {
    return !socket || socket.readyState === WebSocket.CLOSED;
  }

  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible' || stopped) return;
    if (down()) {
      connect();
    } else {
      check();
    }
  });
  // Gives the current socket up: its events are ignored from now on.
  function abandon() {
    const old = socket;
    socket = null;
    if (old) {
      try { old.close(1000, 'offline'); } catch (e) { /* already closing */ }
    }
  }

  window.addEventListener('online', () => {
    if (stopped) return;
    if (socket && socket.readyState === WebSocket.OPEN) {
      check();
      return;
    }
    // A connection attempt made while offline may hang: start afresh.
    abandon();
    delay = 500;
    connect();
  });
  window.addEventListener('offline', () => {
    if (stopped) return;
    abandon();
    showOffline();
    // Retry on the backoff too, in case no 'online' event comes.
    schedule();
  });

  function setting(name, fallback) {
    const value = Number(document.body.dataset[name]);
    return value > 0 ? value : fallback;
  }

  // Pings now and expects an answer within data-check-ms: after waking, a socket may be dead without knowing it.
  function check() {
    if (!socket || socket.readyState !== WebSocket.OPEN) return;
    const now = Date.now();
    checkSent = now;
    lastPing = now;
    socket.send(JSON.stringify({ type: 'ping' }));
  }

  function beat() {
    if (socket && socket.readyState === WebSocket.OPEN) {
      const now = Date.now();
      const unanswered = checkSent > lastHeard && now - checkSent > setting('checkMs', 3000);
      if (unanswered || now - lastHeard > setting('deadMs', 9000)) {
        // Silently dead: no close frame will come. Reconnect at once.
        checkSent = 0;
        abandon();
        showOffline();
        delay = 500;
        connect();
      } else if (now - lastPing >= setting('pingMs', 4000)) {
        lastPing = now;
        socket.send(JSON.stringify({ type: 'ping' }));
      }
    }
  }
  setInterval(beat, 1000);

  connect();
  return {
    send(message) {
      if (socket && socket.readyState === WebSocket.OPEN) {
        socket.send(JSON.stringify(message));
        return true;
      }
      return false;
    }
  };
}

// A fresh random key for the Idempotency-Key header of a REST call that changes something: a resend with the same
// key is answered from the first call instead of acting twice (crypto.randomUUID needs HTTPS; this does not).
export function idempotencyKey() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
