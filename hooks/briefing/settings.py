"""Project settings: the publication's names and links, set once in ``mkdocs.yml`` under ``extra.briefing``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefing.edition.editions import Edition


@dataclass(frozen=True)
class Settings:
    root: Path
    docs_dir: Path
    events_dir: Path
    edition: Edition = Edition.PUBLIC
    publication: str = "Lettre confidentielle Asie21-Futuribles"
    short_name: str = "Asie21"
    subscribe_url: str = ""
    subscribe_label: str = "S’abonner à la lettre"
    publisher: str = ""
    """Who publishes the letter, named in every page's footer."""
    publisher_url: str = ""
    legal_notice: str = ""
    """The ``docs/`` page of the legal notice (``mentions-legales.md``), linked from every page's footer."""
    logo: str = ""
    """The publication's logo and favicon, paths under ``docs/``: the adapter hands them to the theme."""
    favicon: str = ""

    @classmethod
    def from_mapping(cls, mapping: dict, *, root: Path, docs_dir: Path, edition: Edition) -> Settings:
        """Build from ``extra.briefing``; unknown keys are an error so that typos do not pass silently."""
        known = {"publication", "short_name", "subscribe_url", "subscribe_label", "events_dir", "publisher",
                 "publisher_url", "legal_notice", "logo", "favicon"}
        unknown = sorted(set(mapping) - known)
        if unknown:
            raise ValueError(
                f"extra.briefing: unknown key(s) {', '.join(unknown)}; known keys: {', '.join(sorted(known))}"
            )
        values = {k: str(v) for k, v in mapping.items() if k in known - {"events_dir"}}
        events_dir = root / str(mapping.get("events_dir", "events"))
        return cls(root=root, docs_dir=docs_dir, events_dir=events_dir, edition=edition, **values)
