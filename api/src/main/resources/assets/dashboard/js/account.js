// One's own password: choosing one with a one-time reset code (on the sign-in screen) and
// changing it when signed in. Offered only when the server has the endpoints.
import * as api from "./api.js";
import { el, replace } from "./dom.js";
import * as features from "./features.js";
import { button, input, message } from "./forms.js";

const $ = (id) => document.getElementById(id);

/** On the sign-in screen: "I have a reset code". */
export async function listen() {
  await features.load();
  $("change-password").addEventListener("click", changeForm);
  if (!features.has("post", "/api/v1/password-resets")) {
    return;
  }
  const token = input("Reset code", { required: true, wide: true });
  const password = input("New password (12 characters or more)", { type: "password", autocomplete: "new-password", required: true });
  const result = el("div", {});
  const form = el("form", { class: "stack", novalidate: true, hidden: true, "aria-labelledby": "reset-form-title" },
    el("h2", { id: "reset-form-title" }, "Choose a password with a reset code"),
    token.node, password.node, result, button("Set my password", null, { type: "submit" }));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const response = await fetch("/api/v1/password-resets", {
      method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ token: token.control.value.trim(), newPassword: password.control.value }),
    });
    if (response.ok) {
      password.control.value = "";
      message(result, "Your password is set. Sign in with it above.");
    } else {
      const body = await response.json().catch(() => ({}));
      message(result, body.message || "That code did not work: ask an admin for a new one.", true);
    }
  });
  replace($("reset-box"), button("I have a reset code", () => { form.hidden = !form.hidden; },
    { class: "button button-quiet" }), form);
}

/** Signed in: the "Change my password" button, when the server can. */
export async function offer() {
  await features.load();
  $("change-password").hidden = !features.has("put", "/api/v1/sessions/current/password");
}

function changeForm() {
  const current = input("Current password", { type: "password", autocomplete: "current-password", required: true });
  const next = input("Your new password (12 characters or more)", { type: "password", autocomplete: "new-password", required: true });
  const result = el("div", {});
  const form = el("form", { class: "panel stack", novalidate: true, "aria-labelledby": "change-title" },
    el("h2", { id: "change-title", tabindex: "-1" }, "Change my password"),
    current.node, next.node, result,
    el("div", { class: "actions" }, button("Change it", null, { type: "submit" }),
      button("Cancel", () => replace($("account-panel")), { class: "button button-quiet" })));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await api.send("PUT", "/api/v1/sessions/current/password",
        { currentPassword: current.control.value, newPassword: next.control.value });
      replace($("account-panel"), el("p", { class: "status", role: "status" }, "Your password is changed."));
    } catch (error) {
      message(result, error.message, true);
    }
  });
  replace($("account-panel"), form);
  $("change-title").focus();
}
