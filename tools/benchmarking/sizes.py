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




REGISTRY_FOLDERS = ("pays", "personnalites", "organisations", "themes")


def page_type(path: Path) -> str:
    """The kind of a built page by its path under the site (``pays/japon/archives-2/index.html``:
    ``entity archive``), so that sizes are compared kind by kind."""
    parts = path.parts[:-1] if path.name == "index.html" else (*path.parts[:-1], path.stem)
    if not parts:
        return "home"
    folder, depth, last = parts[0], len(parts), parts[-1]
    if folder == "chronologie":
        return ("chronology index", "year", "month")[min(depth, 3) - 1]
    if folder in REGISTRY_FOLDERS:
        if depth == 1:
            return "registry index"
        return "entity archive" if last.startswith("archives-") else (
            "entity letters" if last.startswith("lettres-") else "entity")
    if folder == "lettres":
        return "letters index" if depth == 1 else ("letters archive" if last.startswith("archives-") else "letter")
    if folder == "auteurs":
        return "authors" if depth == 1 else "author letters"
    if folder == "evenements":
        return "event"
    if folder == "relations":
        return "relations index" if depth == 1 else ("relation letters" if last.startswith("lettres-") else "relation")
    return folder if depth == 1 else f"{folder} page"


def largest_by_type(site: Path) -> dict[str, tuple[int, str]]:
    """Each kind of page: the size in bytes and the path of its largest page."""
    largest: dict[str, tuple[int, str]] = {}
    for page in site.rglob("*.html"):
        relative = page.relative_to(site)
        size = page.stat().st_size
        kind = page_type(relative)
        if size > largest.get(kind, (-1, ""))[0]:
            largest[kind] = (size, str(relative))
    return largest


def export_figures(export: Path) -> str:
    """``folder MB / zip MB`` of an offline export (its zip is written next to the folder)."""
    folder = sum(p.stat().st_size for p in export.rglob("*") if p.is_file())
    packed = export.with_name(export.name + ".zip").stat().st_size
    return f"{folder / 1e6:.0f} / {packed / 1e6:.0f}"
