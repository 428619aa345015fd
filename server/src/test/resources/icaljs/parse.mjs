// Parses an iCalendar file with Mozilla's ical.js, a parser independent of ical4j, and prints what
// the Java test compares as JSON. Exits non-zero, with the reason on stderr, if the file is not valid
// UTF-8 (a fold inside a multi-byte sequence would make it so) or ical.js refuses it.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

// ical.js keeps unknown X- properties raw; calendar apps read these two as TEXT, escapes and all
for (const name of ["x-wr-calname", "x-wr-caldesc"]) {
  ICAL.design.icalendar.property[name] = { defaultType: "text" };
}

const bytes = readFileSync(process.argv[2]);
const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
const calendar = new ICAL.Component(ICAL.parse(text));
if (calendar.name !== "vcalendar") {
  throw new Error("the top component is " + calendar.name + ", not vcalendar");
}
const value = (component, name) => {
  const v = component.getFirstPropertyValue(name);
  return v === null ? null : String(v);
};
const events = calendar.getAllSubcomponents("vevent").map((component) => {
  const event = new ICAL.Event(component);
  return {
    uid: event.uid,
    summary: event.summary,
    description: event.description,
    start: event.startDate.toString(),
    allDay: event.startDate.isDate,
    transp: value(component, "transp"),
    url: value(component, "url"),
  };
});
process.stdout.write(JSON.stringify({
  version: value(calendar, "version"),
  name: value(calendar, "name"),
  calname: value(calendar, "x-wr-calname"),
  description: value(calendar, "description"),
  caldesc: value(calendar, "x-wr-caldesc"),
  refreshInterval: value(calendar, "refresh-interval"),
  refreshValueType: calendar.getFirstProperty("refresh-interval")?.type ?? null,
  publishedTtl: value(calendar, "x-published-ttl"),
  events,
}));
