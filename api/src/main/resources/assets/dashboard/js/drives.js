// Drives: plan one at a council, assign volunteers, activate it on the day, close it afterwards
// (and see which phones may still hold records of it that have not been synced).
import * as api from "./api.js";
import { el, replace, table } from "./dom.js";
import * as features from "./features.js";
import { button, checkboxes, input, message, select } from "./forms.js";
import { ago, dateTime, longDate } from "./format.js";
import * as people from "./people.js";

const $ = (id) => document.getElementById(id);
const VENUES = [
  ["community_centre", "Community centre"], ["place_of_worship", "Place of worship"],
  ["college_or_university", "College or university"], ["market_or_street", "Market or street"],
  ["workplace", "Workplace"], ["online", "Online"], ["other", "Other"],
];
const STATUS = { planned: "Planned", active: "Active", closed: "Closed" };

export async function render(ctx) {
  await features.load();
  const [drives, everyone] = await Promise.all([
    api.get("/api/v1/drives", { region: ctx.region() }),
    people.load(ctx),
  ]);
  ctx.drives = drives;
  const names = new Map(everyone.map((p) => [p.id, p.name]));
  const canWrite = ctx.user.role === "organiser" || ctx.user.role === "admin";
  const formBox = $("drive-form-box");
  if (canWrite && !formBox.hasChildNodes()) {
    formBox.append(button("Plan a drive", () => openForm(ctx)));
  }
  replace($("drive-list"), table("Drives" + (ctx.region() ? " in " + ctx.regionNames[ctx.region()] : ""), [
    { label: "Drive", value: (d) => d.name },
    { label: "Council", value: (d) => d.localAuthorityName || ctx.councilNames[d.localAuthority] || d.localAuthority },
    { label: "Region", value: (d) => ctx.regionNames[d.region] || d.region },
    { label: "Dates", value: (d) => longDate(d.startsOn) + " to " + longDate(d.endsOn) },
    { label: "Status", value: (d) => STATUS[d.status] || d.status },
    { label: "Volunteers", value: (d) => d.participantIds.length === 0 ? "none yet"
        : d.participantIds.map((id) => names.get(id) || "a volunteer outside your regions").join(", ") },
    { label: "Actions", value: (d) => canWrite
        ? button("Manage", () => manage(ctx, d), { class: "button button-small", label: "Manage " + d.name })
        : "—" },
  ], drives, "No drives in this region yet."));
}

function volunteersOf(ctx, region, chosen = []) {
  return ctx.people
    .filter((p) => p.role === "participant" && (p.active || chosen.includes(p.id))
      && (!region || (p.regions || []).includes(region)))
    .map((p) => [p.id, p.name + (p.trainedOn ? "" : " (training not recorded)")]);
}

function openForm(ctx) {
  const box = $("drive-form-box");
  const regions = ctx.region() ? ctx.mine.filter((r) => r.code === ctx.region()) : ctx.mine;
  const councils = regions.flatMap((r) => r.councils.map((c) => [c.code, c.name + " (" + r.name + ")"]))
    .sort((a, b) => a[1].localeCompare(b[1], "en-GB"));
  const name = input("Drive name", { required: true, hint: "People see this on their phones, e.g. “Spring fair, Alum Rock”." });
  const council = select("Council", councils);
  const venue = select("Venue", VENUES);
  const starts = input("First day", { type: "date", required: true });
  const ends = input("Last day", { type: "date", required: true });
  const assignBox = el("div", {});
  let assigned = checkboxes("Volunteers", []);
  const drawVolunteers = () => {
    const region = regions.find((r) => r.councils.some((c) => c.code === council.control.value));
    assigned = checkboxes("Volunteers at this drive", volunteersOf(ctx, region?.code), [],
      "No active volunteers in this council's region yet: add them under People.");
    replace(assignBox, assigned.node);
  };
  council.control.addEventListener("change", drawVolunteers);
  const result = el("div", {});
  const form = el("form", { class: "panel", "aria-labelledby": "drive-form-title", novalidate: true },
    el("h2", { id: "drive-form-title", tabindex: "-1" }, "Plan a drive"),
    name.node, council.node, venue.node, el("div", { class: "filters" }, starts.node, ends.node),
    assignBox, result,
    el("div", { class: "actions" }, button("Plan the drive", null, { type: "submit" }),
      button("Cancel", () => replace(box), { class: "button button-quiet" })));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      const drive = await api.send("POST", "/api/v1/drives", {
        name: name.control.value.trim(), localAuthority: council.control.value,
        venueType: venue.control.value, startsOn: starts.control.value || null,
        endsOn: ends.control.value || null, participantIds: assigned.value(),
      });
      replace(box);
      await render(ctx);
      $("drives-status").textContent = "Planned " + drive.name + " at " + (drive.localAuthorityName || drive.localAuthority) + ".";
    } catch (error) {
      ctx.onError(error, (text) => message(result, text, true));
    }
  });
  replace(box, form);
  drawVolunteers();
  form.querySelector("h2").focus();
}

function manage(ctx, drive) {
  const box = $("drive-detail");
  const assigned = checkboxes("Volunteers at " + drive.name, volunteersOf(ctx, drive.region, drive.participantIds),
    drive.participantIds, "No volunteers in this region yet.");
  const result = el("div", {});
  const pending = el("div", {});
  const patch = async (body, done) => {
    try {
      const saved = await api.send("PATCH", "/api/v1/drives/" + drive.id, body);
      await render(ctx);
      $("drives-status").textContent = done(saved);
      manage(ctx, { ...drive, ...saved });
      if (saved.devicesMayHoldRecords) {
        showPending(document.getElementById("drive-pending"), saved.devicesMayHoldRecords, true);
      }
    } catch (error) {
      ctx.onError(error, (text) => message(result, text, true));
    }
  };
  const steps = [];
  if (drive.status !== "closed") {
    steps.push(button("Save volunteers", () => patch({ participantIds: assigned.value() },
      (d) => "Saved the volunteers of " + d.name + ".")));
  }
  if (drive.status === "planned") {
    steps.push(button("Activate the drive", () => patch({ status: "active" }, (d) => d.name + " is active.")));
  }
  if (drive.status === "active") {
    steps.push(button("Close the drive", () => patch({ status: "closed" }, (d) => d.name + " is closed."),
      { class: "button button-warning" }));
  }
  steps.push(button("Close this panel", () => replace(box), { class: "button button-quiet" }));
  replace(box, el("section", { class: "panel", "aria-labelledby": "drive-detail-title" },
    el("h2", { id: "drive-detail-title", tabindex: "-1" }, drive.name),
    el("p", {}, (drive.localAuthorityName || drive.localAuthority) + ", " + longDate(drive.startsOn) + " to "
      + longDate(drive.endsOn) + ". Status: " + (STATUS[drive.status] || drive.status) + "."),
    drive.status === "closed" ? null : assigned.node, result,
    el("div", { class: "actions" }, steps),
    el("div", { id: "drive-pending" }, pending)));
  $("drive-detail-title").focus();
  if (features.has("get", "/api/v1/drives/{id}/devices-pending")) {
    api.get("/api/v1/drives/" + drive.id + "/devices-pending")
      .then((answer) => showPending(document.getElementById("drive-pending"), answer.devices, drive.status === "closed"))
      .catch(() => {});
  }
}

/** Phones that have recorded at this drive and may hold records not yet synced. */
function showPending(box, devices, closed) {
  if (!box) {
    return;
  }
  replace(box, el("h3", {}, "Phones that may still hold records"),
    table("Phones that may still hold records of this drive", [
      { label: "Volunteer", value: (d) => d.participantName || "—" },
      { label: "Last sync", value: (d) => d.lastPushAt ? dateTime(d.lastPushAt) + " (" + ago(d.lastPushAt) + ")" : "never" },
    ], devices || [], closed
      ? "Every phone has synced since this drive closed: nothing is waiting."
      : "No phone is holding records of this drive."));
}
