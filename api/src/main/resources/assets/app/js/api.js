// Calls to this phone's drivesync server (the origin that served the app: CSP allows no other).
export const APP_VERSION = 'field-app/1.0.0';

/** An HTTP answer that is not a success; `status` 0 means the network failed. */
export class HttpError extends Error {
  constructor(status, body, retryAfter) {
    super(status ? `HTTP ${status}${body && body.code ? ' ' + body.code : ''}` : 'network unavailable');
    this.status = status;
    this.body = body;
    this.retryAfter = retryAfter;
  }
}

export async function call(method, path, { token, body, headers = {} } = {}) {
  let response;
  try {
    response = await fetch(path, {
      method,
      cache: 'no-store',
      headers: {
        Accept: 'application/json', 'X-App-Version': APP_VERSION, ...headers,
        ...(token ? { Authorization: 'Bearer ' + token } : {}),
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
  } catch (e) {
    throw new HttpError(0, null);
  }
  if (response.status === 304) return { status: 304, body: null, etag: response.headers.get('ETag') };
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
  if (!response.ok) {
    const retry = Number(response.headers.get('Retry-After'));
    throw new HttpError(response.status, json, Number.isFinite(retry) ? retry : undefined);
  }
  return { status: response.status, body: json, etag: response.headers.get('ETag') };
}
