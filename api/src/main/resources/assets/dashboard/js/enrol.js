// Enrolling a volunteer's phone: a single-use code shown as a QR large enough to scan from across
// a table, and a one-page sheet to print for a volunteer who is not in the room.
import * as api from "./api.js";
import { el, replace } from "./dom.js";
import { button } from "./forms.js";
import { dateTime } from "./format.js";

const $ = (id) => document.getElementById(id);

export async function start(ctx, person) {
  const box = $("enrolment");
  replace(box, el("p", { class: "status", role: "status" }, "Making an enrolment code for " + person.name + "…"));
  try {
    const enrolment = await api.send("POST", "/api/v1/users/" + person.id + "/enrolments", {});
    show(box, person, enrolment);
  } catch (error) {
    ctx.onError(error, (text) => replace(box, el("p", { class: "error", role: "alert" },
      "Could not enrol a phone for " + person.name + ": " + text)));
  }
}

function show(box, person, enrolment) {
  const sheet = el("section", { class: "panel print-sheet", id: "enrolment-sheet", "aria-labelledby": "enrolment-title" },
    el("h2", { id: "enrolment-title", tabindex: "-1" }, "Enrol " + person.name + "’s phone"),
    el("div", { class: "enrol-grid" },
      el("img", { id: "enrolment-qr", class: "qr", src: "data:image/png;base64," + enrolment.qr,
        alt: "QR code for enrolment code " + enrolment.code, width: "320", height: "320" }),
      el("div", {},
        el("p", {}, "Enrolment code"),
        el("p", { class: "code-big", id: "enrolment-code" }, enrolment.code),
        el("p", {}, "Use it by ", el("strong", {}, dateTime(enrolment.expiresAt)), ". It works once, on one phone."),
        el("p", {}, "Server address, if the app asks when you type the code: ", el("span", { class: "mono" }, location.origin)),
        el("h3", {}, "What to do"),
        el("ol", {},
          el("li", {}, "Open the drivesync field app on the phone you will use at drives."),
          el("li", {}, "Choose “Enrol this phone” and scan the QR code, or type the code."),
          el("li", {}, "Wait for “Phone enrolled”. The app then downloads your drives."),
          el("li", {}, "If the code has run out, ask your organiser for a new one.")),
        el("p", { class: "note" }, "Keep this sheet private until the phone is enrolled: anyone with the code can enrol a phone as you."))),
    el("div", { class: "actions no-print" },
      button("Print the enrolment sheet", () => window.print()),
      button("Done", () => replace(box), { class: "button button-quiet" })));
  replace(box, sheet);
  $("enrolment-title").focus();
}
