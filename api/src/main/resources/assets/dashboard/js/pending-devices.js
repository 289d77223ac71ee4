// Phones that may still hold records of recently closed drives (docs/sync-protocol.md, "Late
// records"): their volunteers have until the date shown to sync, after which records wait in
// quarantine for staff. Self-contained: it mounts itself on #pending-devices whenever the
// dashboard appears or its filters are applied, and reads only the public API.
import { get, session } from "./api.js";
import { el, replace, table } from "./dom.js";
import { ago, longDate } from "./format.js";

const MOUNT = "pending-devices";
const MAX_DRIVES = 20;

async function load(container) {
  if (!session() || session().user.role === "participant") {
    return;
  }
  const region = document.getElementById("region")?.value || "";
  replace(container, el("p", { class: "note" }, "Checking closed drives…"));
  try {
    const closed = (await get("/api/v1/drives", { region, status: "closed" })).slice(0, MAX_DRIVES);
    const answers = await Promise.all(closed.map((drive) =>
      get("/api/v1/drives/" + encodeURIComponent(drive.id) + "/devices-pending")
        .then((pending) => ({ drive, pending }))));
    const now = Date.now();
    const rows = answers
      .filter(({ pending }) => pending.lateRecordsUntil && new Date(pending.lateRecordsUntil) > now)
      .flatMap(({ drive, pending }) => pending.devices.map((device) => ({ drive, pending, device })));
    replace(container, table("Phones that may still hold records of closed drives", [
      { label: "Volunteer", value: (r) => r.device.participantName },
      { label: "Drive", value: (r) => r.drive.name },
      { label: "Phone", value: (r) => el("span", { class: "mono" }, r.device.deviceId.slice(0, 8) + "…") },
      { label: "Last sync", value: (r) => ago(r.device.lastPushAt) },
      { label: "Sync by", value: (r) => longDate(r.pending.lateRecordsUntil) },
    ], rows, "Every phone has synced since its drives closed."));
  } catch (error) {
    replace(container, el("p", { class: "error" }, "Could not check closed drives: " + error.message));
  }
}

function start() {
  const container = document.getElementById(MOUNT);
  const dashboard = document.getElementById("dashboard");
  if (!container || !dashboard) {
    return;
  }
  const refresh = () => { if (!dashboard.hidden) { load(container); } };
  new MutationObserver(refresh).observe(dashboard, { attributes: true, attributeFilter: ["hidden"] });
  document.getElementById("filters")?.addEventListener("submit", refresh);
  document.getElementById("region")?.addEventListener("change", refresh);
  refresh();
}

start();
