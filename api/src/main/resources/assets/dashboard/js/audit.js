// Staff only: the integrity signals of the period and a record's full history.
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
    { label: "About", value: (s) => el("span", {}, (s.subjectType === "drive" ? "Drive " : "Volunteer ") + (s.subjectName || ""), " ",
        el("span", { class: "mono" }, "(" + s.subjectId.slice(0, 8) + ")")) },
    { label: "Region", value: (s) => regionNames[s.region] || s.region },
    { label: "What we see", value: (s) => s.description },
    { label: "Records", value: (s) => {
        const ids = s.evidence.recordIds || [];
        return ids.length === 0 ? "—" : el("span", {}, ids.slice(0, 3).map((id) => [
          el("button", { type: "button", class: "link-button", onclick: () => openHistory(id) },
            el("span", { class: "visually-hidden" }, "Show the history of record "), id.slice(0, 8) + "…"), " "]),
          ids.length > 3 ? "and " + (ids.length - 3) + " more" : null);
      } },
  ], answer.signals, "No signals in this period."));
}

export { render as history } from "./history.js";
