"""The page's figures as CSV rows: counts and rates only, no patient, no free text.

The override reasons (free text a physio typed) stay on the page and out of the file.
"""

from __future__ import annotations

import csv
import io

from screening.analytics.period import Period


def figures_csv(period: Period, figures: dict) -> str:
    """CSV text: section, key, label, count, total, percent (one row per figure)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["section", "key", "label", "count", "total", "percent"])
    writer.writerow(["period", "start", "", period.start.isoformat(), "", ""])
    writer.writerow(["period", "end", "", period.end.isoformat(), "", ""])
    sent = figures["funnel"].sent
    for index, (label, count) in enumerate(figures["stages"]):
        share = f"{100 * count / sent:.1f}" if sent else ""
        writer.writerow(["funnel", index, label, count, sent, share])
    for label, rate in figures["tiers"]:
        writer.writerow(["tier", rate.key, label, rate.count, rate.total, f"{rate.percent:.1f}"])
    for row in figures["flags"]:
        writer.writerow(["flag", row.rule, row.name, row.count, row.total, f"{row.percent:.1f}"])
    for row in figures["overrides"]:
        writer.writerow(
            ["override", row.rule, row.name, row.count, row.total, f"{row.percent:.1f}"]
        )
    for key in ("median_complete", "median_review", "median_decision"):
        writer.writerow(["median", key, figures[key], "", "", ""])
    for week, total, flagged in figures["weeks"]:
        writer.writerow(["week", week.isoformat(), "", total, "", ""])
        writer.writerow(["week_flagged", week.isoformat(), "", flagged, total, ""])
    c = figures["clearances"]
    for key in ("requested", "received", "outstanding"):
        writer.writerow(["clearance", key, "", getattr(c, key), c.requested, ""])
    return out.getvalue()
