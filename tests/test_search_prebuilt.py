"""The prebuilt search index gives the reader what Material's in-browser index gives, loaded instead
of built: same documents found, same scores, same suggestions, highlighted results."""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefing import search_prebuilt
from support import REPO, build

QUERIES = [
    "Camp David", "camp", "Kishida", "Otan", "IP4", "août 2023", "2023", "juillet", "état", "sécurité",
    "sous-marins", "bureau de liaison", "Stoltenberg Tokyo", "aukus", "trilatéral", "+accords", "-japon corée",
    "nikkei", "1er", "zzyzx",
]
WORKER_RESULTS = """async ([indexUrl, workerUrl, queries]) => {
  const data = await (await fetch(indexUrl)).json();
  const worker = new Worker(workerUrl);
  const ask = message => new Promise(resolve => {
    worker.onmessage = event => resolve(event.data);
    worker.postMessage(message);
  });
  await ask({type: 0, data: {config: data.config, docs: data.docs, options: {suggest: true}}});
  const out = {};
  for (const query of queries) {
    const answer = (await ask({type: 2, data: query})).data;
    out[query] = {
      items: answer.items.map(group => group.map(item => [item.location, item.title, Math.round(item.score * 100)])),
      suggest: answer.suggest,
    };
  }
  worker.terminate();
  return out;
}"""


@contextlib.contextmanager
def served(folder: Path):
    with contextlib.closing(socket.socket()) as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                               "--directory", str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.1):
                break
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait()


@pytest.fixture(scope="module")
def reference_site(tmp_path_factory):
    """The sample site with the index left to Material's worker, as without this feature."""
    result = build(REPO, tmp_path_factory.mktemp("reference") / "site", strict=True,
                   env={"BRIEFING_SEARCH_PREBUILT": "false"})
    assert result.returncode == 0, result.output
    return result


def _worker_url(site: Path) -> str:
    (worker,) = (site / "assets" / "javascripts" / "workers").glob("search.*.min.js")
    return worker.relative_to(site).as_posix()


def _normalise(results: dict) -> dict:
    """Equal scores may come in either order (lunr breaks ties by its internal key order)."""
    return {q: {"items": sorted(sorted(group) for group in r["items"]), "suggest": sorted(r["suggest"] or [])}
            for q, r in results.items()}


def test_index_is_prebuilt_and_documents_slim(public_site, reference_site):
    built = json.loads((public_site.site / "search" / "search_index.json").read_text("utf-8"))
    plain = json.loads((reference_site.site / "search" / "search_index.json").read_text("utf-8"))
    assert built["config"]["prebuilt"] == "search/search_lunr"
    index = json.loads((public_site.site / "search" / "search_lunr.json").read_text("utf-8"))
    assert index["format"] == "briefing-lunr-1"
    assert index["fields"] == list(plain["config"]["fields"])
    assert "kishida" in index["terms"] and "camp" in index["terms"] and "le" not in index["terms"]  # stop word
    assert [d["location"] for d in built["docs"]] == [d["location"] for d in plain["docs"]]
    assert all(len(d["text"]) <= search_prebuilt.STORED_TEXT + 2 for d in built["docs"])
    assert "prebuilt" not in plain["config"]
    events = [d for d in plain["docs"] if d["location"].startswith("evenements/")]
    assert events and all("#" not in d["location"] for d in events)  # one document per event
    camp_david = next(d for d in events if d["location"] == "evenements/2023-08-18-sommet-camp-david/")
    assert "18 août 2023" in camp_david["text"] and "Fumio Kishida" in camp_david["text"]
    assert "Sources" not in camp_david["text"]
    worker = (public_site.site / _worker_url(public_site.site)).read_text("utf-8")
    assert worker.startswith("/* briefing: prebuilt search index")


@pytest.mark.browser
def test_prebuilt_index_answers_like_the_worker_built_one(public_site, reference_site, browser):
    answers = {}
    for name, result in (("prebuilt", public_site), ("reference", reference_site)):
        with served(result.site) as base:
            page = browser.new_page()
            page.goto(f"{base}/")
            answers[name] = page.evaluate(WORKER_RESULTS, [f"{base}/search/search_index.json",
                                                          f"{base}/{_worker_url(result.site)}", QUERIES])
            page.close()
    assert _normalise(answers["prebuilt"]) == _normalise(answers["reference"])
    found = {q: [i[0] for g in r["items"] for i in g] for q, r in answers["prebuilt"].items()}
    assert any("sommet-camp-david" in loc for loc in found["Camp David"])
    assert any("kishida" in loc for loc in found["Kishida"])
    assert any("2023-08-18" in loc for loc in found["août 2023"])
    assert found["zzyzx"] == []


@pytest.mark.browser
def test_reader_sees_highlighted_results(public_site, browser):
    with served(public_site.site) as base:
        page = browser.new_page()
        page.goto(f"{base}/evenements/2023-08-18-sommet-camp-david/")
        page.locator("input.md-search__input").press_sequentially("trilatéral")  # key events, as a reader types
        first = page.locator(".md-search-result__item").first
        first.wait_for(timeout=30000)
        assert page.locator(".md-search-result mark").count() > 0
        assert "trilatéral" in page.locator(".md-search-result").inner_text().lower()
        page.close()


def test_tokenizer_mirrors_material_separator():
    separator = search_prebuilt.js_regex(r"""[\s\-,:!=\[\]()"/'’]+|(?!\b)(?=[A-Z][a-z])|\.(?!\d)|&[lg]t;""")
    text = "<p>L’Otan et l'IP4 : sommet\u202fde <code>Camp David</code>, 18.08.2023 ; JavaScript.</p>"
    assert search_prebuilt.tokenize(text, separator) == [
        "l", "otan", "et", "l", "ip4", "sommet", "de", "camp", "david", "18.08.2023", ";", "java", "script",
    ]
    assert search_prebuilt.tokenize(["Défense", "IP4"], separator) == ["défense", "ip4"]
    assert search_prebuilt.tokenize(None, separator) == []


@pytest.mark.browser
def test_offline_export_searches_from_file_url(tmp_path, browser):
    """The export opened from ``file://``: Material's iframe shim runs the wrapped worker there."""
    from support import make_project

    project = make_project(tmp_path / "project", {}, with_sample=True)
    config = project / "mkdocs.yml"
    if "offline" not in config.read_text("utf-8"):
        shim = project / "docs" / "assets" / "vendor" / "iframe-worker-shim.js"
        shim.parent.mkdir(parents=True, exist_ok=True)
        shim.write_bytes((REPO / "tools" / "vendor" / "iframe-worker-shim.js").read_bytes())
        config.rename(project / "base.yml")
        config.write_text("INHERIT: base.yml\nplugins:\n  offline:\n    enabled: !ENV [OFFLINE, false]\n"
                          "extra:\n  polyfills:\n    - assets/vendor/iframe-worker-shim.js\n", "utf-8")
    result = build(project, tmp_path / "export", strict=True, env={"OFFLINE": "true"})
    assert result.returncode == 0, result.output
    assert "prebuilt" in (result.site / "search" / "search_index.js").read_text("utf-8")
    assert (result.site / "search" / "search_lunr.js").read_text("utf-8").startswith("var __briefingLunr = {")
    page = browser.new_page()
    page.goto((result.site / "evenements" / "2023-08-18-sommet-camp-david.html").as_uri())
    page.locator("input.md-search__input").press_sequentially("Kishida")
    page.locator(".md-search-result__item").first.wait_for(timeout=30000)
    assert "Kishida" in page.locator(".md-search-result").inner_text()
    assert page.locator(".md-search-result mark").count() > 0
    page.close()
