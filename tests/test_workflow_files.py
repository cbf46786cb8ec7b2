"""The repository's own workflow: CI, Pages, pre-commit and the pull-request template do what CONTRIBUTING.md says."""

from __future__ import annotations

import importlib.util

import yaml

from support import REPO


def _workflow(name: str) -> dict:
    return yaml.safe_load((REPO / ".github/workflows" / name).read_text("utf-8"))


def _steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_ci_checks_builds_both_editions_tests_and_uploads_the_export():
    ci = _workflow("ci.yml")
    assert "pull_request" in ci[True]  # YAML 1.1 reads the key "on" as true
    steps = _steps(ci)
    runs = [(s.get("run", ""), s.get("env", {})) for s in steps]
    assert any(run == "python -m briefing check" for run, _ in runs)
    editions = {env.get("BRIEFING_EDITION") for run, env in runs if run.startswith("mkdocs build --strict")
                and "OFFLINE" not in env}
    assert editions == {"public", "full"}
    assert any(run == "mkdocs build --strict -d export" and env.get("OFFLINE") == "true" for run, env in runs)
    assert any(run == "bash .ci/run" for run, _ in runs)
    upload = next(s for s in steps if s.get("uses") == "actions/upload-artifact@v4")
    assert upload["with"]["path"] == "export.zip"
    assert {s["uses"] for s in steps if "uses" in s} == {
        "actions/checkout@v5", "actions/setup-python@v6", "actions/upload-artifact@v4"}


def test_pages_publishes_the_public_edition_from_main():
    pages = _workflow("pages.yml")
    assert pages[True]["push"]["branches"] == ["main"]
    assert pages["permissions"]["pages"] == "write" and pages["permissions"]["id-token"] == "write"
    steps = _steps(pages)
    uses = [s["uses"] for s in steps if "uses" in s]
    for action in ("actions/checkout@v5", "actions/setup-python@v6", "actions/configure-pages@v5",
                   "actions/upload-pages-artifact@v3", "actions/deploy-pages@v4"):
        assert action in uses
    build = next(s for s in steps if s.get("run", "").startswith("mkdocs build"))
    assert "--strict" in build["run"] and build["env"]["BRIEFING_EDITION"] == "public"


def test_pre_commit_runs_the_check():
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text("utf-8"))
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    check = next(h for h in hooks if h["id"] == "briefing-check")
    assert check["entry"] == "python3 tools/dev.py check" and check["pass_filenames"] is False
    spec = importlib.util.spec_from_file_location("dev", REPO / "tools/dev.py")
    dev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(dev)
    assert "check" in dev.COMMANDS and "new" in dev.COMMANDS


def test_pull_request_template_and_guide():
    template = (REPO / ".github/pull_request_template.md").read_text("utf-8")
    assert "python3 tools/dev.py check" in template
    guide = (REPO / "CONTRIBUTING.md").read_text("utf-8")
    for command in ("python3 tools/dev.py serve", "python3 tools/dev.py check", "tools/dev.py new event",
                    "tools/dev.py new letter", "tools/dev.py new entry"):
        assert command in guide
