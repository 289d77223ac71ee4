// The review queue: both values of each conflicting field side by side, the record's history,
// and the three ways to settle it.
import * as api from "./api.js";
import { el, replace, table } from "./dom.js";
import { button, message } from "./forms.js";
import { dateTime, shortId } from "./format.js";
import * as history from "./history.js";

const $ = (id) => document.getElementById(id);
const { FIELD_NAMES } = history;
const REASONS = {
  fields: "Two phones changed the same fields",
  deleted: "Changed on one phone after it was deleted on another",
  delete_supersedes_edits: "Deleted on one phone after edits on another",
};

export async function render(ctx) {
  const conflicts = await api.get("/api/v1/conflicts", { region: ctx.region() });
  const canResolve = ctx.user.role === "organiser" || ctx.user.role === "admin";
  const box = $("conflict-list");
  if (conflicts.length === 0) {
    replace(box, el("p", { class: "empty" }, "Nothing to review" + (ctx.region() ? " in " + ctx.regionNames[ctx.region()] : "") + "."));
    return;
  }
  replace(box, el("p", {}, conflicts.length + (conflicts.length === 1 ? " conflict waits" : " conflicts wait") + " for review, oldest first."),
    conflicts.map((c) => card(ctx, c, canResolve)));
}

function card(ctx, conflict, canResolve) {
  const titleId = "conflict-" + conflict.id;
  const result = el("div", {});
  const settle = async (body, what) => {
    try {
      await api.send("POST", "/api/v1/conflicts/" + conflict.id + "/resolve", body);
      await render(ctx);
      $("conflicts-status").textContent = "Settled the conflict on record " + shortId(conflict.recordId) + ": " + what + ".";
      $("conflicts-title").focus();
    } catch (error) {
      ctx.onError(error, (text) => message(result, text, true));
    }
  };
  const fields = conflict.reason === "fields" ? conflict.fields : [];
  const choices = fields.map((f, i) => {
    const name = "choice-" + conflict.id + "-" + i;
    const option = (side, label, v, checked) => {
      const id = name + "-" + side;
      return el("div", { class: "check" },
        el("input", { type: "radio", id, name, value: side, checked }),
        el("label", { for: id }, label + ": " + history.value(v)));
    };
    return { field: f, node: el("fieldset", { class: "checks" },
      el("legend", {}, FIELD_NAMES[f.field] || f.field),
      option("yours", "Now on the record", f.yours, true),
      option("theirs", "Overwritten", f.theirs, false)) };
  });
  const chooseForm = el("form", { class: "choose", hidden: true, "aria-label": "Choose the values for record " + shortId(conflict.recordId) },
    choices.map((c) => c.node),
    button("Save these values", null, { type: "submit" }));
  chooseForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const values = {};
    choices.forEach((c, i) => {
      const picked = chooseForm.querySelector("input[name='choice-" + conflict.id + "-" + i + "']:checked");
      values[c.field.field] = picked && picked.value === "theirs" ? c.field.theirs : c.field.yours;
    });
    settle({ choice: "values", values }, "saved the chosen values");
  });
  const actions = canResolve ? el("div", { class: "actions" },
    button("Keep the record as it is", () => settle({ choice: "keep_current" }, "kept the record as it is"),
      { class: "button button-small" }),
    fields.length ? button("Put back the overwritten values",
      () => settle({ choice: "restore_overwritten" }, "put back the overwritten values"), { class: "button button-small" }) : null,
    fields.length ? button("Choose the values…", () => { chooseForm.hidden = !chooseForm.hidden; },
      { class: "button button-small button-quiet" }) : null) : null;
  return el("article", { class: "panel conflict", "aria-labelledby": titleId, "data-record": conflict.recordId },
    el("h2", { id: titleId }, (conflict.driveName || "Record") + " — record " + shortId(conflict.recordId)),
    el("p", {}, REASONS[conflict.reason] || conflict.reason, ". Raised " + dateTime(conflict.createdAt) + " by ",
      conflict.authorName || "a volunteer", conflict.deviceName ? " on “" + conflict.deviceName + "”" : "",
      ", in " + (ctx.regionNames[conflict.region] || conflict.region) + "."),
    fields.length ? table("Both values of record " + shortId(conflict.recordId), [
      { label: "Field", value: (f) => FIELD_NAMES[f.field] || f.field },
      { label: "Now on the record (the later edit)", value: (f) => history.value(f.yours) },
      { label: "Overwritten (the earlier edit)", value: (f) => history.value(f.theirs) },
    ], fields) : null,
    el("p", {}, button("Show history", () => {
      history.render($("conflict-history"), conflict.recordId);
      $("conflict-history-title").focus();
    }, { class: "button button-small button-quiet", label: "Show history of record " + shortId(conflict.recordId) })),
    actions, chooseForm, result);
}
