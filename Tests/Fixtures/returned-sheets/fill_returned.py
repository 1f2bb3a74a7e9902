#!/usr/bin/env python3
"""Fills in a sheet marac exported, the way an agency sends it back from Excel or LibreOffice.

The tests run it on `marac export actions` and `marac export research` output, so the files
they import are written by Python's csv module in Excel's own dialects, not by marac:

    fill_returned.py actions|research IN.csv OUT.csv [--dialect excel|excel-semicolon]
                     [--bom] [--reorder] [--iso-dates] [--mistake]

--reorder moves the columns about, drops some the export wrote and adds one of the agency's
own; --mistake spoils one row (a status nobody uses, a date that does not exist). Every value
written is invented here: the file holds the ids it read and the agency's made-up replies.
"""
import argparse
import csv


class ExcelSemicolon(csv.excel):
    """Excel's CSV where a comma is the decimal point (most of Europe): semicolons, CRLF."""
    delimiter = ";"


csv.register_dialect("excel-semicolon", ExcelSemicolon)

ACTION_REPLIES = [
    ("Completed", "Done on 20/11; confirmed with the victim, \"happy\" with it"),
    ("In progress", "Awaiting legal advice"),
    ("N/A - moved away", "Victim moved to Eastvale"),
    ("", ""),
    ("not done", "No access on three visits"),
]
RESEARCH_REPLIES = [
    ("Yes", "Two call-outs in 2025, both verbal arguments", "Perpetrator keeps a knife in the car", "20/11/2026"),
    ("No", "", "", ""),
    ("", "", "", ""),
    ("yes", "Tenancy in the victim's name since 2019;\nrent arrears", "", "02/11/2026"),
]


def uk_to_iso(day):
    d, m, y = day.split("/")
    return f"{y}-{m}-{d}"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("kind", choices=["actions", "research"])
    p.add_argument("src")
    p.add_argument("dst")
    p.add_argument("--dialect", default="excel")
    p.add_argument("--bom", action="store_true")
    p.add_argument("--reorder", action="store_true")
    p.add_argument("--iso-dates", action="store_true")
    p.add_argument("--mistake", action="store_true")
    a = p.parse_args()

    with open(a.src, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
        header = list(rows[0].keys()) if rows else []

    for i, row in enumerate(rows):
        if a.kind == "actions":
            status, note = ACTION_REPLIES[i % len(ACTION_REPLIES)]
            row["reported_status"], row["reported_note"] = status, note
            if status:
                row["reported_on"] = "2026-11-25" if a.iso_dates else "25/11/2026"
        else:
            known, info, risks, contact = RESEARCH_REPLIES[i % len(RESEARCH_REPLIES)]
            row["known_to_agency"], row["information_to_share"], row["risks"] = known, info, risks
            row["last_contact"] = uk_to_iso(contact) if contact and a.iso_dates else contact
    if a.mistake and rows:
        if a.kind == "actions":
            rows[0]["reported_status"], rows[0]["reported_on"] = "sort of", "31/02/2026"
        else:
            rows[0]["known_to_agency"], rows[0]["last_contact"] = "perhaps", "31/02/2026"

    if a.kind == "actions":
        header += [] if "reported_on" in header else ["reported_on"]
    columns = header
    if a.reorder:
        dropped = {"meeting", "meeting_date", "overdue", "last_update", "address", "also_known_as"}
        columns = [c for c in reversed(header) if c not in dropped] + ["Agency comments (internal)"]
    with open(a.dst, "w", encoding="utf-8-sig" if a.bom else "utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=columns, dialect=a.dialect, extrasaction="ignore")
        w.writeheader()
        for row in rows:
            w.writerow({**row, "Agency comments (internal)": "checked by team leader"})


if __name__ == "__main__":
    main()
