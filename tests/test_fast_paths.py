"""Fast paths of the load agree with the precise ones: the front-matter reader with PyYAML, glossary
marks and web addresses with the general scans; wherever a fast path is unsure, the precise one decides."""

import os
import random
import unicodedata
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.diagnostics import fold
from briefing.edition import published
from briefing.load import checks, frontmatter, glossary, templates, yamlsubset

READER = frontmatter._SUBSET
LOADERS = (frontmatter._FastPlainLoader, frontmatter._PlainLoader)
"""libyaml, which reads front matter, and PyYAML's own parser, which explains its errors."""
REPO = Path(__file__).resolve().parent.parent
EXAMPLES = int(os.environ.get("BRIEFING_HYPOTHESIS_EXAMPLES", "200"))

SCALARS = [
    "Japon", "Corée du Sud", "l'Otan", "l’Otan", "yes", "No", "on", "OFF", "true", "False", "null", "~", "Null",
    "12", "0", "012", "0x1F", "1_000", "1.5", "1e3", ".inf", "-5", "+3", "2023-08-18", "2023-08", "2024-07&08",
    "a:b", "a: b", "a:", "a :b", "https://example.org/x?a=1#frag", "a #b", "a#b", "#c", "x ", " x", "a  b",
    "[a]", "{a: b}", "[a, [b]]", '"q"', "'q'", '"a\\"b"', "'it''s'", "'bad", '"bad', "é", "-", "- x", "-x", "?",
    "? x", "x?", "&a", "*a", "!t x", "|", ">", ">-", "%x", "@x", "`x`", "a, b", "a]", "a}", "<<", "=",
    '"a # b"', "'a: b'", "x\ty", "y", "n", "NULL", "Yes", "1:20", "0o7", "ça", "a\\b", '"\\u00e9"', "'  '",
    '""', "''", "x\u2028y", "x\u00a0y", "\u00a0", "\x7f", "a b c: d", "a,b", "Comité d’étude n° 14",
]
KEYS = ["title", "date", "countries", "sources", "url", "yes", "null", "a-b", "titre", "x1", "_k", "Title", "12", "é"]


def _flow_sequence(rng: random.Random) -> str:
    items = [rng.choice(SCALARS) for _ in range(rng.randint(0, 3))]
    return rng.choice(["[", "[ "]) + rng.choice([", ", ",", " , "]).join(items) + rng.choice(["]", " ]", ",]"])


def _flow_mapping(rng: random.Random) -> str:
    pairs = [
        f"{rng.choice(KEYS)}{rng.choice([': ', ':', ':  '])}{rng.choice(SCALARS)}" for _ in range(rng.randint(0, 3))
    ]
    return "{" + rng.choice([", ", ","]).join(pairs) + rng.choice(["}", " }"])


def _value(rng: random.Random) -> str:
    draw = rng.random()
    return rng.choice(SCALARS) if draw < 0.5 else _flow_sequence(rng) if draw < 0.8 else _flow_mapping(rng)


def _block(rng: random.Random, indent: int) -> list[str]:
    lines = []
    pad = " " * indent
    for _ in range(rng.randint(0, 3)):
        dash = rng.choice(["- ", "-  ", "-", "- "])
        if rng.random() < 0.4:
            lines.append(f"{pad}{dash}{rng.choice(KEYS)}: {_value(rng)}")
            inner = " " * (indent + len(dash))
            for _ in range(rng.randint(0, 2)):
                lines.append(f"{rng.choice([inner, inner, inner + ' ', pad])}{rng.choice(KEYS)}: {_value(rng)}")
        else:
            lines.append(f"{pad}{dash}{_value(rng)}")
        if rng.random() < 0.1:
            lines.append(rng.choice(["", "  ", "# c", "   # c", pad + "  suite"]))
    return lines


def _document(rng: random.Random) -> str:
    lines = []
    for _ in range(rng.randint(0, 6)):
        key = rng.choice(KEYS)
        if rng.random() < 0.6:
            after = rng.choice(["", " ", " # c"]) if rng.random() < 0.2 else ""
            lines.append(f"{key}:{rng.choice([' ', '  ', ''])}{_value(rng)}{after}")
        else:
            lines.append(f"{key}:")
            lines.extend(_block(rng, rng.choice([0, 2, 2, 4, 1])))
        if rng.random() < 0.05:
            lines.append(rng.choice(["", "# comment", "  indented", "...", "--- x", "\t"]))
    return "\n".join(lines)


def _pyyaml(text: str, loader: type) -> object:
    try:
        return yaml.load(text, loader)
    except yaml.YAMLError:
        return "error"


def _assert_agrees(text: str) -> bool:
    """True when the fast reader answered (and agrees with both of PyYAML's parsers)."""
    fast = READER.load(text)
    if fast is yamlsubset.UNSURE:
        return False
    for loader in LOADERS:
        expected = _pyyaml(text, loader)
        assert expected != "error", f"{loader.__name__} rejects what the fast reader read: {text!r}"
        assert repr(expected or {}) == repr(fast), f"{loader.__name__} reads {text!r} otherwise"
    return True


@pytest.mark.parametrize("seed", range(4))
def test_generated_documents_read_as_pyyaml_reads_them(seed: int):
    rng = random.Random(seed)
    answered = sum(_assert_agrees(_document(rng)) for _ in range(6000))
    assert answered > 600  # the fast reader did take part


NAMES = [
    "Japon", "Corée du Sud", "Nouvelle-Zélande", "l'Otan", "l’Otan", "Otan", "États-Unis", "Yes", "Non", "on",
    "2024", "12", "0", "null", "Inde  Pacifique", "AUKUS", "x&y", "C#", "a:b", "Quoi ?", "a!b", "e-mail", "Ça va",
    "Taïwan (ROC)", "Fidji", "~", "true", "Oui", "tilde~", "a|b", "50%", "@x", "a'b", 'a"b', "-x",
]


def _realistic_value(rng: random.Random) -> str:
    names = [rng.choice(NAMES) for _ in range(rng.randint(1, 4))]
    quote = rng.choice(['"', "'", ""])
    shape = rng.random()
    if shape < 0.5:
        return "[" + ", ".join(f"{quote}{n}{quote}" for n in names) + "]"
    if shape < 0.7:
        return "\n" + "\n".join(f"  - {quote}{n}{quote}" for n in names)
    if shape < 0.85:
        pairs = zip(["title", "url", "date", "publisher"], names, strict=False)
        return "{" + ", ".join(f"{k}: {quote}{n}{quote}" for k, n in pairs) + "}"
    return f"{quote}{names[0]}{quote}"


def test_realistic_documents_mostly_take_the_fast_path_and_read_the_same():
    rng = random.Random(9)
    keys = ["title", "date", "countries", "people", "sources", "related", "confidential", "number", "aliases"]
    answered = 0
    for _ in range(3000):
        chosen = rng.sample(keys, rng.randint(1, len(keys)))
        answered += _assert_agrees("\n".join(f"{key}: {_realistic_value(rng)}" for key in chosen))
    assert answered > 1000  # a third and more: names such as "C#", "a:b", "-x" or "Yes" go to PyYAML


def test_every_front_matter_of_the_project_takes_the_fast_path_or_block_scalars():
    read = 0
    for path in sorted(REPO.glob("docs/**/*.md")) + sorted(REPO.glob("events/**/*.md")):
        text = path.read_text("utf-8")
        if not text.startswith("---\n"):
            continue
        yaml_text = text[4:].split("\n---", 1)[0]
        if _assert_agrees(yaml_text):
            read += 1
        else:  # the only shape left to PyYAML in the sample content: a folded paragraph
            assert ": >-\n" in yaml_text, path
    assert read > 40


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("date: 2023-08-18\ntitle: Un fait", {"date": "2023-08-18", "title": "Un fait"}),
        ("number: 12\nconfidential: yes\nend: ~", {"number": 12, "confidential": True, "end": None}),
        ('countries: [Japon, "Corée du Sud", \'l\'\'Otan\']', {"countries": ["Japon", "Corée du Sud", "l'Otan"]}),
        (
            "sources:\n  - {title: Dépêche, url: 'https://example.org/a'}\n  - title: T\n    url: https://x.org/b",
            {"sources": [{"title": "Dépêche", "url": "https://example.org/a"}, {"title": "T", "url": "https://x.org/b"}]},
        ),
        ("facts:\n- a\n- b\n# fin\nsee_also: [175]", {"facts": ["a", "b"], "see_also": [175]}),
        ("related:\ntitle: x", {"related": None, "title": "x"}),
        ("""aliases: ['', "", 'l''Otan' ]\nabbr: ''""", {"aliases": ["", "", "l'Otan"], "abbr": ""}),
        ("title: Mongolie : le comité", yamlsubset.UNSURE),  # a YAML error, PyYAML words it
        ("title: x # un commentaire", yamlsubset.UNSURE),
        ("lead_en: >-\n  A folded\n  paragraph", yamlsubset.UNSURE),
        ("title: a\ntitle: b", yamlsubset.UNSURE),
        ("year: 012", yamlsubset.UNSURE),
        ("date: x\n\ttitle: y", yamlsubset.UNSURE),
        ('title: "a \\" b"', yamlsubset.UNSURE),
    ],
)
def test_reads_the_usual_shapes_and_leaves_the_rest(text: str, expected: object):
    if expected is yamlsubset.UNSURE:
        assert READER.load(text) is yamlsubset.UNSURE
    else:
        assert READER.load(text) == expected
        assert _assert_agrees(text)


def test_lines_are_found_on_demand_for_a_fast_read_document():
    doc = frontmatter.parse("---\ntitle: x\ncountries:\n  - Japon\n  - Corée\nsources:\n  - {title: t, url: u}\n---\n")
    assert doc.meta["countries"] == ["Japon", "Corée"]
    assert doc.line_of(("countries", 1)) == 5
    assert doc.line_of(("sources", 0, "url")) == 7


def test_glossary_candidates_are_those_of_a_scan_of_the_whole_text():
    rng = random.Random(5)
    pieces = ["a", "É", "IP4", "*", "**", " ", "`", "\\", "&", "-", "_", "’", "(", "x*", "*y", "\\*", "é*", "1", "Ä"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        expected = [(m.start(), m.group(1)) for m in glossary._CANDIDATE.finditer(text)]
        assert [(m.start(), m.group(1)) for m in glossary._candidates(text)] == expected, text


def test_usual_web_addresses_are_judged_as_urlsplit_judges_them():
    rng = random.Random(2)
    pieces = ["http", "https", "://", "example", ".", "org", "-", "x", "1", "/", "?", "#", ":", "80", "@", " ", "é",
              "xn--", "[", "a" * 70, "..", "%", "localhost", "1.2.3.4", "WWW"]
    plain = 0
    for _ in range(20000):
        url = rng.choice(["https://", "http://", ""]) + "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        if checks._PLAIN_URL.fullmatch(url):
            plain += 1
            assert checks.url_problem(url) == checks.as_text(checks._split_url_problem(url)), url
    assert plain > 300


def _plain_fold(text: str) -> str:
    """``fold`` as written first: every character of the decomposed text tested for a combining mark."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


_TEXT_PIECES = st.sampled_from([
    "a", "É", "é", "e\u0301", "Œ", "ß", "ﬁ", "Ｆ", "ℌ", "ǅ", "Σ", "ς", "İ", "\u0345", "\u034f", "\U0001d165",
    "\u0e48", "\u05b0", "’", "'", "«", "»", "\u00a0", "\u202f", " ", "\t", "\n", "\r\n", "\u2028", "\x1c",
    "\x85", "\x0b", ".", ",", ":", "x", "1", "ǈ", "ẞ", "\u1e9b\u0323",
    *templates.PLACEHOLDERS, "Le fait, en un à trois", "paragraphes : qui, quoi, où,", "LE FAIT,", "l'analyse",
])
_TEXTS = st.lists(_TEXT_PIECES, max_size=30).map("".join) | st.text(max_size=40)


@settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None)
@given(_TEXTS)
def test_fold_drops_the_marks_a_test_of_every_character_drops(text: str):
    assert fold(text) == _plain_fold(text)


@settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None)
@given(_TEXTS)
def test_template_sentences_are_found_as_a_search_of_every_line_finds_them(body: str):
    found = ((index, templates.placeholder_in(line)) for index, line in enumerate(body.splitlines()))
    assert templates.placeholder_lines(body) == [(index, sentence) for index, sentence in found if sentence]


@settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None)
@given(_TEXTS | st.sampled_from(["TODO", " à compléter… ", "\u00a0Titre :", "—", "Fait.", "\u2003xxx\u2028"]))
def test_a_field_is_judged_as_the_plain_reading_judges_it(value: str):
    """``placeholder_value`` folds the value once; the plain reading folded it again once stripped."""
    stripped = value.strip()
    plain = templates.placeholder_in(value) or (
        stripped if templates._NO_WORD.match(stripped)
        or templates._normal(stripped).strip(" .…:!?") in templates._FILLERS else None)
    assert templates.placeholder_value(value) == plain


def test_white_space_folds_to_white_space():
    """What lets a field be folded before it is stripped."""
    spaces = [chr(code) for code in range(0x110000) if chr(code).isspace()]
    assert spaces and all(fold(space) and fold(space).isspace() for space in spaces)


def test_template_sentences_are_found_on_their_lines_in_a_long_body():
    body = f"Un texte.\n\nLa suite, accentuée : {templates.ENTRY_MORE.upper()}\n{templates.EVENT_BODY}\nFin."
    assert templates.placeholder_lines(body) == [(2, templates.ENTRY_MORE), (3, templates.EVENT_BODY)]
    split = body.replace("LA DESCRIPTION", "LA\nDESCRIPTION")  # found in the whole body, on no line of its own
    assert templates.placeholder_lines(split) == [(4, templates.EVENT_BODY)]


def test_linked_files_are_those_every_pattern_finds_in_every_text(monkeypatch):
    """``linked_files`` searches a text with a pattern only if it holds what each of its matches holds."""
    rng = random.Random(7)
    pieces = ["[a]", "](", "(", ")", "]", ":", "]:", "\n", "   ", "    ", "[", "x.png", "../y.pdf", "/z.md", "#t",
              "href", "SRC", "data", "poster", "=", " = ", '"', "'", "<", ">", "https://e.org/", "a b", "?q=1", "%20"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 14))) for _ in range(20000)]
    found = [list(published.linked_files(text, "lettres/x.md")) for text in texts]
    every_text = tuple(("", pattern) for _needle, pattern in published._LINK_TARGETS)  # "" is in every text
    monkeypatch.setattr(published, "_LINK_TARGETS", every_text)
    assert found == [list(published.linked_files(text, "lettres/x.md")) for text in texts]
    assert sum(1 for targets in found if targets) > 1000
