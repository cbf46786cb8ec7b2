"""Templates compiled once per machine (hooks/speedups/briefing_template_cache.py): the site is byte for
byte the same without the cache, with it cold and with it warm; a warm build compiles nothing again,
and a template changed since is compiled again (the cache never serves stale code)."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import REPO, build, make_project

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



def test_an_entry_that_cannot_be_written_only_costs_the_compilation(tmp_path):
    """Where an entry cannot be stored (here a folder stands in its place, which no user may replace
    by a file), the template is compiled and the build goes on, with the same bytes."""
    project = make_project(tmp_path / "project", {}, with_sample=True)
    first = build(project, tmp_path / "first", strict=True)
    assert first.returncode == 0, first.output
    entries = [project / name for name in _entries(project)]
    for entry in entries:
        entry.unlink()
        entry.mkdir()
    blocked = build(project, tmp_path / "blocked", strict=True)
    assert blocked.returncode == 0, blocked.output
    assert all(entry.is_dir() for entry in entries) and _entries(project) == {}
    assert _every_file(blocked.site) == _every_file(first.site)


def test_a_folder_one_cannot_write_in_only_costs_the_compilation(tmp_path):
    """Jinja's own cache raises when it cannot create an entry's file (a read-only folder; here, as
    the tests may run as root, a path that is a file); the hook's only leaves the template compiled."""
    import importlib.util

    import jinja2
    from jinja2.bccache import Bucket

    spec = importlib.util.spec_from_file_location("template_cache", REPO / "hooks/speedups/briefing_template_cache.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("", "utf-8")
    env = jinja2.Environment()
    bucket = Bucket(env, "key", "checksum")
    bucket.code = env.compile("{{ 1 }}", "t", None)
    with pytest.raises(OSError):
        jinja2.FileSystemBytecodeCache(str(not_a_folder)).dump_bytecode(bucket)
    hook._BytecodeCache(str(not_a_folder)).dump_bytecode(bucket)  # no error
    assert not_a_folder.read_text("utf-8") == ""


def test_folders_of_setups_no_longer_used_are_pruned(tmp_path):
    """A folder per change of what Jinja's compiler reads would pile up: a build that makes a new one
    keeps only the ones used last, among them every one it uses."""
    import os
    import time

    project = make_project(tmp_path / "project", {}, with_sample=True)
    cache = project / CACHE
    stale = [cache / f"{index:016x}" for index in range(10)]
    long_ago = time.time() - 86400 * 30
    for index, folder in enumerate(stale):
        folder.mkdir(parents=True)
        (folder / "__jinja2_x.cache").write_bytes(b"old")
        os.utime(folder, (long_ago + index, long_ago + index))
    result = build(project, tmp_path / "site", strict=True)
    assert result.returncode == 0, result.output
    used = {path.parent.name for path in cache.rglob("*.cache") if path.read_bytes() != b"old"}
    assert len(used) >= 2  # Material's search translations and the pages
    left = {folder.name for folder in cache.iterdir()}
    assert used <= left and len(left) == 6  # KEEP
    assert left - used == {folder.name for folder in stale[-(6 - len(used)):]}  # the ones used last
    again = build(project, tmp_path / "again", strict=True)  # nothing new: nothing pruned
    assert again.returncode == 0, again.output
    assert {folder.name for folder in cache.iterdir()} == left
