#!/usr/bin/env python3
"""Reads an iCalendar file with two parsers no one here wrote, icalendar and vobject, and
prints what each understood of every event as JSON: its UID, its start in UTC (a timed start
resolved through the file's own time zone), its status and its SEQUENCE.

    python3 scripts/validate-calendar.py marac.ics

The tests compare the two readings with what marac meant (a 10:00 meeting in July is 09:00
UTC); a parser that refuses the file exits non-zero with its error on standard error.
Debian: apt-get install python3-icalendar python3-vobject."""
import datetime
import json
import sys

import icalendar
import vobject


def utc(value):
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            return "floating " + value.isoformat()
        return value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


def with_icalendar(text):
    out = []
    calendar = icalendar.Calendar.from_ical(text)
    for event in calendar.walk("VEVENT"):
        out.append({"uid": str(event["UID"]), "start": utc(event.decoded("DTSTART")),
                    "status": str(event.get("STATUS", "")), "sequence": int(event.get("SEQUENCE", 0))})
    return out


def with_vobject(text):
    out = []
    calendar = vobject.readOne(text)
    for event in calendar.vevent_list if hasattr(calendar, "vevent_list") else []:
        status = event.status.value if hasattr(event, "status") else ""
        sequence = int(event.sequence.value) if hasattr(event, "sequence") else 0
        out.append({"uid": event.uid.value, "start": utc(event.dtstart.value), "status": status, "sequence": sequence})
    return out


def main():
    with open(sys.argv[1], "rb") as f:
        data = f.read()
    text = data.decode("utf-8")
    json.dump({"icalendar": with_icalendar(data), "vobject": with_vobject(text)}, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
