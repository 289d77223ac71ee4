// The next-deadline tile (issue 15): per region, the soonest deadline of its upcoming polls and the
// working days left. Self-contained: it mounts itself on [data-mount="next-deadlines"] whenever that
// element becomes visible (after sign-in), so the rest of the dashboard needs no change to host it.
import { get, session } from "./api.js";

const KINDS = {
  registration: "Register to vote",
  postalVote: "Apply for a postal vote",
  proxy: "Apply for a proxy vote",
  voterAuthorityCertificate: "Apply for a Voter Authority Certificate",
};
const WHEN = new Intl.DateTimeFormat("en-GB", {
  weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit",
  timeZone: "Europe/London",
});
const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

function node(tag, attributes, ...children) {
  const n = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([k, v]) => n.setAttribute(k, v));
  children.forEach((c) => n.append(c instanceof Node ? c : String(c)));
  return n;
}

function row(r) {
  const days = r.workingDaysLeft === 1 ? "1 (today is the last)" : String(r.workingDaysLeft);
  return node("tr", { "data-region": r.regionCode },
    node("th", { scope: "row" }, r.regionName),
    node("td", {}, KINDS[r.deadline] + " by " + WHEN.format(new Date(r.at))),
    node("td", {}, r.pollLabel + " (" + DAY.format(new Date(r.pollDate)) + ")"),
    node("td", { class: "num", "data-working-days": String(r.workingDaysLeft) }, days));
}

async function render(mount) {
  const current = session();
  const body = await get("/api/v1/polls/next-deadlines");
  const mine = current && current.user.role === "organiser"
    ? body.regions.filter((r) => (current.user.regions || []).includes(r.regionCode))
    : body.regions;
  const title = node("h2", { id: "next-deadlines-title" }, "Next deadlines");
  const content = mine.length === 0
    ? node("p", { class: "empty" }, "No upcoming polls in your regions.")
    : node("div", { class: "table-wrap", role: "region", "aria-label": "Next deadlines", tabindex: "0" },
      node("table", {},
        node("thead", {}, node("tr", {}, ...["Region", "Next deadline", "Poll", "Working days left"]
          .map((h) => node("th", { scope: "col" }, h)))),
        node("tbody", {}, ...mine.map(row))));
  mount.setAttribute("aria-labelledby", "next-deadlines-title");
  mount.replaceChildren(title, content,
    node("p", { class: "note" }, "Working days skip weekends, bank holidays and the other days election law"
      + " does not count. Poll data: Democracy Club."));
}

function visible(element) {
  return element.isConnected && element.getClientRects().length > 0;
}

const mount = document.querySelector('[data-mount="next-deadlines"]');
if (mount) {
  let shownFor = null; // the session token the tile was last drawn for
  const check = () => {
    const token = session()?.token || null;
    if (visible(mount) && token && token !== shownFor) {
      shownFor = token;
      render(mount).catch((e) => {
        shownFor = null;
        mount.replaceChildren(node("p", { class: "error" }, "Deadlines could not be loaded: " + e.message));
      });
    }
  };
  new MutationObserver(check).observe(document.body, { attributes: true, attributeFilter: ["hidden"], subtree: true });
  check();
}
