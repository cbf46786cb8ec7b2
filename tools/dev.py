#!/usr/bin/env python3
"""Set up what the project needs and run it; only Python is required beforehand.

    python3 tools/dev.py site     # build the sample site into site/ (strict)
    python3 tools/dev.py test     # lint and run the whole test suite, browser tests included
    python3 tools/dev.py serve    # live preview on http://127.0.0.1:8000/
    python3 tools/dev.py preview  # the same, building only recent notes and those you edit (large archives)
    python3 tools/dev.py check    # validate all content without building (python -m briefing check)
    python3 tools/dev.py new event --date 2024-10-01 --title "…"   # start a note, letter or entry from a template
    python3 tools/dev.py export [--edition full]   # the offline export: export-public/ and export-public.zip

The virtual environment lives in .venv/ and is only reinstalled when a requirements file changes.
"""

from __future__ import annotations

import hashlib
import os
import shlex
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
CHROMIUM = Path("/usr/bin/chromium")


def _run(*command: str | Path, env: dict | None = None) -> None:
    print("+", shlex.join(str(c) for c in command), flush=True)  # can be pasted back into a shell
    result = subprocess.run([str(c) for c in command], cwd=ROOT, env=env)
    if result.returncode:
        sys.exit(result.returncode)


def ensure_venv(requirements: str) -> None:
    """Create .venv and install ``requirements`` unless it is already installed as written."""
    files = [ROOT / "requirements.txt", ROOT / "requirements-dev.txt", ROOT / "pyproject.toml"]
    digest = hashlib.sha256(b"".join(f.read_bytes() for f in files) + requirements.encode()).hexdigest()
    stamp = VENV / f".installed-{requirements}"
    if stamp.exists() and stamp.read_text() == digest:
        return
    if not (BIN / "python").exists():
        print(f"+ creating {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    _run(BIN / "python", "-m", "pip", "install", "--disable-pip-version-check", "-q", "-r", ROOT / requirements)
    stamp.write_text(digest)


def ensure_chromium() -> None:
    """Debian's chromium for the browser tests; Playwright never downloads a browser here."""
    if CHROMIUM.exists():
        return
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    _run(*sudo, "apt-get", "update", "-qq", env=env)
    _run(*sudo, "apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium", env=env)


def _environment() -> dict:
    return dict(os.environ, NO_MKDOCS_2_WARNING="1")


def site(args: list[str]) -> None:
    ensure_venv("requirements.txt")
    _run(BIN / "mkdocs", "build", "--strict", *args, env=_environment())


def serve(args: list[str]) -> None:
    ensure_venv("requirements.txt")
    _run(BIN / "mkdocs", "serve", "--livereload", *args, env=_environment())


def preview(args: list[str]) -> None:
    ensure_venv("requirements.txt")
    env = dict(_environment(), BRIEFING_PREVIEW=os.environ.get("BRIEFING_PREVIEW", "recent"))
    _run(BIN / "mkdocs", "serve", "--livereload", *args, env=env)


def test(args: list[str]) -> None:
    ensure_venv("requirements-dev.txt")
    ensure_chromium()
    _run(BIN / "ruff", "check", ".")
    _run(BIN / "pytest", *args, env=_environment())


def check(args: list[str]) -> None:
    ensure_venv("requirements.txt")
    _run(BIN / "python", "-m", "briefing", "check", *args, env=_environment())


def new(args: list[str]) -> None:
    ensure_venv("requirements.txt")
    _run(BIN / "python", "-m", "briefing", "new", *args, env=_environment())


def export(args: list[str]) -> None:
    """Build the offline export of an edition (strict) and say where its zip is and how big."""
    edition = "public"
    if args[:1] == ["--edition"] and len(args) >= 2:
        edition, args = args[1], args[2:]
    elif args[:1] and args[0].startswith("--edition="):
        edition, args = args[0].split("=", 1)[1], args[1:]
    if edition not in ("public", "full"):
        print(f"unknown edition {edition!r}; use --edition public or --edition full", file=sys.stderr)
        sys.exit(2)
    ensure_venv("requirements.txt")
    folder = ROOT / f"export-{edition}"
    env = dict(_environment(), OFFLINE="true", BRIEFING_EDITION=edition)
    _run(BIN / "mkdocs", "build", "--strict", "-d", folder, *args, env=env)
    archive = folder.with_name(folder.name + ".zip")
    if not archive.exists():  # a build under another config (-f) may leave the offline plugin off
        print(f"{folder.relative_to(ROOT)}/ was built, but no zip beside it: is OFFLINE honoured by this config?")
        return
    size = archive.stat().st_size
    print(f"{archive.relative_to(ROOT)}: {size / 1e6:.1f} MB ({size:,} bytes); open {folder.name}/index.html, "
          f"or send the zip (it unzips to {folder.name}/ with LISEZ-MOI.txt on top)")


COMMANDS = {
    "site": site, "serve": serve, "preview": preview, "test": test, "check": check, "new": new, "export": export,
}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        print(__doc__)
        sys.exit(2)
    if shutil.which("git") is None:
        print("note: git is not installed; builds work without it", file=sys.stderr)
    COMMANDS[sys.argv[1]](sys.argv[2:])
