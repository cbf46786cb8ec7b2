"""What a built site weighs: the whole folder, the largest pages, the search index per event."""

from __future__ import annotations

from pathlib import Path


def site_figures(site: Path, size: int) -> dict[str, float]:
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    event_pages = list((site / "evenements").glob("*/index.html"))
    largest_event = max((p.stat().st_size for p in event_pages), default=0)
    pages = list(site.rglob("*.html"))
    largest = max(pages, key=lambda p: p.stat().st_size)
    index_bytes = sum(p.stat().st_size for p in (site / "search").glob("search_*.json"))  # + prebuilt index
    return {
        "site_mb": total / 1e6,
        "largest_event_kb": largest_event / 1e3,
        "largest_page_kb": largest.stat().st_size / 1e3,
        "largest_page": str(largest.relative_to(site)),
        "index_mb": index_bytes / 1e6,
        "index_bytes_per_event": index_bytes / size,
        "pages": len(pages),
    }




def export_figures(export: Path) -> str:
    """``folder MB / zip MB`` of an offline export (its zip is written next to the folder)."""
    folder = sum(p.stat().st_size for p in export.rglob("*") if p.is_file())
    packed = export.with_name(export.name + ".zip").stat().st_size
    return f"{folder / 1e6:.0f} / {packed / 1e6:.0f}"
