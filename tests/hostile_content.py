"""Hostile contributors' text generated with Hypothesis, seeded and bounded, laid out as a project.

Every generated string wraps a live payload (an element with an event handler, a ``javascript:`` URL,
a script) in text full of what Markdown, YAML and HTML treat specially, written raw, as entities,
as double entities or as numeric references. The payloads call ``__pwn()``, ``alert()`` or
``console.log('PWNED')``: whatever runs is seen by the browser tests, which define ``__pwn``.
``BRIEFING_HYPOTHESIS_EXAMPLES`` raises the number of generated batches (a longer run).
"""

from __future__ import annotations

import html
import json
import os

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from support import MINIMAL_REGISTRY, note

MARKER = "PWN"
"""A word every payload holds, so search can be asked for it and a page searched for it."""
PAYLOADS = [
    "<img src=x onerror=__pwn()>",
    "<img src=x onerror=\"alert('XSS PWN')\">",
    "<svg onload=__pwn()>",
    "<svg><script>__pwn()</script></svg>",
    "<details open ontoggle=__pwn()>PWN</details>",
    "<iframe srcdoc='<img src=x onerror=parent.__pwn()>'></iframe>",
    "<a href='javascript:__pwn()'>PWN</a>",
    "<script>__pwn()</script>",
    "<img src=x onerror=console.log('PWNED')>",
    "<math><maction actiontype=statusline xlink:href=javascript:__pwn()>PWN</maction></math>",
    "\"><img src=x onerror=__pwn()>",
    "</title><img src=x onerror=__pwn()>",
]
ENCODINGS = {
    "raw": lambda text: text,
    "entities": lambda text: html.escape(text, quote=False),
    "double entities": lambda text: html.escape(html.escape(text, quote=False), quote=False),
    "numeric": lambda text: text.replace("<", "&#60;").replace(">", "&#x3e;"),
}
_SPECIAL = [*"ab é’«»&<>'*_`[]#{}|\\;:!()~^%$", "&amp;", "&lt;", "\u00a0", "<!--", "-->", "{{", "}}"]
_FILLER = st.lists(st.sampled_from(_SPECIAL), max_size=6).map("".join)


@st.composite
def hostile_text(draw) -> str:
    """One line of text around a payload, in one of the encodings."""
    payload = draw(st.sampled_from(PAYLOADS))
    encoding = ENCODINGS[draw(st.sampled_from(sorted(ENCODINGS)))]
    return f"{draw(_FILLER)} {encoding(payload)} {draw(_FILLER)}".strip()


FIELDS = ("event_title", "entity_title", "link_title", "abbr_definition", "heading", "body")
_BATCH = st.fixed_dictionaries({field: hostile_text() for field in FIELDS})


def generate_batches(count: int | None = None) -> list[dict[str, str]]:
    """``count`` batches of hostile strings, the same on every run (``derandomize``)."""
    count = count or int(os.environ.get("BRIEFING_HYPOTHESIS_EXAMPLES", "4"))
    batches: list[dict[str, str]] = []

    @settings(derandomize=True, database=None, max_examples=count, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck), deadline=None)
    @given(_BATCH)
    def collect(batch: dict[str, str]) -> None:
        batches.append(batch)

    collect()
    seen: dict[str, dict[str, str]] = {json.dumps(b, sort_keys=True): b for b in batches}
    return list(seen.values())


def _yaml(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _one_line(text: str) -> str:
    """Where Markdown needs one line without double quotes (a link title, an abbreviation)."""
    return " ".join(text.replace('"', "’").split())


def hostile_files(batches: list[dict[str, str]]) -> dict[str, str]:
    """A project: per batch, a registry entry and an event that uses it, with the hostile text in
    every field that ends up in a title attribute, a heading, the table of contents or search."""
    files = dict(MINIMAL_REGISTRY)
    long_heading = "Intertitre assez long pour être tronqué dans la table des matières du côté droit "
    for number, batch in enumerate(batches, start=1):
        alias, abbr = f"Hostilie{number}", f"HX{chr(64 + number)}"
        files[f"docs/pays/hostilie-{number}.md"] = note(
            f"title: {_yaml(batch['entity_title'])}\naliases: [{alias}]\nabbr: {abbr}",
            f"Un pays imaginaire. {batch['body']}",
        )
        body = (
            f"Le fait, avec {abbr}* et [un lien](https://example.org/ \"{_one_line(batch['link_title'])}\") "
            f"et l’ABR{number} du jour {MARKER}.\n\n*[ABR{number}]: {_one_line(batch['abbr_definition'])}\n\n"
            f"{batch['body']}\n\n<p title=\"{html.escape(batch['event_title'])}\">{MARKER} attribut</p>\n\n"
            f"## {long_heading}{_one_line(batch['heading'])}\n\nFin.\n"
        )
        files[f"events/2024/2024-05-{number:02d}-hostile-{number}.md"] = note(
            f"date: 2024-05-{number:02d}\ntitle: {_yaml(MARKER + ' ' + batch['event_title'])}\n"
            f"countries: [{alias}, Japon]",
            body,
        )
    return files


def event_ids(batches: list[dict[str, str]]) -> list[str]:
    return [f"2024-05-{number:02d}-hostile-{number}" for number in range(1, len(batches) + 1)]
