// Contacts per week and region: a uPlot line chart (decorative for screen readers) and the same
// numbers as a table. Suppressed weeks ("<5") are gaps in the line, never guessed values.
import { el, replace, table } from "./dom.js";
import { count, dayMonth, longDate } from "./format.js";

// Okabe–Ito hues darkened to at least 3:1 on white, plus a dash pattern each, so no line is told
// apart by colour alone.
const STYLES = [
  ["#0072B2", []], ["#B35C00", [10, 5]], ["#007A5E", [2, 4]], ["#AA3377", [12, 4, 2, 4]],
  ["#4D4D4D", [6, 6]],
];
let chart = null;

export function draw(chartBox, caption, tableBox, summary, regionNames) {
  const weeks = [...new Set(summary.rows.map((r) => r.week))].sort();
  const regions = [...new Set(summary.rows.map((r) => r.region))].sort();
  const value = new Map(summary.rows.map((r) => [r.region + "|" + r.week, r.contacts]));
  const series = regions.map((region) => weeks.map((week) => {
    const v = value.get(region + "|" + week);
    return typeof v === "number" ? v : v === undefined ? 0 : null;
  }));

  if (chart) {
    chart.destroy();
    chart = null;
  }
  replace(chartBox);
  if (weeks.length > 0 && window.uPlot) {
    const x = weeks.map((w) => new Date(w + "T12:00:00Z").getTime() / 1000);
    chart = new window.uPlot({
      width: Math.max(280, chartBox.clientWidth),
      height: 300,
      scales: { x: { time: true } },
      // UK day and month on the axis ("2 Dec"), not uPlot's default month/day.
      axes: [{ stroke: "#0b0c0c", values: (u, splits) => splits.map((s) => dayMonth(new Date(s * 1000))) },
        { stroke: "#0b0c0c", label: "Contacts" }],
      series: [{ label: "Week of", value: (u, v) => v == null ? "—" : dayMonth(new Date(v * 1000)) }, ...regions.map((region, i) => ({
        label: regionNames[region] || region,
        stroke: STYLES[i % STYLES.length][0],
        dash: STYLES[i % STYLES.length][1],
        width: 2.5,
        spanGaps: false,
      }))],
    }, [x, ...series], chartBox);
  }
  caption.textContent = weeks.length === 0 ? "No contacts in this period."
    : "Weeks starting " + longDate(weeks[0]) + " to " + longDate(weeks[weeks.length - 1])
      + ". Weeks with fewer than 5 contacts are left as gaps.";

  const rows = weeks.map((week) => ({ week, values: regions.map((r) => value.get(r + "|" + week)) }));
  replace(tableBox, table("Contacts per week", [
    { label: "Week of", value: (r) => longDate(r.week) },
    ...regions.map((region, i) => ({
      label: regionNames[region] || region,
      value: (r) => r.values[i] === undefined ? "0" : count(r.values[i]),
      numeric: true,
    })),
  ], rows));
}

export function resize(chartBox) {
  if (chart) {
    chart.setSize({ width: Math.max(280, chartBox.clientWidth), height: 300 });
  }
}
