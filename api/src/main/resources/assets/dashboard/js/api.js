// The dashboard's only way to the server: the same JSON API as everyone else, with the session
// token in the Authorization header (never in a URL) and kept for this tab only.
const KEY = "drivesync.session";

export class SessionEnded extends Error {}

export function session() {
  const saved = sessionStorage.getItem(KEY);
  return saved ? JSON.parse(saved) : null;
}

export async function signIn(email, password) {
  const response = await fetch("/api/v1/sessions", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ email, password }),
  });
  const body = await response.json();
  if (!response.ok) {
    throw new Error(body.message || "Sign-in failed");
  }
  if (body.user.role === "participant") {
    throw new Error("Volunteers use the field app; this dashboard is for organisers and staff");
  }
  sessionStorage.setItem(KEY, JSON.stringify({ token: body.token, user: body.user }));
  return session();
}

export async function signOut() {
  const current = session();
  sessionStorage.removeItem(KEY);
  if (current) {
    await fetch("/api/v1/sessions/current", {
      method: "DELETE",
      headers: { Authorization: "Bearer " + current.token },
    }).catch(() => {});
  }
}

/** The server's refusal, with its stable code ("sign_in_required", "not_found"…) and status. */
export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message) || "The server answered " + status);
    this.status = status;
    this.code = body && body.code;
    this.details = body && body.details;
  }
}

function withQuery(path, params) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") {
      query.set(name, value);
    }
  }
  return query.toString() ? path + "?" + query : path;
}

async function call(method, url, body, accept = "application/json") {
  const current = session();
  if (!current) {
    throw new SessionEnded();
  }
  const headers = { Authorization: "Bearer " + current.token, Accept: accept };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
  }
  const response = await fetch(url, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401) {
    sessionStorage.removeItem(KEY);
    throw new SessionEnded();
  }
  if (!response.ok) {
    throw new ApiError(response.status, await response.json().catch(() => null));
  }
  return response;
}

/** GET a JSON resource; a 401 ends the session. */
export async function get(path, params = {}) {
  return (await call("GET", withQuery(path, params))).json();
}

/** POST, PATCH, PUT or DELETE with a JSON body; answers the JSON reply, or null for 204. */
export async function send(method, path, body) {
  const response = await call(method, path, body);
  return response.status === 204 ? null : response.json();
}

/** A file the server sends as an attachment (the CSV export), as a Blob and its file name. */
export async function download(path, params = {}) {
  const response = await call("GET", withQuery(path, params), undefined, "text/csv");
  const disposition = response.headers.get("Content-Disposition") || "";
  const name = /filename="([^"]+)"/.exec(disposition);
  return { blob: await response.blob(), filename: name ? name[1] : "export.csv" };
}
