// Phones: every enrolled phone in scope, when it last synced, which are stale, and revoking one
// that is lost or was handed back (its next request is refused).
import * as api from "./api.js";
import { el, replace, table } from "./dom.js";
import { button } from "./forms.js";
import { ago, dateTime } from "./format.js";
import * as people from "./people.js";

const $ = (id) => document.getElementById(id);
const STALE_DAYS = 7;

function lastSync(device) {
  const times = [device.lastPushAt, device.lastPullAt].filter(Boolean).sort();
  return times.length ? times[times.length - 1] : null;
}

function stale(device) {
  const last = lastSync(device) || device.enrolledAt;
  return !device.revokedAt && Date.now() - new Date(last).getTime() > STALE_DAYS * 86400000;
}

export async function render(ctx) {
  const [devices, everyone] = await Promise.all([api.get("/api/v1/devices"), people.load(ctx)]);
  const regionsOf = new Map(everyone.map((p) => [p.id, p.regions || []]));
  const region = ctx.region();
  const shown = devices.filter((d) => !region || (regionsOf.get(d.userId) || []).includes(region));
  const canRevoke = ctx.user.role === "organiser" || ctx.user.role === "admin";
  const staleCount = shown.filter(stale).length;
  replace($("phone-list"),
    el("p", {}, staleCount === 0 ? "Every phone has synced in the last " + STALE_DAYS + " days."
      : staleCount + (staleCount === 1 ? " phone has" : " phones have") + " not synced for " + STALE_DAYS + " days or more."),
    table("Phones" + (region ? " in " + ctx.regionNames[region] : ""), [
      { label: "Phone", value: (d) => d.name },
      { label: "Volunteer", value: (d) => d.ownerName || "—" },
      { label: "Enrolled", value: (d) => dateTime(d.enrolledAt) },
      { label: "Last sync", value: (d) => lastSync(d) ? dateTime(lastSync(d)) + " (" + ago(lastSync(d)) + ")" : "never" },
      { label: "State", value: (d) => d.revokedAt ? "Revoked " + dateTime(d.revokedAt)
          : stale(d) ? el("span", { class: "flag flag-warn" }, "Not synced for " + STALE_DAYS + "+ days") : "In use" },
      { label: "App version", value: (d) => d.appVersion || "—" },
      { label: "Actions", value: (d) => canRevoke && !d.revokedAt
          ? button("Revoke", () => revoke(ctx, d), { class: "button button-small button-warning",
              label: "Revoke " + d.name + " of " + (d.ownerName || "this volunteer") })
          : "—" },
    ], shown, "No phones enrolled in this region yet."));
}

async function revoke(ctx, device) {
  try {
    await api.send("DELETE", "/api/v1/devices/" + device.id);
    await render(ctx);
    $("phones-status").textContent = device.name + " of " + device.ownerName + " is revoked: it can no longer sync.";
  } catch (error) {
    ctx.onError(error, (text) => { $("phones-status").textContent = "Could not revoke: " + text; });
  }
}
