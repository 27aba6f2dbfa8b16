/** Where the page exchanges the printed address's one-time code for the launch's cookie. */
export const EXCHANGE_PATH = '/api/session';

/**
 * `window.api` for the page served by the browser shell: the same `invoke` the Electron preload
 * exposes, forwarded over HTTP. The address's one-time code (in the fragment, never sent with a
 * page request) is removed from the address bar at once and exchanged for an HttpOnly cookie
 * that no script on the page can read; calls wait for that exchange.
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
  Object.defineProperty(window, 'api', { value: Object.freeze({ invoke }), writable: false });
})();
`;
