"""One schema: the files the build and the check validate with are the ones the site publishes."""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator

from briefing.load import schema
from briefing.load.frontmatter import parse
from support import REPO

SCHEMAS = REPO / "hooks/briefing/load/schemas"


@pytest.mark.parametrize("name", schema.SCHEMA_NAMES)
def test_site_publishes_the_schemas_used_by_the_build(public_site, name):
    published = public_site.site / "schemas" / f"{name}.schema.json"
    assert published.read_bytes() == (SCHEMAS / f"{name}.schema.json").read_bytes()
    Draft202012Validator.check_schema(json.loads(published.read_text("utf-8")))


def test_contributing_guide_points_to_the_schemas():
    guide = (REPO / "CONTRIBUTING.md").read_text("utf-8")
    for name in schema.SCHEMA_NAMES:
        assert f"schemas/{name}.schema.json" in guide


def _sample_metas() -> list[tuple[str, dict]]:
    metas = [("event", parse(p.read_text("utf-8")).meta) for p in sorted((REPO / "events").rglob("*.md"))]
    metas += [("letter", parse(p.read_text("utf-8")).meta) for p in sorted((REPO / "docs/lettres").glob("*.md"))]
    return metas


BAD = [
    ("event", {"date": "2024-10-01"}),
    ("event", {"date": True, "title": "x"}),
    ("event", {"date": 999, "title": "x"}),
    ("event", {"date": "2024-1", "title": "x"}),
    ("event", {"date": "2024", "title": "x", "countries": "Japon"}),
    ("event", {"date": "2024", "title": "x", "countries": ["Japon", "Japon"]}),
    ("event", {"date": "2024", "title": "x", "sources": [{"url": "https://example.org"}]}),
    ("event", {"date": "2024", "title": "x", "sources": [{"title": "t", "url": "https://$x"}]}),
    ("event", {"date": "2024", "title": "x", "sources": [{"title": "t", "url": "ftp://example.org"}]}),
    ("event", {"date": "2024", "title": "x", "confidential": "yes"}),
    ("event", {"date": "2024", "title": "x", "approx": "end"}),
    ("event", {"date": "2024", "title": "", "tags": []}),
    ("letter", {"number": True, "issue": "2024-10", "zones": ["Japon"], "title": "x"}),
    ("letter", {"number": 3, "issue": "2024-10", "zones": [], "title": "x"}),
    ("letter", {"number": 3, "issue": "2024-10", "zones": ["Japon"], "title": "x", "see_also": [1, 1]}),
    ("letter", {"number": 3, "issue": "2024-10", "zones": ["Japon"], "title": "x", "see_also": [1, 1.0]}),
    ("letter", {"number": 3, "issue": "2024-10", "zones": ["Japon"], "title": "x", "see_also": [1, [1]]}),
    ("event", {"date": "2024", "title": "x", "related": ["a", "b", "a"], "topics": ["a"]}),
    ("entity", {"title": "x", "aliases": ["a", "a"]}),
    ("entity", {"abbr": "x"}),
]


@pytest.mark.parametrize(("name", "meta"), _sample_metas() + BAD)
def test_fast_path_agrees_with_the_reference_validator(name, meta):
    """The compiled validator accepts exactly what jsonschema accepts, so it never lets an error through."""
    reference_ok = not list(schema._validator(name).iter_errors(meta))
    assert schema._fast_check(name)(meta) == reference_ok
    assert (schema.validate(name, meta) == []) == reference_ok
