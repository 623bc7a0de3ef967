// A WebSocket that reconnects by itself with backoff (0.5 s doubling to 10 s, with jitter), and at once when the
// page becomes visible again (a phone waking up). Shows the ".offline" banner while the connection is down.
export function liveSocket(path, onMessage, onOpen) {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const banner = document.querySelector('.offline');
  let socket = null;
  let delay = 500;
  let timer = null;
  let stopped = false;

  function connect() {
    clearTimeout(timer);
    timer = null;
    socket = new WebSocket(scheme + '//' + location.host + path);
    socket.addEventListener('open', () => {
      delay = 500;
      if (banner) banner.hidden = true;
      document.body.dataset.live = 'connected';
      if (onOpen) onOpen();
    });
    socket.addEventListener('message', (event) => {
      let message;
      try { message = JSON.parse(event.data); } catch (e) { return; }
      onMessage(message);
    });
    socket.addEventListener('close', (event) => {
      document.body.dataset.live = 'offline';
      if (event.code === 1008) { stopped = true; }
      if (banner && !stopped) banner.hidden = false;
      if (!stopped) schedule();
    });
  }

  function schedule() {
    if (timer) return;
    const wait = delay * (0.75 + Math.random() / 2);
    delay = Math.min(delay * 2, 10000);
    timer = setTimeout(connect, wait);
  }

  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && !stopped && socket && socket.readyState === WebSocket.CLOSED) {
      connect();
    }
  });
  window.addEventListener('online', () => {
    if (!stopped && socket && socket.readyState === WebSocket.CLOSED) connect();
  });

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
