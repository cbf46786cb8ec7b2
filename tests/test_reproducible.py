"""Reproducible builds: the same sources and SOURCE_DATE_EPOCH give the same site, byte for byte,
whatever folder the project sits in and the site is written to."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import build, make_project

EPOCH = {"SOURCE_DATE_EPOCH": "1700000000"}


def _offline_capable(project: Path) -> None:
    """Material's offline plugin under ``OFFLINE``, added when the project's config lacks it."""
    config = project / "mkdocs.yml"
    if "offline" in config.read_text("utf-8"):
        return
    shutil.move(config, project / "base.yml")
    config.write_text("INHERIT: base.yml\nplugins:\n  offline:\n    enabled: !ENV [OFFLINE, false]\n", "utf-8")


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("offline", [False, True], ids=["online", "offline"])
def test_two_builds_are_byte_identical(tmp_path, offline):
    sites = []
    for name in ("first", "second-copy"):
        project = make_project(tmp_path / name / "project", {}, with_sample=True)
        _offline_capable(project)
        env = {**EPOCH, "OFFLINE": "true"} if offline else EPOCH
        result = build(project, tmp_path / f"site-{name}", strict=True, env=env)
        assert result.returncode == 0, result.output
        sites.append(_files(result.site))
    first, second = sites
    assert "search/search_index.json" in first
    if offline:  # the export has no sitemap (tests/test_export_shell.py), and one shell script for its pages
        assert "search/search_index.js" in first and "assets/briefing-shell.js" in first
    else:
        assert "sitemap.xml.gz" in first
    assert sorted(first) == sorted(second)
    different = [name for name in first if first[name] != second[name]]
    assert different == []


def test_build_date_comes_from_source_date_epoch(tmp_path):
    project = make_project(tmp_path / "project", {}, with_sample=True)
    result = build(project, tmp_path / "site", strict=True, env=EPOCH)
    assert result.returncode == 0, result.output
    assert "<lastmod>2023-11-14</lastmod>" in (result.site / "sitemap.xml").read_text("utf-8")
    gz = (result.site / "sitemap.xml.gz").read_bytes()
    assert int.from_bytes(gz[4:8], "little") == 1700000000 - 1700000000 % 86400  # MkDocs keeps the day
