// People: volunteers (organisers, in their regions; admins everywhere), organisers, staff and
// admins (admins only). Create, edit, deactivate, enrol a phone, and the password tasks.
import * as api from "./api.js";
import { el, replace, table } from "./dom.js";
import * as enrol from "./enrol.js";
import * as features from "./features.js";
import { button, checkboxes, input, message, select } from "./forms.js";
import { dateTime, longDate } from "./format.js";

const $ = (id) => document.getElementById(id);
export const ROLES = { participant: "Volunteer", organiser: "Organiser", staff: "Staff", admin: "Admin" };

/** Everyone the caller may see, fetched once per view and shared with the drives view. */
export async function load(ctx) {
  ctx.people = await api.get("/api/v1/users");
  return ctx.people;
}

/** People in the selected region; staff and admins belong to no region and show under "all". */
export function inRegion(ctx, people) {
  const region = ctx.region();
  return region ? people.filter((p) => (p.regions || []).includes(region)) : people;
}

export async function render(ctx) {
  await features.load();
  const people = await load(ctx);
  const canWrite = ctx.user.role === "organiser" || ctx.user.role === "admin";
  const formBox = $("people-form-box");
  if (canWrite && !formBox.hasChildNodes()) {
    formBox.append(button("Add a person", () => openForm(ctx, null), { class: "button" }));
  }
  const shown = inRegion(ctx, people);
  replace($("people-list"), table("People" + (ctx.region() ? " in " + ctx.regionNames[ctx.region()] : ""), [
    { label: "Name", value: (p) => p.name },
    { label: "Role", value: (p) => ROLES[p.role] || p.role },
    { label: "Regions", value: (p) => (p.regions || []).map((r) => ctx.regionNames[r] || r).join(", ") || "—" },
    { label: "Cohort", value: (p) => p.cohort || "—" },
    { label: "Trained on", value: (p) => p.trainedOn ? longDate(p.trainedOn) : "—" },
    { label: "Status", value: (p) => p.active ? "Active" : "Deactivated" },
    { label: "Actions", value: (p) => canWrite && p.id !== ctx.user.id ? actions(ctx, p) : "—" },
  ], shown, "No one in this region yet."));
}

function actions(ctx, person) {
  const admin = ctx.user.role === "admin";
  const signsIn = person.role !== "participant";
  const items = [
    button("Edit", () => openForm(ctx, person), { class: "button button-small", label: "Edit " + person.name }),
    button(person.active ? "Deactivate" : "Reactivate", () => setActive(ctx, person, !person.active),
      { class: "button button-small button-quiet", label: (person.active ? "Deactivate " : "Reactivate ") + person.name }),
  ];
  if (person.role === "participant" && person.active) {
    items.push(button("Enrol a phone", () => enrol.start(ctx, person),
      { class: "button button-small", label: "Enrol a phone for " + person.name }));
  }
  if (admin && signsIn && person.active) {
    if (features.has("post", "/api/v1/users/{id}/password-reset")) {
      items.push(button("Reset password", () => resetPassword(person),
        { class: "button button-small button-quiet", label: "Reset password of " + person.name }));
    }
    if (features.has("put", "/api/v1/users/{id}/password")) {
      items.push(button("Set password", () => setPasswordForm(person),
        { class: "button button-small button-quiet", label: "Set password of " + person.name }));
    }
    if (features.has("post", "/api/v1/users/{id}/unlock")) {
      items.push(button("Unlock", () => unlock(person),
        { class: "button button-small button-quiet", label: "Unlock " + person.name }));
    }
  }
  return el("div", { class: "actions" }, items);
}

/** Success in the view's status line; a refusal as an alert where the panels open. */
function status(text, isError) {
  $("people-status").textContent = isError ? "" : text;
  if (isError) {
    message($("enrolment"), text, true);
  }
}

async function setActive(ctx, person, active) {
  try {
    await api.send("PATCH", "/api/v1/users/" + person.id, { active });
    await render(ctx);
    status(person.name + (active ? " can sign in again."
      : " is deactivated: their sessions and phones stopped working."));
  } catch (error) {
    ctx.onError(error, (text) => status(text, true));
  }
}

function openForm(ctx, person) {
  const admin = ctx.user.role === "admin";
  const box = $("people-form-box");
  const creating = person === null;
  const name = input("Full name", { value: person?.name, required: true, autocomplete: "off" });
  const roleChoices = admin ? Object.entries(ROLES) : [["participant", "Volunteer"]];
  const role = creating ? select("Role", roleChoices, { value: "participant" }) : null;
  const email = input("Email (they sign in with it)", { type: "email", value: person?.email });
  const regionChoices = ctx.mine.map((r) => [r.code, r.name]);
  const preset = person ? person.regions || [] : ctx.region() ? [ctx.region()] : ctx.mine.length === 1 ? [ctx.mine[0].code] : [];
  const regions = checkboxes("Regions", regionChoices, preset);
  const cohort = input("Training cohort", { value: person?.cohort, hint: "For example “MPower spring 2026”." });
  const trained = input("Training date", { type: "date", value: person?.trainedOn });
  const password = input("Password (12 characters or more)", { type: "password", autocomplete: "new-password" });
  const issueReset = features.hasProperty("CreateUserRequest", "issuePasswordReset");
  const how = issueReset
    ? select("How they get a password", [["reset", "Give them a one-time reset code"], ["password", "I set one now"]], { value: "reset" })
    : null;
  const result = el("div", {});
  const signInFields = el("div", {}, email.node, how ? how.node : null, password.node);
  const volunteerFields = el("div", {}, cohort.node, trained.node);
  const sync = () => {
    const r = role ? role.control.value : person.role;
    signInFields.hidden = !creating || r === "participant";
    volunteerFields.hidden = r !== "participant";
    regions.node.hidden = r === "staff" || r === "admin";
    password.node.hidden = how ? how.control.value !== "password" : false;
  };
  role?.control.addEventListener("change", sync);
  how?.control.addEventListener("change", sync);
  const form = el("form", { class: "panel", "aria-labelledby": "person-form-title", novalidate: true },
    el("h2", { id: "person-form-title", tabindex: "-1" }, creating ? "Add a person" : "Edit " + person.name),
    name.node, role ? role.node : null, signInFields, regions.node, volunteerFields, result,
    el("div", { class: "actions" },
      button(creating ? "Add" : "Save changes", null, { type: "submit" }),
      button("Cancel", () => { replace(box); render(ctx); }, { class: "button button-quiet" })));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const r = role ? role.control.value : person.role;
    const body = { name: name.control.value.trim() };
    if (r === "participant" || r === "organiser") {
      body.regions = regions.value();
    }
    if (r === "participant") {
      body.cohort = cohort.control.value.trim() || null;
      body.trainedOn = trained.control.value || null;
    }
    try {
      let saved;
      if (creating) {
        body.role = r;
        if (r !== "participant") {
          body.email = email.control.value.trim();
          if (how && how.control.value === "reset") {
            body.issuePasswordReset = true;
          } else {
            body.password = password.control.value;
          }
        }
        saved = await api.send("POST", "/api/v1/users", body);
      } else {
        saved = await api.send("PATCH", "/api/v1/users/" + person.id, body);
      }
      replace(box);
      await render(ctx);
      status((creating ? "Added " : "Saved ") + saved.name + ".");
      if (saved.passwordReset) {
        showResetCode(saved, saved.passwordReset);
      }
    } catch (error) {
      ctx.onError(error, (text) => message(result, text, true));
    }
  });
  replace(box, form);
  sync();
  form.querySelector("h2").focus();
}

function showResetCode(person, reset) {
  replace($("enrolment"), el("section", { class: "panel", "aria-labelledby": "reset-title" },
    el("h2", { id: "reset-title", tabindex: "-1" }, "One-time password code for " + person.name),
    el("p", {}, "Give this code to " + person.name + " in person or by phone. They choose a password with it on the sign-in page (“I have a reset code”)."),
    el("p", { class: "code-big", id: "reset-code" }, reset.token),
    el("p", {}, "It works once, until " + dateTime(reset.expiresAt) + ".")));
  $("reset-title").focus();
}

async function resetPassword(person) {
  try {
    const reset = await api.send("POST", "/api/v1/users/" + person.id + "/password-reset");
    showResetCode(person, reset);
  } catch (error) {
    status(error.message, true);
  }
}

function setPasswordForm(person) {
  const password = input("New password for " + person.name + " (12 characters or more)",
    { type: "password", autocomplete: "new-password", required: true });
  const result = el("div", {});
  const form = el("form", { class: "panel", "aria-labelledby": "set-password-title", novalidate: true },
    el("h2", { id: "set-password-title", tabindex: "-1" }, "Set a password for " + person.name),
    password.node, result, button("Set password", null, { type: "submit" }));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await api.send("PUT", "/api/v1/users/" + person.id + "/password", { password: password.control.value });
      replace($("enrolment"));
      status("The password of " + person.name + " is set. Tell them in person, never by email.");
    } catch (error) {
      message(result, error.message, true);
    }
  });
  replace($("enrolment"), form);
  $("set-password-title").focus();
}

async function unlock(person) {
  try {
    await api.send("POST", "/api/v1/users/" + person.id + "/unlock");
    status(person.name + " can try signing in again.");
  } catch (error) {
    status(error.message, true);
  }
}
