"""Templates compiled once per machine (hooks/speedups/briefing_template_cache.py): the site is byte for
byte the same without the cache, with it cold and with it warm; a warm build compiles nothing again,
and a template changed since is compiled again (the cache never serves stale code)."""

from __future__ import annotations

from pathlib import Path

from support import build, make_project

CACHE = Path(".cache", "briefing", "templates")


def _every_file(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def _entries(project: Path) -> dict[str, int]:
    return {path.relative_to(project).as_posix(): path.stat().st_mtime_ns for path in (project / CACHE).rglob("*")
            if path.is_file()}


def test_the_site_is_the_same_without_the_cache_cold_and_warm(tmp_path):
    project = make_project(tmp_path / "project", {}, with_sample=True)
    env = {"SOURCE_DATE_EPOCH": "1700000000"}
    without = build(project, tmp_path / "without", strict=True, env={**env, "BRIEFING_TEMPLATE_CACHE": "off"})
    assert without.returncode == 0, without.output
    assert not (project / CACHE).exists()
    cold = build(project, tmp_path / "cold", strict=True, env={**env, "BRIEFING_PARALLEL": "on"})  # by two processes
    assert cold.returncode == 0, cold.output
    entries = _entries(project)
    assert len(entries) > 20 and all(name.endswith(".cache") for name in entries)  # Material's templates and ours
    warm = build(project, tmp_path / "warm", strict=True, env=env)
    assert warm.returncode == 0, warm.output
    assert _entries(project) == entries  # nothing compiled again
    site = _every_file(without.site)
    assert len([name for name in site if name.endswith(".html")]) > 30
    assert _every_file(cold.site) == site
    assert _every_file(warm.site) == site


def test_a_template_changed_since_is_compiled_again(tmp_path):
    project = make_project(tmp_path / "project", {}, with_sample=True)
    first = build(project, tmp_path / "first", strict=True)
    assert first.returncode == 0, first.output
    entries = _entries(project)
    footer = project / "overrides" / "partials" / "copyright.html"
    footer.write_text(footer.read_text("utf-8").replace("une publication", "une publication mise à jour"), "utf-8")
    second = build(project, tmp_path / "second", strict=True)
    assert second.returncode == 0, second.output
    assert "une publication mise à jour" in (second.site / "index.html").read_text("utf-8")
    assert "une publication mise à jour" not in (first.site / "index.html").read_text("utf-8")
    changed = [name for name, mtime in _entries(project).items() if entries.get(name) != mtime]
    assert len(changed) == 1  # the footer's entry, rewritten; every other template's kept


def test_a_wrong_setting_fails_the_build(tmp_path):
    project = make_project(tmp_path / "project", {})
    result = build(project, tmp_path / "site", env={"BRIEFING_TEMPLATE_CACHE": "perhaps"})
    assert result.returncode != 0
    assert "BRIEFING_TEMPLATE_CACHE='perhaps': expected on or off" in result.output
