// Which optional endpoints this server has, read once from its OpenAPI description. The console
// offers a control only when the server can do it (the password endpoints arrived after the
// console did; a server without them shows no password buttons rather than buttons that fail).
let paths = null;

export async function load() {
  if (paths === null) {
    paths = await fetch("/api/openapi.json", { headers: { Accept: "application/json" } })
      .then((r) => (r.ok ? r.json() : { paths: {} }))
      .then((d) => {
        schemas = (d.components && d.components.schemas) || {};
        return d.paths || {};
      })
      .catch(() => ({}));
  }
  return paths;
}

/** Whether the server describes `method` on `path` (a template such as /api/v1/users/{id}/unlock). */
export function has(method, path) {
  const item = paths && paths[path];
  return Boolean(item && item[method.toLowerCase()]);
}

let schemas = {};

/** Whether a request body schema (by its component name) has a property. */
export function hasProperty(schema, property) {
  const s = schemas[schema];
  return Boolean(s && s.properties && s.properties[property]);
}
