from __future__ import annotations

import os
from pathlib import Path

import pytest

from support import FULL_EXPORT_EPOCH, REPO, BuildResult, build

pytest_plugins = ["browser_support"]

os.environ["BRIEFING_LANGUAGE"] = "en"
"""Messages in English, as the code writes them, whatever the sample site's language (French): the
tests that read messages quote them in English. ``tests/test_messages.py`` builds and checks in French
with the variable removed."""

@pytest.fixture(scope="session")
def public_site(tmp_path_factory) -> BuildResult:
    """The sample content, public edition, strict build."""
    result = build(REPO, tmp_path_factory.mktemp("public") / "site", strict=True)
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def full_site(tmp_path_factory) -> BuildResult:
    """The sample content, full (subscribers') edition, strict build."""
    result = build(REPO, tmp_path_factory.mktemp("full") / "site", strict=True, env={"BRIEFING_EDITION": "full"})
    assert result.returncode == 0, result.output
    return result


@pytest.fixture
def project(tmp_path) -> Path:
    return tmp_path / "project"


@pytest.fixture(scope="session")
def offline_export(tmp_path_factory) -> BuildResult:
    """The sample content, public edition, as the offline export: ``OFFLINE=true mkdocs build -d export``."""
    result = build(REPO, tmp_path_factory.mktemp("offline") / "export", strict=True, env={"OFFLINE": "true"})
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def full_export(tmp_path_factory) -> BuildResult:
    """The subscribers' export of the sample, dated by SOURCE_DATE_EPOCH."""
    env = {"OFFLINE": "true", "BRIEFING_EDITION": "full", "SOURCE_DATE_EPOCH": FULL_EXPORT_EPOCH}
    result = build(REPO, tmp_path_factory.mktemp("full-export") / "export", strict=True, env=env)
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def reference_site(tmp_path_factory) -> BuildResult:
    """The sample site with the search index left to Material's worker (no prebuilt index)."""
    result = build(REPO, tmp_path_factory.mktemp("reference") / "site", strict=True,
                   env={"BRIEFING_SEARCH_PREBUILT": "false"})
    assert result.returncode == 0, result.output
    return result
