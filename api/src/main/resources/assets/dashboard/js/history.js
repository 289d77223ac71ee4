// A record's history for the people who may read it (staff; organisers of its region): every
// version with who sent it from which phone, and every conflict with how it was settled.
import { get } from "./api.js";
import { el, replace, table } from "./dom.js";
import { dateTime, shortId } from "./format.js";

export const FIELD_NAMES = {
  outcome: "Outcome", ageBand: "Age band", language: "Language", firstTimeRegistrant: "First-time registrant",
  guidance: "Guidance", recordedAt: "Recorded at", driveId: "Drive", deleted: "Deleted", followUp: "Follow-up",
};
const fieldName = (f) => FIELD_NAMES[f] || f;
const MERGE = { applied: "applied", merged: "merged", conflict: "conflict", correction: "correction" };

export function value(v) {
  if (v === null || v === undefined) {
    return "(empty)";
  }
  return typeof v === "object" ? JSON.stringify(v) : String(v);
}

function person(name, id) {
  return el("span", { title: id || null }, name || "someone", " ", el("span", { class: "mono" }, "(" + shortId(id) + ")"));
}

export async function render(container, recordId) {
  replace(container, el("p", { class: "note" }, "Loading the history of record " + shortId(recordId) + "…"));
  try {
    const h = await get("/api/v1/records/" + encodeURIComponent(recordId) + "/history");
    const r = h.current;
    replace(container,
      el("p", {}, "Record ", el("span", { class: "mono" }, r.id), " at ", r.driveName,
        r.localAuthorityName ? " (" + r.localAuthorityName + ")" : "",
        ", recorded by ", r.recordedByName || "someone",
        " — version " + r.version + (r.deleted ? ", deleted" : "") +
        (r.flags.length ? ", flagged " + r.flags.join(", ").replaceAll("_", " ") : "")),
      table("Versions of record " + shortId(r.id), [
        { label: "Version", value: (v) => String(v.version), numeric: true },
        { label: "Merge", value: (v) => MERGE[v.mergeStatus] || v.mergeStatus },
        { label: "Author", value: (v) => person(v.authorName, v.authorId) },
        { label: "Phone", value: (v) => v.deviceId ? v.deviceName || shortId(v.deviceId) : "— (web)" },
        { label: "Recorded (phone clock)", value: (v) => v.recordedAt ? dateTime(v.recordedAt) : "—" },
        { label: "Received", value: (v) => dateTime(v.receivedAt) },
        { label: "Changed", value: (v) => v.version === 1 ? "created" : v.changedFields.map(fieldName).join(", ") || "nothing" },
        { label: "Outcome", value: (v) => (v.record && v.record.outcome) || "—" },
      ], h.versions),
      table("Conflicts on record " + shortId(r.id), [
        { label: "Version", value: (c) => String(c.version), numeric: true },
        { label: "Reason", value: (c) => c.reason },
        { label: "Raised by", value: (c) => person(c.authorName, c.authorId) },
        { label: "Fields", value: (c) => c.fields.map((f) => fieldName(f.field) + ": " + value(f.yours) + " (overwrote " + value(f.theirs) + ")").join("; ") },
        { label: "Raised", value: (c) => dateTime(c.createdAt) },
        { label: "Resolution", value: (c) => c.resolvedAt
            ? (c.resolution?.choice || "").replaceAll("_", " ") + " by " + (c.resolvedByName || "someone") + ", " + dateTime(c.resolvedAt)
            : "open" },
      ], h.conflicts, "No conflicts on this record."));
  } catch (error) {
    replace(container, el("p", { class: "error", role: "alert" }, error.message));
  }
}
