// Numbers as people read them. Counts may arrive as "<5": small numbers are never shown exactly
// to organisers, and nothing here tries to work them out.
export const SUPPRESSED = "<5";

const whole = new Intl.NumberFormat("en-GB");

export function count(value) {
  if (value === SUPPRESSED) {
    return SUPPRESSED;
  }
  return value === null || value === undefined ? "—" : whole.format(value);
}

export function rate(value) {
  return value === null || value === undefined ? "—" : (value * 100).toFixed(1) + "%";
}

export function isNumber(value) {
  return typeof value === "number";
}

/** Change against the previous period, in words, or null when either side is not a number. */
export function change(current, previous, isRate) {
  if (!isNumber(current) || !isNumber(previous)) {
    return null;
  }
  const difference = current - previous;
  if (isRate) {
    const points = (difference * 100).toFixed(1);
    return { direction: Math.sign(difference), text: (difference >= 0 ? "+" : "") + points + " points" };
  }
  const percent = previous === 0 ? "" : " (" + (difference >= 0 ? "+" : "") +
      Math.round((difference / previous) * 100) + "%)";
  return { direction: Math.sign(difference), text: (difference >= 0 ? "+" : "") + whole.format(difference) + percent };
}

export function isoDate(date) {
  const month = String(date.getMonth() + 1).padStart(2, "0");
  const day = String(date.getDate()).padStart(2, "0");
  return date.getFullYear() + "-" + month + "-" + day;
}

export function addDays(iso, days) {
  const date = new Date(iso + "T12:00:00");
  date.setDate(date.getDate() + days);
  return isoDate(date);
}

export function daysBetween(fromIso, toIso) {
  return Math.round((new Date(toIso + "T12:00:00") - new Date(fromIso + "T12:00:00")) / 86400000);
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" });

export function longDate(iso) {
  return dateFormat.format(new Date(iso.length === 10 ? iso + "T12:00:00" : iso));
}

export function ago(instant) {
  if (!instant) {
    return "never";
  }
  const days = Math.floor((Date.now() - new Date(instant).getTime()) / 86400000);
  return days === 0 ? "today" : days === 1 ? "1 day ago" : days + " days ago";
}

const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit",
  timeZone: "Europe/London",
});
const dayMonthFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short" });

/** An instant as UK people read it, in UK time: "2 Dec 2026, 14:05". */
export function dateTime(instant) {
  return instant ? dateTimeFormat.format(new Date(instant)) : "—";
}

/** Day and month for chart axes: "2 Dec". */
export function dayMonth(date) {
  return dayMonthFormat.format(date);
}

/** A UUID shortened for display beside a name; the full id stays in the title. */
export function shortId(id) {
  return id ? id.slice(0, 8) : "—";
}

const languageNames = new Intl.DisplayNames(["en-GB"], { type: "language" });

/** A language code as its English name ("ur" → "Urdu"); the code itself if unknown. */
export function language(code) {
  if (!code) {
    return "—";
  }
  try {
    return languageNames.of(code) || code;
  } catch {
    return code;
  }
}
