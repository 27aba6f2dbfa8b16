import { EVENTS_PATH } from '../../shared/live';

/** Where the page exchanges the printed address's one-time code for the launch's cookie. */
export const EXCHANGE_PATH = '/api/session';
/** After the server refused a stream outright (EventSource gives up), open a new one this late. */
const REOPEN_MS = 2000;

/**
 * `window.api` for the page served by the browser shell: the same `invoke` the Electron preload
 * exposes, forwarded over HTTP, and `subscribe` for the change notices of /api/events (one
 * EventSource while anyone listens; it reconnects by itself after a lost connection). The
 * address's one-time code (in the fragment, never sent with a page request) is removed from the
 * address bar at once and exchanged for an HttpOnly cookie that no script on the page can read;
 * calls wait for that exchange.
 */
export const SHIM_SOURCE = `(() => {
  const match = /[#&]code=([A-Za-z0-9_-]+)/.exec(location.hash);
  let ready = Promise.resolve();
  if (match) {
    history.replaceState(null, '', location.pathname + location.search);
    ready = fetch('${EXCHANGE_PATH}', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: match[1] }),
    }).then(() => undefined, () => undefined);
  }
  const refused = (code, message) => ({ ok: false, error: { code, message } });
  async function invoke(method, input, options) {
    await ready;
    const opId = options && typeof options.opId === 'string' ? options.opId : undefined;
    let response;
    try {
      response = await fetch('/api/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ method, input, opId }),
      });
    } catch (e) {
      return refused('UNAVAILABLE', 'The desk server is not reachable');
    }
    if (response.status === 403) {
      return refused('SHELL_REFUSED', 'Open the address printed by the server');
    }
    if (response.status === 413) return refused('REQUEST_TOO_LARGE', await response.text());
    if (response.status === 400) return refused('INVALID_INPUT', await response.text());
    return response.json();
  }
  const listeners = new Set();
  let source = null;
  let reopen = null;
  let signedOut = false;
  const emit = (event) => {
    for (const listener of [...listeners]) {
      try { listener(event); } catch (e) { setTimeout(() => { throw e; }); }
    }
  };
  const parsed = (e) => { try { return JSON.parse(e.data); } catch (_) { return null; } };
  function open() {
    reopen = null;
    signedOut = false;
    const current = new EventSource('${EVENTS_PATH}');
    source = current;
    current.addEventListener('hello', (e) => {
      const hello = parsed(e);
      if (!hello) return;
      emit({ type: 'status', status: 'online' });
      emit({ type: 'hello', instance: hello.instance, seq: hello.seq });
    });
    current.addEventListener('notice', (e) => {
      const notice = parsed(e);
      if (notice) emit({ type: 'notice', notice });
    });
    current.addEventListener('signedOut', () => {
      signedOut = true;
      current.close();
      emit({ type: 'status', status: 'signedOut' });
    });
    current.onerror = () => {
      if (signedOut || source !== current) return;
      emit({ type: 'status', status: 'offline' });
      if (current.readyState === EventSource.CLOSED && listeners.size && !reopen) {
        reopen = setTimeout(open, ${REOPEN_MS});
      }
    };
  }
  function subscribe(listener) {
    listeners.add(listener);
    ready.then(() => { if (listeners.size && !source) open(); });
    return () => {
      listeners.delete(listener);
      if (listeners.size) return;
      if (source) source.close();
      source = null;
      if (reopen) clearTimeout(reopen);
      reopen = null;
    };
  }
  Object.defineProperty(window, 'api', {
    value: Object.freeze({ invoke, subscribe }),
    writable: false,
  });
})();
`;
