"""Screening analytics (issue 13): each figure is one small query function, tested on data
with known answers. period.py says which rows a period holds; funnel.py, rules.py, timing.py
and clearances.py compute; charts.py draws; page.py gathers them for the staff page."""
