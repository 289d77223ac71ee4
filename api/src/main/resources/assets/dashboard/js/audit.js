// Staff only: the integrity signals of the period and a record's full history.
import { get } from "./api.js";
import { el, replace, table } from "./dom.js";
import { longDate } from "./format.js";

const KINDS = {
  burst: "Quick run of records",
  outside_drive_dates: "Outside the drive's dates",
  before_enrolment: "Before the phone was enrolled",
  outcome_mix: "Unusual outcome mix",
  late_edits: "Edited long after",
  clock_skew: "Phone clock out of line",
};

export function signals(container, answer, openHistory, regionNames) {
  replace(container, table("Integrity signals, " + longDate(answer.from) + " to " + longDate(answer.to), [
    { label: "Signal", value: (s) => KINDS[s.kind] || s.kind },
    { label: "About", value: (s) => el("span", {}, s.subjectType + " ", el("span", { class: "mono" }, s.subjectId.slice(0, 8) + "…")) },
    { label: "Region", value: (s) => regionNames[s.region] || s.region },
    { label: "What we see", value: (s) => s.description },
    { label: "Records", value: (s) => {
        const ids = s.evidence.recordIds || [];
        return ids.length === 0 ? "—" : el("span", {}, ids.slice(0, 3).map((id) => [
          el("button", { type: "button", class: "link-button", onclick: () => openHistory(id),
            "aria-label": "Show the history of record " + id }, id.slice(0, 8) + "…"), " "]),
          ids.length > 3 ? "and " + (ids.length - 3) + " more" : null);
      } },
  ], answer.signals, "No signals in this period."));
}

export async function history(container, recordId) {
  replace(container, el("p", { class: "note" }, "Loading the history of " + recordId + "…"));
  try {
    const h = await get("/api/v1/audit/records/" + encodeURIComponent(recordId) + "/history");
    const r = h.current;
    replace(container,
      el("p", {}, "Record ", el("span", { class: "mono" }, r.id), " at ", r.driveName,
        " — version " + r.version + (r.deleted ? ", deleted" : "") +
        (r.flags.length ? ", flagged " + r.flags.join(", ") : "")),
      table("Versions of record " + r.id.slice(0, 8), [
        { label: "Version", value: (v) => String(v.version), numeric: true },
        { label: "Merge", value: (v) => v.mergeStatus },
        { label: "Author", value: (v) => el("span", {}, v.authorRole + " ", el("span", { class: "mono" }, v.authorId.slice(0, 8))) },
        { label: "Phone", value: (v) => v.deviceId ? el("span", { class: "mono" }, v.deviceId.slice(0, 8)) : "—" },
        { label: "Recorded (phone clock)", value: (v) => v.recordedAt || "—" },
        { label: "Received", value: (v) => v.receivedAt },
        { label: "Changed", value: (v) => v.version === 1 ? "created" : v.changedFields.join(", ") || "nothing" },
        { label: "Outcome", value: (v) => (v.record && v.record.outcome) || "—" },
      ], h.versions),
      table("Conflicts on record " + r.id.slice(0, 8), [
        { label: "Version", value: (c) => String(c.version), numeric: true },
        { label: "Reason", value: (c) => c.reason },
        { label: "Fields", value: (c) => c.fields.map((f) => f.field + ": " + JSON.stringify(f.yours) + " vs " + JSON.stringify(f.theirs)).join("; ") },
        { label: "Raised", value: (c) => c.createdAt },
        { label: "Resolution", value: (c) => c.resolvedAt ? "resolved " + c.resolvedAt + " " + JSON.stringify(c.resolution) : "open" },
      ], h.conflicts, "No conflicts on this record."));
  } catch (error) {
    replace(container, el("p", { class: "error", role: "alert" }, error.message));
  }
}
