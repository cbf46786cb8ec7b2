"""``python -m briefing``: start a note from a template, or check all content without building the site."""

from __future__ import annotations

from briefing.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
