// The dashboard: sign in, choose a region and dates, and read the metrics API.
import * as api from "./api.js";
import * as audit from "./audit.js";
import { addDays, daysBetween, isoDate } from "./format.js";
import * as trend from "./trend.js";
import * as views from "./views.js";

const $ = (id) => document.getElementById(id);
let regionNames = {};

function say(text) {
  $("status").textContent = text;
  $("sign-in-status").textContent = $("sign-in").hidden ? "" : text;
}

function showSignIn(message) {
  $("dashboard").hidden = true;
  $("who").hidden = true;
  $("sign-in").hidden = false;
  const error = $("sign-in-error");
  error.hidden = !message;
  error.textContent = message || "";
  say("");
}

async function showDashboard(current) {
  $("sign-in").hidden = true;
  $("who").hidden = false;
  $("who-name").textContent = current.user.name + " (" + current.user.role + ")";
  $("dashboard").hidden = false;
  const staff = current.user.role === "staff";
  $("audit").hidden = !staff;

  const regions = await fetch("/api/v1/regions").then((r) => r.json());
  regionNames = Object.fromEntries(regions.regions.map((r) => [r.code, r.name]));
  const mine = current.user.role === "organiser"
    ? regions.regions.filter((r) => (current.user.regions || []).includes(r.code))
    : regions.regions;
  const select = $("region");
  select.replaceChildren(new Option(mine.length > 1 ? "All my regions" : mine[0]?.name || "—", ""));
  if (mine.length > 1) {
    mine.forEach((r) => select.add(new Option(r.name, r.code)));
  }
  const today = isoDate(new Date());
  $("to").value = today;
  $("from").value = addDays(today, -83);
  $("dashboard-title").focus();
  await refresh();
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
    const open = staff ? openHistory : null;
    $("figures-note").textContent = now.figures === "rounded"
      ? "To protect privacy, counts of 1 to 4 show as “<5” and other counts are rounded to the nearest 5."
      : "Exact counts (staff view).";
    views.kpis($("kpis"), now, before, days);
    trend.draw($("trend-chart"), $("trend-caption"), $("trend-table"), weekly, regionNames);
    views.outcomes($("outcomes"), outcomes);
    views.councils($("councils"), councils);
    views.drives($("drives"), drives);
    views.staleDevices($("stale-devices"), stale.filter((d) => !d.revokedAt));
    views.flagged($("flagged"), flagged, open);
    if (signals) {
      audit.signals($("signals"), signals, open, regionNames);
    }
    say("Showing " + (region ? regionNames[region] : "all your regions") + ", " + days + " days.");
  } catch (error) {
    if (error instanceof api.SessionEnded) {
      showSignIn("Your session has ended. Please sign in again.");
    } else {
      say("Could not load the figures: " + error.message);
    }
  }
}

function openHistory(recordId) {
  $("record-id").value = recordId;
  audit.history($("history"), recordId);
  $("history-title").scrollIntoView();
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
    showSignIn();
    $("email").focus();
  });
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
