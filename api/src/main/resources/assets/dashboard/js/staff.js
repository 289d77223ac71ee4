// Staff tasks: the CSV export, the follow-up work list (every look is audited with its reason),
// data subjects' erasure and access requests, and the audit trail with its verification.
import * as api from "./api.js";
import { el, replace, table } from "./dom.js";
import { button, input, message, select } from "./forms.js";
import { addDays, dateTime, isoDate, language, shortId } from "./format.js";

const $ = (id) => document.getElementById(id);
const GROUPINGS = [
  ["local_authority,drive", "Council and drive"], ["region,week", "Region and week"],
  ["region,outcome", "Region and outcome"], ["local_authority", "Council"],
  ["drive,participant", "Drive and volunteer"], ["region,language", "Region and language"],
];
const OUTCOMES = {
  registered_on_site: "Registered on the spot", pledged: "Pledged to register",
  already_registered: "Already registered", not_eligible: "Not eligible", declined: "Declined",
  follow_up: "Asked for a follow-up",
};

let drawn = false;

export async function render(ctx) {
  if (!drawn) {
    replace($("staff-tasks"), exportPanel(ctx), followUpPanel(ctx), subjectPanel(ctx), erasurePanel(ctx), auditPanel(ctx));
    drawn = true;
  }
}

/** Forgets the drawn panels (sign-out), so the next person starts with empty forms. */
export function reset() {
  drawn = false;
  replace($("staff-tasks"));
}

function panel(id, title, ...children) {
  return el("section", { class: "panel", "aria-labelledby": id }, el("h2", { id, tabindex: "-1" }, title), children);
}

function exportPanel(ctx) {
  const today = isoDate(new Date());
  const grouping = select("Rows", GROUPINGS);
  const from = input("From", { type: "date", value: addDays(today, -83), required: true });
  const to = input("To", { type: "date", value: today, required: true });
  const result = el("div", { "aria-live": "polite" });
  const form = el("form", { id: "export-form", novalidate: true },
    el("p", { class: "note" }, "Exact figures for the region chosen above, as a spreadsheet file (UTF-8 CSV). Every export is audited."),
    el("div", { class: "filters" }, grouping.node, from.node, to.node,
      button("Download CSV", null, { type: "submit" })), result);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      const file = await api.download("/api/v1/metrics/export.csv", {
        groupBy: grouping.control.value, from: from.control.value, to: to.control.value, region: ctx.region(),
      });
      const url = URL.createObjectURL(file.blob);
      const link = el("a", { href: url, download: file.filename }, file.filename);
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
      message(result, "Downloaded " + file.filename + ".");
    } catch (error) {
      ctx.onError(error, (text) => message(result, text, true));
    }
  });
  return panel("export-title", "Export figures", form);
}

function followUpPanel(ctx) {
  const reason = input("Why you need these contacts", { required: true, wide: true,
    hint: "Recorded in the audit trail with the records you see. Name no one, e.g. “Calling back pledges from the Leeds fair”." });
  const result = el("div", {});
  const list = el("div", { id: "follow-up-list" });
  let rows = [];
  const draw = (next) => {
    const drives = new Map((ctx.drives || []).map((d) => [d.id, d.name]));
    replace(list, table("Follow-ups to make", [
      { label: "Name", value: (f) => f.name },
      { label: "Contact", value: (f) => f.channel + ": " + f.contact },
      { label: "Language", value: (f) => language(f.language) },
      { label: "Drive", value: (f) => drives.get(f.driveId) || shortId(f.driveId) },
      { label: "Council", value: (f) => ctx.councilNames[f.localAuthority] || f.localAuthority },
      { label: "Outcome", value: (f) => OUTCOMES[f.outcome] || f.outcome },
      { label: "Asked", value: (f) => dateTime(f.capturedAt) },
      { label: "Actions", value: (f) => el("div", { class: "actions" },
          button("Done", () => settle(f, "done", "marked done"), { class: "button button-small", label: "Done: " + f.name }),
          button("Withdrew consent", () => settle(f, "withdrawal", "erased: consent withdrawn"),
            { class: "button button-small button-quiet", label: "Withdrew consent: " + f.name })) },
    ], rows, "No follow-ups are waiting."),
    next ? button("Show more", () => load(next), { class: "button button-quiet" }) : null);
  };
  const settle = async (followUp, action, what) => {
    try {
      await api.send("POST", "/api/v1/follow-ups/" + followUp.recordId + "/" + action, {});
      rows = rows.filter((r) => r.recordId !== followUp.recordId);
      message(result, followUp.name + ": " + what + ".");
      draw(null);
    } catch (error) {
      ctx.onError(error, (text) => message(result, text, true));
    }
  };
  const load = async (after) => {
    try {
      if (!ctx.drives) {
        ctx.drives = await api.get("/api/v1/drives");
      }
      const page = await api.get("/api/v1/follow-ups", { reason: reason.control.value.trim(), region: ctx.region(), after });
      rows = after ? rows.concat(page.followUps) : page.followUps;
      message(result, "");
      draw(page.next);
    } catch (error) {
      ctx.onError(error, (text) => message(result, text, true));
    }
  };
  const form = el("form", { novalidate: true }, el("div", { class: "filters" }, reason.node,
    button("Show the work list", null, { type: "submit" })), result, list);
  form.addEventListener("submit", (event) => { event.preventDefault(); load(null); });
  return panel("follow-ups-title", "Follow-up work list", form);
}

function contactFields(withRecord) {
  const kinds = [["phone", "Phone number"], ["email", "Email address"]];
  if (withRecord) {
    kinds.push(["recordId", "Record id"]);
  }
  const kind = select("Find the person by", kinds);
  const value = input("Their phone number, email or record id", { required: true, wide: true });
  return { kind, value, body: () => ({ [kind.control.value]: value.control.value.trim() }) };
}

function subjectPanel(ctx) {
  const fields = contactFields(false);
  const result = el("div", { "aria-live": "polite" });
  const form = el("form", { novalidate: true },
    el("p", { class: "note" }, "For a subject access request: everything drivesync holds about the person who gave this contact."),
    el("div", { class: "filters" }, fields.kind.node, fields.value.node, button("Find what we hold", null, { type: "submit" })), result);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      const report = await api.send("POST", "/api/v1/privacy/access-requests", fields.body());
      replace(result,
        el("p", {}, "Found " + report.followUps.length + " follow-up(s)" + (report.account ? " and an account (" + report.account.name + ")" : "") + ", " + dateTime(report.generatedAt) + "."),
        table("What we hold", [
          { label: "Name given", value: (f) => f.name || "(erased)" },
          { label: "Contact", value: (f) => f.contact ? f.channel + ": " + f.contact : "(erased)" },
          { label: "Drive", value: (f) => f.conversation ? f.conversation.driveName : "—" },
          { label: "When", value: (f) => f.conversation?.recordedAt ? dateTime(f.conversation.recordedAt) : dateTime(f.capturedAt) },
          { label: "Outcome", value: (f) => OUTCOMES[f.conversation?.outcome] || f.conversation?.outcome || "—" },
          { label: "Status", value: (f) => f.withdrawnAt ? "consent withdrawn" : f.doneAt ? "done " + dateTime(f.doneAt) : "held" },
        ], report.followUps, "Nothing held for this contact."),
        (report.notes || []).map((n) => el("p", { class: "note" }, n)));
    } catch (error) {
      ctx.onError(error, (text) => message(result, text, true));
    }
  });
  return panel("access-title", "Subject access request", form);
}

function erasurePanel(ctx) {
  const fields = contactFields(true);
  const result = el("div", { "aria-live": "polite" });
  const form = el("form", { novalidate: true },
    el("p", { class: "note" }, "Erases the person's follow-up contacts at once. The anonymous record of the conversation stays."),
    el("div", { class: "filters" }, fields.kind.node, fields.value.node,
      button("Erase their contacts", null, { type: "submit", class: "button button-warning" })), result);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      const report = await api.send("POST", "/api/v1/privacy/erasure", fields.body());
      message(result, "Erased " + report.followUpsErased + " follow-up contact(s)"
        + (report.accountMatched ? ". The email also belongs to a drivesync account, which this does not touch." : "."));
    } catch (error) {
      ctx.onError(error, (text) => message(result, text, true));
    }
  });
  return panel("erasure-title", "Erasure request", form);
}

function auditPanel(ctx) {
  const action = input("Action (optional)", { hint: "For example user.create, conflict.resolve, metrics.export." });
  const from = input("From", { type: "date" });
  const to = input("To", { type: "date" });
  const result = el("div", { "aria-live": "polite" });
  const list = el("div", { id: "audit-list" });
  let after = 0;
  const load = async (more) => {
    try {
      const page = await api.get("/api/v1/audit", {
        action: action.control.value.trim(), from: from.control.value ? from.control.value + "T00:00:00Z" : null,
        to: to.control.value ? addDays(to.control.value, 1) + "T00:00:00Z" : null, after: more ? after : 0, limit: 100,
      });
      after = page.next || after;
      replace(list, table("Audit events, oldest first", [
        { label: "No.", value: (e) => String(e.seq), numeric: true },
        { label: "When", value: (e) => dateTime(e.occurredAt) },
        { label: "Who", value: (e) => e.actorName || (e.actorDeviceName ? "phone “" + e.actorDeviceName + "”" : e.actorUserId ? shortId(e.actorUserId) : "the system") },
        { label: "Action", value: (e) => e.action },
        { label: "About", value: (e) => e.entityType.replaceAll("_", " ") + " " + (e.entityName || shortId(e.entityId)) },
        { label: "Details", value: (e) => el("span", { class: "mono" }, JSON.stringify(e.details)) },
      ], page.events, "No events match."),
      page.next ? button("Next 100 events", () => load(true), { class: "button button-quiet" }) : null);
    } catch (error) {
      ctx.onError(error, (text) => message(result, text, true));
    }
  };
  const form = el("form", { novalidate: true },
    el("div", { class: "filters" }, action.node, from.node, to.node, button("Show events", null, { type: "submit" })));
  form.addEventListener("submit", (event) => { event.preventDefault(); load(false); });
  const verify = button("Verify the audit chain", async () => {
    message(result, "Checking every event's hash…");
    try {
      const check = await api.get("/api/v1/audit/verify");
      message(result, check.intact
        ? "The audit chain is intact: " + check.rowsChecked.toLocaleString("en-GB") + " events checked."
        : "The audit chain is broken at event " + check.firstBrokenSeq + ": " + check.problem, !check.intact);
    } catch (error) {
      ctx.onError(error, (text) => message(result, text, true));
    }
  }, { class: "button button-quiet" });
  return panel("audit-trail-title", "Audit trail", el("p", { class: "note" },
    "The audit trail covers every region; the region chosen above does not filter it."),
    form, el("div", { class: "actions" }, verify), result, list);
}
