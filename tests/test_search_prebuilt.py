"""The prebuilt search index gives the reader what Material's in-browser index gives, loaded instead
of built: same documents found, same scores, same suggestions, highlighted results."""

from __future__ import annotations

import contextlib
import json
import random
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefing.search import prebuilt
from briefing.search.material_index import fold
from briefing.search.tokens import Tokenizer, js_regex
from search_support import STARTS_THE_WORKER, postings, prebuilt_index, read_script, stored_documents
from support import MINIMAL_REGISTRY, REPO, build, make_project, note

SEPARATOR = r"""[\s\-,:!=\[\]()"/'’]+|(?!\b)(?=[A-Z][a-z])|\.(?!\d)|&[lg]t;"""
QUERIES = [
    "Camp David", "camp", "Kishida", "Otan", "IP4", "août 2023", "2023", "juillet", "état", "sécurité",
    "sous-marins", "bureau de liaison", "Stoltenberg Tokyo", "aukus", "trilatéral", "+accords", "-japon corée",
    "nikkei", "1er", "zzyzx", "j", "2", "co", "coree", "elysee", "-japon", "japon~1", "*tion", "+camp +david",
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


def _worker_url(site: Path) -> str:
    (worker,) = (site / "assets" / "javascripts" / "workers").glob("search.*.min.js")
    return worker.relative_to(site).as_posix()


def _normalise(results: dict) -> dict:
    """Equal scores may come in either order (lunr breaks ties by its internal key order), and the
    groups are ranked by name (``test_search_ranking``); titles without their highlighting, which
    ``_marks`` compares."""
    return {q: {"items": sorted(sorted([loc, MARK.sub("", title), score] for loc, title, score in group)
                                for group in r["items"]), "suggest": r["suggest"]}
            for q, r in results.items()}


MARK = re.compile(r"</?mark>")


def _marks(results: dict) -> dict[str, set[tuple[str, str]]]:
    """query -> (location, highlighted word) of every result title."""
    return {q: {(loc, word) for group in r["items"] for loc, title, _ in group
                for word in re.findall(r"<mark>(.*?)</mark>", title)} for q, r in results.items()}


def _assert_same_answers(prebuilt: dict, reference: dict) -> None:
    """The same documents, scores and suggestions; every word the reference highlights highlighted,
    and more only where the query matched the word through the folded field (``coree``, Corée)."""
    assert _normalise(prebuilt) == _normalise(reference)
    ours, theirs = _marks(prebuilt), _marks(reference)
    for query in prebuilt:
        assert theirs[query] <= ours[query], query
        assert all(fold(word).lower() != word.lower() for _, word in ours[query] - theirs[query]), query


def _answers(browser, site: Path, queries: list[str]) -> dict:
    with served(site) as base:
        page = browser.new_page()
        page.goto(f"{base}/")
        answers = page.evaluate(WORKER_RESULTS, [f"{base}/search/search_index.json", f"{base}/{_worker_url(site)}",
                                                 queries])
        page.close()
    return answers


# The files -------------------------------------------------------------------------------------

def test_index_is_prebuilt_and_documents_stored_with_it(public_site, reference_site):
    built = json.loads((public_site.site / "search" / "search_index.json").read_text("utf-8"))
    plain = json.loads((reference_site.site / "search" / "search_index.json").read_text("utf-8"))
    assert built["config"]["prebuilt"] == "search/search_lunr"
    assert built["docs"] == []  # the page parses no document: the worker gets them with the index
    index = prebuilt_index(public_site.site)
    assert index["format"] == "briefing-lunr-2"
    assert index["fields"] == list(plain["config"]["fields"])
    assert "kishida" in index["terms"] and "camp" in index["terms"] and "le" not in index["terms"]  # stop word
    assert index["terms"] == sorted(index["terms"])
    docs = stored_documents(index)
    assert len(index["postings"]) == len(index["terms"]) and index["documents"] == len(docs)
    assert [d["location"] for d in docs] == [d["location"] for d in plain["docs"]]
    assert all(len(d["text"]) <= prebuilt.STORED_TEXT + 2 for d in docs)
    assert "prebuilt" not in plain["config"]
    events = [d for d in plain["docs"] if d["location"].startswith("evenements/")]
    assert events and all("#" not in d["location"] for d in events)  # one document per event
    camp_david = next(d for d in events if d["location"] == "evenements/2023-08-18-sommet-camp-david/")
    assert "18 août 2023" in camp_david["text"] and "Fumio Kishida" in camp_david["text"]
    assert "Sources" not in camp_david["text"]
    position = index["docs"]["location"].index("evenements/2023-08-18-sommet-camp-david/")
    kishida = Tokenizer(js_regex(plain["config"]["separator"])).tokens(camp_david["text"]).count("kishida")
    assert kishida > 0 and postings(index, "kishida", "text")[position] == kishida
    assert position in postings(index, "camp", "title")
    worker = (public_site.site / _worker_url(public_site.site)).read_text("utf-8")
    assert worker.startswith("/* briefing: prebuilt search index")
    assert '["min/lunr.stemmer.support.min.js", "min/lunr.fr.min.js"]' in worker
    assert "stopWordFilter-fr" in worker  # the language scripts are pasted in, not fetched



def test_pages_start_the_search_worker_from_their_head_and_fetch_its_index(public_site, reference_site):
    head = public_site.page("evenements/2023-08-18-sommet-camp-david/").xpath("//head")[0]
    script = next(s.text for s in head.xpath(".//script") if s.text and STARTS_THE_WORKER in s.text)
    assert f'"../../{_worker_url(public_site.site)}", "../../search/search_lunr.json"' in script
    order = [e.tag if e.tag != "script" else ("start" if STARTS_THE_WORKER in (e.text or "") else "script")
             for e in head.xpath("./script | ./link[@rel='stylesheet']")]
    assert order.index("start") == 0, order  # a script after a stylesheet would wait for it to load
    plain_head = reference_site.page("evenements/2023-08-18-sommet-camp-david/").xpath("//head")[0]
    assert not [s for s in plain_head.xpath(".//script") if s.text and "new Native(url" in s.text]


def test_postings_round_trip():
    codes = prebuilt.number_codes(5000)
    assert codes[:3] == ["0", "1", "2"] and codes[31] == "v" and codes[32] == "B0" and codes[1025] == "BA1"
    rng = random.Random(7)
    for _ in range(200):
        documents = sorted(rng.sample(range(2000), rng.randint(1, 40)))
        entries = [n for d in documents for n in (d, rng.choice([1, 1, 1, 2, 3, 40, 1500]))]
        text = prebuilt.encode_postings(entries, codes)
        index = {"terms": ["t"], "fields": ["text"], "digits": prebuilt.DIGITS, "postings": [text]}
        assert postings(index, "t", "text") == dict(zip(entries[0::2], entries[1::2], strict=True))
    assert prebuilt.encode_postings([0, 1, 3, 2], codes) == "050"


def test_terms_are_ordered_as_javascript_compares_strings():
    astral = "\U0001d400"  # after U+FFFF in Python's order, before it in UTF-16 code units
    assert prebuilt._js_order({"b", "a", "\uffee", astral}) == ["a", "b", astral, "\uffee"]


def test_offline_script_reads_back_as_the_json(tmp_path):
    data = {"t": "l’État « d'abord » \\ \u2028 \u2029 </script> '\"", "n": [1, 2]}
    script = prebuilt.to_script(data)
    assert script.startswith("self.__briefingLunrText = '") and script.isascii()
    path = tmp_path / "search_lunr.js"
    path.write_text(script, "utf-8")
    assert read_script(path) == data


# In the browser ------------------------------------------------------------------------------

@pytest.mark.browser
def test_prebuilt_index_answers_like_the_worker_built_one(public_site, reference_site, browser):
    answers = {name: _answers(browser, result.site, QUERIES)
               for name, result in (("prebuilt", public_site), ("reference", reference_site))}
    _assert_same_answers(answers["prebuilt"], answers["reference"])
    found = {q: [i[0] for g in r["items"] for i in g] for q, r in answers["prebuilt"].items()}
    assert any("sommet-camp-david" in loc for loc in found["Camp David"])
    assert any("kishida" in loc for loc in found["Kishida"])
    assert any("2023-08-18" in loc for loc in found["août 2023"])
    assert "pays/coree-du-sud/" in found["coree"]
    assert found["zzyzx"] == []


TRICKY = {
    **MINIMAL_REGISTRY,
    "events/2024/2024-01-10-javascript.md": note(
        "date: 2024-01-10\ntitle: L’IP4 et JavaScript à l’Élysée\ncountries: [Japon]",
        "Le chef d’État parle de JavaScript, d'API et de l’«\u00a0IP4\u00a0» ; la réunion 18.08.2023 a\u202flieu."),
    "events/2024/2024-01-11-signes.md": note(
        "date: 2024-01-11\ntitle: Signes a>b et c<d, Σίσυφος, ΟΔΟΣ\ncountries: [Corée du Sud]",
        "Les signes `a<b` et 3 > 2, le tarif « 5 € », l’œuvre, Straße, İstanbul, x\ufeffy et Ǆemal."),
}


@pytest.fixture(scope="module")
def tricky_sites(tmp_path_factory):
    """Text with elisions, no-break spaces, camel case, markup characters and letters that change
    length in lower case, built with the prebuilt index and without."""
    project = make_project(tmp_path_factory.mktemp("tricky") / "project", TRICKY)
    sites = {}
    for name, env in (("prebuilt", {}), ("reference", {"BRIEFING_SEARCH_PREBUILT": "false"})):
        result = build(project, project.parent / f"site-{name}", strict=True, env=env)
        assert result.returncode == 0, result.output
        sites[name] = result.site
    return sites


@pytest.mark.browser
def test_tricky_text_is_indexed_as_the_worker_indexes_it(tricky_sites, browser):
    queries = ["java", "script", "javascript", "ip4", "api", "état", "etat", "elysee", "18.08", "2023", "lieu",
               "a>b", "c<d", "σίσυφος", "οδος", "€", "oeuvre", "œuvre", "straße", "strasse", "istanbul", "i̇stanbul",
               "x", "y", "ǆemal", "dzemal", "signes", "3", "tarif"]
    answers = {name: _answers(browser, site, queries) for name, site in tricky_sites.items()}
    _assert_same_answers(answers["prebuilt"], answers["reference"])
    found = {q: [i[0] for g in r["items"] for i in g] for q, r in answers["prebuilt"].items()}
    assert any("javascript" in loc for loc in found["script"])
    assert any("signes" in loc for loc in found["oeuvre"])


TYPING = """async ([indexUrl, workerUrl, batches]) => {
  const data = await (await fetch(indexUrl)).json();
  const worker = new Worker(workerUrl);
  const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
  await new Promise(resolve => {
    worker.onmessage = resolve;
    worker.postMessage({type: 0, data: {config: data.config, docs: data.docs, options: {suggest: true}}});
  });
  const out = [];
  for (const batch of batches) {
    const answers = [];
    let start = 0;
    worker.onmessage = event => answers.push({
      after: performance.now() - start,
      locations: event.data.data.items.map(group => group[0].location).sort(),
    });
    for (const [pause, query] of batch) {
      await sleep(pause);
      start = performance.now();
      worker.postMessage({type: 2, data: query});
    }
    await sleep(2500);
    out.push(answers);
  }
  worker.terminate();
  return out;
}"""


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory):
    """300 synthetic events (tools/synthetic_corpus.py): one letter begins words in most of them."""
    sys.path.insert(0, str(REPO / "tools"))
    from synthetic_corpus import write_corpus

    project = make_project(tmp_path_factory.mktemp("corpus") / "project", {})
    write_corpus(project, 300)
    result = build(project, project.parent / "site", strict=True)
    assert result.returncode == 0, result.output
    return result.site


@pytest.mark.browser
def test_typing_answers_the_latest_query_and_waits_before_a_costly_one(corpus_site, browser):
    with served(corpus_site) as base:
        page = browser.new_page()
        page.goto(f"{base}/")
        costly, typed, alone = page.evaluate(TYPING, [
            f"{base}/search/search_index.json", f"{base}/{_worker_url(corpus_site)}",
            [[[0, "c"]], [[0, "c"], [40, "co"], [40, "comité"]], [[0, "comité"]]],
        ])
        page.close()
    assert len(costly) == 1 and costly[0]["after"] >= 300 and len(costly[0]["locations"]) > 200
    assert len(typed) == 1 and len(alone) == 1  # "c" and "co" were never computed
    assert typed[0]["locations"] == alone[0]["locations"] and alone[0]["locations"]


@pytest.mark.browser
def test_reader_sees_highlighted_results(public_site, page):
    """The worker the page starts from its head is the one Material uses: one worker, one index,
    fetched once (by the page, which hands it over)."""
    with served(public_site.site) as base:
        page.goto(f"{base}/evenements/2023-08-18-sommet-camp-david/")
        page.locator("input.md-search__input").press_sequentially("trilatéral")  # key events, as a reader types
        first = page.locator(".md-search-result__item").first
        first.wait_for(timeout=30000)
        assert page.locator(".md-search-result mark").count() > 0
        assert "trilatéral" in page.locator(".md-search-result").inner_text().lower()
        assert page.evaluate("() => Object.getPrototypeOf(new Worker('data:,')) === Worker.prototype")
    urls = page.request_log.urls
    assert len([u for u in urls if "/workers/search." in u]) == 1, urls
    assert len([u for u in urls if u.endswith("/search/search_lunr.json")]) == 1, urls
    assert not [u for u in urls if "/javascripts/lunr/" in u], urls  # pasted into the worker


@pytest.mark.browser
def test_the_worker_fetches_its_index_itself_when_the_page_could_not(public_site, browser):
    context = browser.new_context()
    refused = []

    def refuse_once(route):
        if refused:
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    context.route("**/search/search_lunr.json", refuse_once)
    page = context.new_page()
    with served(public_site.site) as base:
        page.goto(f"{base}/evenements/2023-08-18-sommet-camp-david/")
        page.locator("input.md-search__input").press_sequentially("trilatéral")
        page.locator(".md-search-result__item").first.wait_for(timeout=30000)
        assert "trilatéral" in page.locator(".md-search-result").inner_text().lower()
    assert len(refused) == 1
    context.close()
