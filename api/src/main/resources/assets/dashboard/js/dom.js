// Small DOM builders. Text always goes in as text (drive names are typed by people), never as HTML.
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === "class") {
      node.className = value;
    } else if (name.startsWith("on")) {
      node.addEventListener(name.slice(2), value);
    } else {
      node.setAttribute(name, value === true ? "" : value);
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined) {
      node.append(child instanceof Node ? child : String(child));
    }
  }
  return node;
}

export function replace(container, ...children) {
  container.replaceChildren(...children.flat(Infinity).filter((c) => c !== null && c !== undefined));
}

/**
 * A table in a keyboard-scrollable wrapper. columns: [{label, value(row), numeric}];
 * the first column heads each row.
 */
export function table(caption, columns, rows, emptyText = "Nothing to show for this period.") {
  if (rows.length === 0) {
    return el("p", { class: "empty" }, emptyText);
  }
  const head = el("tr", {}, columns.map((c) =>
    el("th", { scope: "col", class: c.numeric ? "num" : null }, c.label)));
  const body = rows.map((row) => el("tr", {}, columns.map((c, i) => {
    const value = c.value(row);
    const content = value instanceof Node ? value : String(value);
    const suppressed = value === "<5";
    const attributes = {
      class: [c.numeric ? "num" : null, suppressed ? "suppressed" : null].filter(Boolean).join(" ") || null,
      title: suppressed ? "Fewer than 5: hidden to protect privacy" : null,
    };
    return i === 0 ? el("th", { scope: "row", ...attributes }, content) : el("td", attributes, content);
  })));
  return el("div", { class: "table-wrap", role: "region", "aria-label": caption, tabindex: "0" },
    el("table", {}, el("caption", {}, caption), el("thead", {}, head), el("tbody", {}, body)));
}
