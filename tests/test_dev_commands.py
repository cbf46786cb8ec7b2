"""The documented commands (tools/dev.py) run with Material's end-of-life banner silenced."""

from __future__ import annotations

import importlib.util
import os
import subprocess

import pytest

from support import MKDOCS, REPO, make_project


def _dev_module():
    spec = importlib.util.spec_from_file_location("dev", REPO / "tools/dev.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def dev_runs(monkeypatch):
    """tools/dev.py with nothing installed or run: the commands it would run, with their environment."""
    dev = _dev_module()
    runs: list[tuple[tuple, dict | None]] = []
    monkeypatch.setattr(dev, "ensure_venv", lambda requirements: None)
    monkeypatch.setattr(dev, "ensure_chromium", lambda: None)
    monkeypatch.setattr(dev, "_run", lambda *command, env=None: runs.append((command, env)))
    return dev, runs


def test_every_command_silences_the_end_of_life_banner(dev_runs):
    dev, runs = dev_runs
    for name, command in dev.COMMANDS.items():
        runs.clear()
        command([])
        engine_runs = [env for cmd, env in runs if cmd[0].name in ("mkdocs", "pytest", "python")]
        assert engine_runs, name
        assert all(env and env.get("NO_MKDOCS_2_WARNING") for env in engine_runs), name


def test_the_banner_shows_without_that_environment_and_not_with_it(tmp_path, dev_runs):
    """Material 9.8 prints its end-of-life banner on every MkDocs run unless told not to."""
    dev, _ = dev_runs
    project = make_project(tmp_path / "project", {}, with_sample=False)
    bare = {k: v for k, v in os.environ.items() if k != "NO_MKDOCS_2_WARNING"}
    outputs = {}
    for name, env in {"bare": bare, "dev": dict(bare, **dev._environment())}.items():
        result = subprocess.run([str(MKDOCS), "build", "-q", "-f", str(project / "mkdocs.yml"), "-d",
                                 str(tmp_path / name)], capture_output=True, text=True, env=env, cwd=project)
        assert result.returncode == 0, result.stdout + result.stderr
        outputs[name] = result.stdout + result.stderr
    assert "end of life" in outputs["bare"]
    assert "end of life" not in outputs["dev"]
