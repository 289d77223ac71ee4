// Form controls with their labels: every control the console draws has a visible <label> (or a
// fieldset legend) tied to it by id, so screen readers and voice control can name it.
import { el } from "./dom.js";

let counter = 0;
const nextId = (prefix) => prefix + "-" + ++counter;

/** A labelled input. options: {type, value, required, hint, autocomplete, min, max, name}. */
export function input(label, options = {}) {
  const id = options.id || nextId("f");
  const hintId = options.hint ? id + "-hint" : null;
  const control = el("input", {
    id, name: options.name || id, type: options.type || "text", value: options.value ?? null,
    required: options.required, autocomplete: options.autocomplete || "off",
    min: options.min, max: options.max, "aria-describedby": hintId, spellcheck: "false",
  });
  return { control, node: el("div", { class: "field" + (options.wide ? " field-wide" : "") },
    el("label", { for: id }, label), options.hint ? el("p", { id: hintId, class: "hint" }, options.hint) : null,
    control) };
}

/** A labelled select from [[value, text], …]. */
export function select(label, choices, options = {}) {
  const id = options.id || nextId("s");
  const control = el("select", { id, name: options.name || id, required: options.required },
    choices.map(([value, text]) => el("option", { value, selected: value === options.value }, text)));
  return { control, node: el("div", { class: "field" }, el("label", { for: id }, label), control) };
}

/** A group of checkboxes under a legend; value() answers the ticked values. */
export function checkboxes(legend, choices, ticked = [], emptyText = "None to choose from.") {
  const boxes = choices.map(([value, text]) => {
    const id = nextId("c");
    const box = el("input", { id, type: "checkbox", value, checked: ticked.includes(value) });
    return { box, node: el("div", { class: "check" }, box, el("label", { for: id }, text)) };
  });
  return {
    value: () => boxes.filter((b) => b.box.checked).map((b) => b.box.value),
    node: el("fieldset", { class: "checks" }, el("legend", {}, legend),
      boxes.length ? boxes.map((b) => b.node) : el("p", { class: "empty" }, emptyText)),
  };
}

/** A line for the outcome of a form: role=alert for errors, role=status otherwise. */
export function message(container, text, isError = false) {
  container.replaceChildren(text ? el("p", isError
    ? { class: "error", role: "alert" } : { class: "status", role: "status" }, text) : "");
}

export function button(text, onclick, options = {}) {
  return el("button", { type: options.type || "button", class: options.class || "button",
    onclick, "aria-label": options.label || null }, text);
}
