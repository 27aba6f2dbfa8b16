import { TOKEN_HEADER } from './requestGuard';

/**
 * `window.api` for the page served by the browser shell: the same `invoke` the Electron preload
 * exposes, forwarded over HTTP. The token arrives in the address's fragment (never sent to any
 * server), is kept for this tab only, and is removed from the address bar.
 */
export const SHIM_SOURCE = `(() => {
  const KEY = 'isd-token';
  const match = /[#&]token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem(KEY, match[1]);
    history.replaceState(null, '', location.pathname + location.search);
  }
  const token = sessionStorage.getItem(KEY) || '';
  async function invoke(method, input, options) {
    const opId = options && typeof options.opId === 'string' ? options.opId : undefined;
    let response;
    try {
      response = await fetch('/api/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json', '${TOKEN_HEADER}': token },
        body: JSON.stringify({ method, input, opId }),
      });
    } catch (e) {
      return { ok: false, error: { code: 'UNAVAILABLE', message: 'The desk server is not reachable' } };
    }
    if (response.status === 403) {
      return { ok: false, error: { code: 'SHELL_REFUSED', message: 'Open the address printed by the server (with its token)' } };
    }
    return response.json();
  }
  Object.defineProperty(window, 'api', { value: Object.freeze({ invoke }), writable: false });
})();
`;
