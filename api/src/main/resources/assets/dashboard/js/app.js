// The console: sign in, choose a region (every view obeys it), and the overview's figures from
// the metrics API. The other views live in their own modules, started by console.js.
import * as api from "./api.js";
import * as audit from "./audit.js";
import * as shell from "./console.js";
import * as account from "./account.js";
import { addDays, daysBetween, isoDate } from "./format.js";
import * as staffTasks from "./staff.js";
import * as trend from "./trend.js";
import * as views from "./views.js";

const $ = (id) => document.getElementById(id);
let regionNames = {};

function say(text) {
  $("status").textContent = text;
  $("sign-in-status").textContent = $("sign-in").hidden ? "" : text;
}

function showSignIn(message) {
  shell.stop();
  staffTasks.reset();
  $("dashboard").hidden = true;
  $("who").hidden = true;
  $("sign-in").hidden = false;
  const error = $("sign-in-error");
  error.hidden = !message;
  error.textContent = message || "";
  say("");
}

const ROLE_NAMES = { organiser: "organiser", staff: "staff", admin: "admin" };

async function showDashboard(current) {
  $("sign-in").hidden = true;
  $("who").hidden = false;
  $("who-name").textContent = current.user.name + " (" + (ROLE_NAMES[current.user.role] || current.user.role) + ")";
  const staff = current.user.role === "staff";
  $("audit").hidden = !staff;

  const regions = await fetch("/api/v1/regions").then((r) => r.json());
  regionNames = Object.fromEntries(regions.regions.map((r) => [r.code, r.name]));
  const councilNames = Object.fromEntries(regions.regions.flatMap((r) => r.councils.map((c) => [c.code, c.name])));
  const mine = current.user.role === "organiser"
    ? regions.regions.filter((r) => (current.user.regions || []).includes(r.code))
    : regions.regions;
  const select = $("region");
  select.replaceChildren(new Option(mine.length > 1
    ? (current.user.role === "organiser" ? "All my regions" : "All regions") : mine[0]?.name || "—", ""));
  if (mine.length > 1) {
    mine.forEach((r) => select.add(new Option(r.name, r.code)));
  }
  select.disabled = mine.length <= 1;
  // An organiser of one region gets no choice to make, so say which region everything is for.
  $("region-note").textContent = current.user.role === "organiser" && mine.length === 1
    ? "You organise in " + mine[0].name + ": every figure and list here is for that region."
    : "";
  const today = isoDate(new Date());
  $("to").value = today;
  $("from").value = addDays(today, -83);
  account.offer(current);
  await shell.start({
    user: current.user, regions: regions.regions, mine, regionNames, councilNames, onError,
  }, refresh);
  if (!location.hash || location.hash === "#overview") {
    $("dashboard-title").focus();
  }
}

/** A session that ended sends the person to sign in; anything else is said where it happened. */
function onError(error, show) {
  if (error instanceof api.SessionEnded) {
    showSignIn("Your session has ended. Please sign in again.");
  } else if (show) {
    show(error.message);
  } else {
    say("Something went wrong: " + error.message);
  }
}

async function refresh() {
  const region = $("region").value;
  const from = $("from").value;
  const to = $("to").value;
  if (!from || !to || to < from) {
    say("Choose a start date on or before the end date.");
    return;
  }
  const days = daysBetween(from, to) + 1;
  const previous = { from: addDays(from, -days), to: addDays(from, -1) };
  const staff = api.session().user.role === "staff";
  say("Loading…");
  try {
    const summary = (params) => api.get("/api/v1/metrics/summary", { region, from, to, ...params });
    const people = await api.get("/api/v1/users");
    owners = new Map(people.map((p) => [p.id, p.regions || []]));
    const [now, before, weekly, outcomes, councils, drives, stale, flagged, signals] = await Promise.all([
      summary({}),
      api.get("/api/v1/metrics/summary", { region, ...previous }),
      summary({ groupBy: "region,week" }),
      summary({ groupBy: "outcome" }),
      summary({ groupBy: "local_authority" }),
      summary({ groupBy: "local_authority,drive" }),
      api.get("/api/v1/devices", { stale: "7d" }),
      api.get("/api/v1/metrics/flagged-records", { region, limit: 50 }),
      staff ? api.get("/api/v1/audit/signals", { region, from, to }) : null,
    ]);
    const open = openHistory;
    $("figures-note").textContent = now.figures === "rounded"
      ? "To protect privacy, counts of 1 to 4 show as “<5” and other counts are rounded to the nearest 5."
      : "Exact counts (staff view).";
    views.kpis($("kpis"), now, before, days);
    trend.draw($("trend-chart"), $("trend-caption"), $("trend-table"), weekly, regionNames);
    views.outcomes($("outcomes"), outcomes);
    views.councils($("councils"), councils);
    views.drives($("drives"), drives);
    views.staleDevices($("stale-devices"), stale.filter((d) => !d.revokedAt
      && (!region || regionsOfOwner(d).includes(region))));
    views.flagged($("flagged"), flagged, open);
    if (signals) {
      audit.signals($("signals"), signals, open, regionNames);
    }
    say("Showing " + (region ? regionNames[region] : "all your regions") + ", " + days + " days.");
  } catch (error) {
    onError(error, (text) => say("Could not load the figures: " + text));
  }
}

function openHistory(recordId) {
  $("record-id").value = recordId;
  audit.history($("history"), recordId);
  $("history-title").scrollIntoView();
}

// The stale-phones list has no region filter on the server; the owners' regions come from the
// people list the caller may already read.
let owners = new Map();
function regionsOfOwner(device) {
  return owners.get(device.userId) || [];
}

function start() {
  $("sign-in-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    say("Signing in…");
    try {
      const current = await api.signIn($("email").value.trim(), $("password").value);
      $("password").value = "";
      await showDashboard(current);
    } catch (error) {
      showSignIn(error.message);
      $("email").focus();
    }
  });
  $("sign-out").addEventListener("click", async () => {
    await api.signOut();
    history.replaceState(null, "", "#");
    showSignIn();
    $("email").focus();
  });
  shell.listen();
  account.listen();
  $("filters").addEventListener("submit", (event) => {
    event.preventDefault();
    refresh();
  });
  $("history-form").addEventListener("submit", (event) => {
    event.preventDefault();
    audit.history($("history"), $("record-id").value.trim());
  });
  let resizing = null;
  window.addEventListener("resize", () => {
    clearTimeout(resizing);
    resizing = setTimeout(() => trend.resize($("trend-chart")), 150);
  });
  const current = api.session();
  if (current) {
    showDashboard(current);
  } else {
    showSignIn();
  }
}

start();
