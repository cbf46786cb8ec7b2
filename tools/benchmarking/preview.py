"""``mkdocs serve`` with ``BRIEFING_PREVIEW``: how long a contributor waits after editing a note."""

from __future__ import annotations

import contextlib
import re
import subprocess
import time
from pathlib import Path

from benchmarking.browser import free_port
from benchmarking.builds import BIN, build_env


def preview_rebuild_seconds(project: Path, note: str, preview: str) -> dict[str, float]:
    """``mkdocs serve`` with ``BRIEFING_PREVIEW``: seconds of the rebuild after one note is edited,
    as MkDocs reports it, and from the file write until the edited page is served changed."""
    import urllib.request

    port = free_port()
    log = project / "serve.log"
    handle = open(log, "w")  # noqa: SIM115 - the server writes to it while we poll
    server = subprocess.Popen(
        [str(BIN / "mkdocs"), "serve", "--livereload", "-a", f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml")],
        cwd=project, env=build_env(BRIEFING_PREVIEW=preview), stdout=handle, stderr=subprocess.STDOUT)
    built = re.compile(r"Documentation built in ([\d.]+) seconds")
    try:
        start = time.perf_counter()
        while len(built.findall(log.read_text())) < 1:
            if server.poll() is not None or time.perf_counter() - start > 900:
                raise RuntimeError(f"mkdocs serve did not build:\n{log.read_text()[-2000:]}")
            time.sleep(0.2)
        initial = float(built.findall(log.read_text())[0])
        while "Serving on" not in log.read_text():  # the file watcher is set up only then
            time.sleep(0.2)
        time.sleep(1)
        path = project / note
        marker = f"Phrase ajoutée pendant la mesure {time.time_ns()}."
        edited = time.perf_counter()
        path.write_text(path.read_text("utf-8") + f"\n{marker}\n", "utf-8")
        while len(built.findall(log.read_text())) < 2:
            if server.poll() is not None or time.perf_counter() - edited > 600:
                raise RuntimeError(f"mkdocs serve did not rebuild:\n{log.read_text()[-2000:]}")
            time.sleep(0.05)
        rebuild = float(built.findall(log.read_text())[1])
        url = f"http://127.0.0.1:{port}/evenements/{Path(note).stem}/"
        shown = False
        while time.perf_counter() - edited < 60 and not shown:
            with contextlib.suppress(OSError):
                shown = marker.split(" ")[-1] in urllib.request.urlopen(url).read().decode()
            time.sleep(0.05)
        seen = time.perf_counter() - edited
    finally:
        server.terminate()
        server.wait()
        handle.close()
    return {"initial_s": initial, "rebuild_s": rebuild, "edit_to_page_s": seen if shown else float("nan")}


