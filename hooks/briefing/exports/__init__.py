"""Exports for readers' tools: Atom feeds, iCalendar files and the JSON data, as files of the site.

Built from one edition's corpus, like the pages: a withheld stand-in is skipped by every
exporter (absent, not even its date), so nothing withheld can leak into a feed, calendar or
JSON file. Dates are derived from the content (or ``SOURCE_DATE_EPOCH``), never from the clock.
"""

