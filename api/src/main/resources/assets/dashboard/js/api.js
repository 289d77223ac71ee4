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

/** GET a JSON resource; a 401 ends the session. */
export async function get(path, params = {}) {
  const current = session();
  if (!current) {
    throw new SessionEnded();
  }
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") {
      query.set(name, value);
    }
  }
  const url = query.toString() ? path + "?" + query : path;
  const response = await fetch(url, {
    headers: { Authorization: "Bearer " + current.token, Accept: "application/json" },
  });
  if (response.status === 401) {
    sessionStorage.removeItem(KEY);
    throw new SessionEnded();
  }
  const body = await response.json();
  if (!response.ok) {
    throw new Error(body.message || "The server answered " + response.status);
  }
  return body;
}
