// The dashboard's panels, drawn from /api/v1/metrics answers.
import { el, replace, table } from "./dom.js";
import { ago, change, count, longDate, rate } from "./format.js";

export const OUTCOMES = [
  ["registered_on_site", "Registered on the spot", "registeredOnSite"],
  ["pledged", "Pledged to register", "pledged"],
  ["already_registered", "Already registered", "alreadyRegistered"],
  ["not_eligible", "Not eligible", "notEligible"],
  ["declined", "Declined", "declined"],
  ["follow_up", "Asked for a follow-up", "followUps"],
];

const KPIS = [
  ["contacts", "Contacts", false],
  ["registeredOnSite", "Registered on site", false],
  ["pledged", "Pledged", false],
  ["eligibleReached", "Eligible reached", false],
  ["registrationRate", "Registration rate", true],
];

export function kpis(container, current, previous, days) {
  // A period with no contacts at all is no baseline: "+1,215 vs the previous 84 days" would
  // only say that recording started.
  const previousEmpty = previous.totals.contacts === 0;
  replace(container, KPIS.map(([key, label, isRate]) => {
    const now = current.totals[key];
    const before = previous.totals[key];
    const delta = previousEmpty ? null : change(now, before, isRate);
    const changeText = delta === null
      ? el("p", { class: "kpi-change" }, previousEmpty
          ? "No data for the previous " + days + " days to compare with"
          : "No comparison with the previous " + days + " days")
      : el("p", { class: "kpi-change" },
          el("span", { class: delta.direction > 0 ? "up" : delta.direction < 0 ? "down" : null },
            el("span", { "aria-hidden": "true" }, delta.direction > 0 ? "▲ " : delta.direction < 0 ? "▼ " : "■ "),
            delta.text),
          " vs the previous " + days + " days");
    return el("div", { class: "kpi", id: "kpi-" + key },
      el("p", { class: "kpi-label" }, label),
      el("p", { class: "kpi-value", "data-value": String(now) }, isRate ? rate(now) : count(now)),
      changeText);
  }));
}

export function outcomes(container, summary) {
  const rows = new Map(summary.rows.map((row) => [row.outcome, row.contacts]));
  const numbers = [...rows.values()].filter((v) => typeof v === "number");
  const max = Math.max(1, ...numbers);
  replace(container, el("ul", { class: "bars", "aria-label": "Conversations by outcome" },
    OUTCOMES.map(([code, label]) => {
      const value = rows.has(code) ? rows.get(code) : 0;
      const fill = el("div", { class: "bar-fill" });
      fill.style.width = (typeof value === "number" ? (100 * value) / max : 2) + "%";
      return el("li", { "data-outcome": code },
        el("span", {}, label),
        el("span", { class: "bar-track", "aria-hidden": "true" }, fill),
        el("span", { class: "bar-value" }, count(value)));
    })));
}

function metricColumns() {
  return [
    { label: "Contacts", value: (r) => count(r.contacts), numeric: true },
    { label: "Registered", value: (r) => count(r.registeredOnSite), numeric: true },
    { label: "Pledged", value: (r) => count(r.pledged), numeric: true },
    { label: "Already registered", value: (r) => count(r.alreadyRegistered), numeric: true },
    { label: "Not eligible", value: (r) => count(r.notEligible), numeric: true },
    { label: "Declined", value: (r) => count(r.declined), numeric: true },
    { label: "Follow-ups", value: (r) => count(r.followUps), numeric: true },
    { label: "Eligible reached", value: (r) => count(r.eligibleReached), numeric: true },
    { label: "Registration rate", value: (r) => rate(r.registrationRate), numeric: true },
  ];
}

export function councils(container, summary) {
  const names = summary.labels.local_authority || {};
  replace(container, table("Outreach by council",
    [{ label: "Council", value: (r) => names[r.local_authority] || r.local_authority }, ...metricColumns()],
    summary.rows));
}

export function drives(container, summary) {
  const councilNames = summary.labels.local_authority || {};
  const driveNames = summary.labels.drive || {};
  replace(container, table("Outreach by drive",
    [{ label: "Drive", value: (r) => driveNames[r.drive] || r.drive },
     { label: "Council", value: (r) => councilNames[r.local_authority] || r.local_authority },
     ...metricColumns()],
    summary.rows));
}

export function staleDevices(container, devices) {
  replace(container, table("Phones not synced for 7 days or more", [
    { label: "Phone", value: (d) => d.name },
    { label: "Volunteer", value: (d) => d.ownerName },
    { label: "Last sync", value: (d) => ago(d.lastPushAt || d.lastPullAt) },
    { label: "Enrolled", value: (d) => longDate(d.enrolledAt) },
    { label: "App version", value: (d) => d.appVersion },
  ], devices, "Every phone has synced in the last 7 days."));
}

export function flagged(container, records, openHistory) {
  replace(container, table("Records flagged for review", [
    { label: "Record", value: (r) => openHistory
        ? el("button", { type: "button", class: "link-button", onclick: () => openHistory(r.id) },
            el("span", { class: "visually-hidden" }, "Show the history of record "), r.id.slice(0, 8) + "…")
        : el("span", { class: "mono" }, r.id) },
    { label: "Drive", value: (r) => r.driveName },
    { label: "Flags", value: (r) => el("span", {}, r.flags.map((f) => el("span", { class: "flag" }, f.replaceAll("_", " ")))) },
    { label: "Recorded", value: (r) => longDate(r.recordedAt) },
    { label: "Last changed", value: (r) => longDate(r.updatedAt) },
  ], records, "No flagged records in these regions."));
}
