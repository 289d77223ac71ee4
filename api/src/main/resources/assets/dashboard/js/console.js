// The console's shell: which views a role gets, the one region selector every list obeys, and
// moving between views by the address's #fragment (so Back works and a view can be bookmarked).
import * as conflicts from "./conflicts.js";
import * as drives from "./drives.js";
import * as people from "./people.js";
import * as phones from "./phones.js";
import * as staff from "./staff.js";

const $ = (id) => document.getElementById(id);

// Who may open which view: the same roles the API allows for the reads behind it.
const VIEWS = {
  overview: { roles: ["organiser", "staff", "admin"], title: "dashboard-title" },
  people: { roles: ["organiser", "staff", "admin"], title: "people-title", render: people.render },
  drives: { roles: ["organiser", "staff", "admin"], title: "drives-view-title", render: drives.render },
  phones: { roles: ["organiser", "staff", "admin"], title: "phones-title", render: phones.render },
  conflicts: { roles: ["organiser", "staff", "admin"], title: "conflicts-title", render: conflicts.render },
  staff: { roles: ["staff"], title: "staff-title", render: staff.render },
};

let ctx = null;
let onOverview = () => {};

/** Starts the console for a signed-in person; overview() redraws the figures. */
export function start(context, overview) {
  ctx = context;
  onOverview = overview;
  ctx.region = () => $("region").value;
  ctx.refresh = () => show(current(), false);
  $("console-nav").hidden = false;
  $("scope").hidden = false;
  document.querySelectorAll("#console-nav [data-role]").forEach((item) => {
    item.hidden = item.dataset.role !== ctx.user.role;
  });
  return show(current(), false);
}

export function stop() {
  ctx = null;
  $("console-nav").hidden = true;
  $("scope").hidden = true;
  document.querySelectorAll("[data-view-panel]").forEach((panel) => { panel.hidden = true; });
}

function current() {
  const name = location.hash.replace(/^#/, "");
  return VIEWS[name] && ctx && VIEWS[name].roles.includes(ctx.user.role) ? name : "overview";
}

async function show(name, focus = true) {
  if (!ctx) {
    return;
  }
  document.querySelectorAll("[data-view-panel]").forEach((panel) => {
    panel.hidden = panel.dataset.viewPanel !== name;
  });
  document.querySelectorAll("#console-nav a").forEach((link) => {
    if (link.dataset.view === name) {
      link.setAttribute("aria-current", "page");
    } else {
      link.removeAttribute("aria-current");
    }
  });
  const view = VIEWS[name];
  if (focus) {
    $(view.title).focus();
  }
  // aria-busy while the view loads: screen readers wait for it, and so do the browser tests.
  const panel = document.querySelector("[data-view-panel='" + name + "']");
  panel.setAttribute("aria-busy", "true");
  try {
    await (view.render ? view.render(ctx) : onOverview());
  } catch (error) {
    ctx.onError?.(error);
  } finally {
    panel.removeAttribute("aria-busy");
  }
}

export function listen() {
  window.addEventListener("hashchange", () => show(current()));
  $("region").addEventListener("change", () => show(current(), false));
}
