"""Messages in the site's language: the French catalog translates every message, is in step with the
code, and the bad-input table reads in French as ``check`` prints it (English: ``test_errors.py``)."""

from __future__ import annotations

import ast
import importlib.util
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from test_errors import CASES, _project

from briefing import i18n
from briefing.cli.check import check
from support import REPO

FRENCH = {
    "bad YAML": "events/2023/2023-01-01-bad.md:3: YAML invalide",
    "no front matter": "events/2023/2023-01-01-bad.md:1: le fichier doit commencer par une ligne « --- »",
    "missing title": "events/2023/2023-01-01-bad.md:1: title: champ obligatoire manquant ; ajoutez « title: … »",
    "unknown field": 'events/2023/2023-01-01-bad.md:3: titre: champ inconnu « titre », vouliez-vous dire « title » ?',
    "impossible month": "events/2023/2023-01-01-bad.md:2: date: '2025-13-01' n’a pas de mois 13",
    "impossible day": "events/2023/2023-01-01-bad.md:2: date: '2023-02-30' n’est pas un jour du calendrier ; "
                      "février 2023 a 28 jours",
    "malformed date": "events/2023/2023-01-01-bad.md:2: date: '18/08/2023' n’est pas une date ; écrivez 2023-08-18",
    "end before start": "events/2023/2023-01-01-bad.md:3: end: 2023-05-01 est avant la date de début 2023-05-03",
    "approx on a day": "events/2023/2023-01-01-bad.md:3: approx: approx ne s’applique qu’aux dates au mois",
    "bad approx": "events/2023/2023-01-01-bad.md:3: approx: 'fin' n’est pas permis",
    "unknown country": "events/2023/2023-01-01-bad.md:6: countries/1: pays « Jappon » introuvable dans le registre, "
                       "vouliez-vous dire « Japon » ? (l’orthographe diffère légèrement ; fiche pays/japon.md)",
    "name of another kind": "countries/0: « Otan » est dans le registre (organisations/otan.md), mais pas comme pays",
    "list written as text": "events/2023/2023-01-01-bad.md:4: countries: une liste est attendue, pas du texte ; "
                            "écrivez [Japon]",
    "malformed source url": "events/2023/2023-01-01-bad.md:6: sources/0/url: 'pas une url' n’est pas une adresse web",
    "undecodable file": "events/2023/2023-01-01-bad.md: le fichier n’est pas en UTF-8 valide",
    "duplicate id": "events/2024/2023-05-03-valide.md:1: identifiant « 2023-05-03-valide » en double",
    "unknown event id in a letter": "docs/lettres/11-autre.md:6: facts/0: identifiant de note « 2023-05-03-valid » "
                                    "introuvable, vouliez-vous dire « 2023-05-03-valide » ? ; la référence est ignorée",
    "unknown letter number": "docs/lettres/11-autre.md:6: see_also/0: numéro de lettre « 99 » introuvable",
    "unknown related event": "events/2023/2023-06-01-autre.md:4: related/0: identifiant de note « nulle-part » "
                             "introuvable",
    "duplicate letter number": "number: le numéro de lettre 10 est déjà pris par docs/lettres/10-valide.md",
    "letter number and file name disagree": "docs/lettres/12-autre.md:2: number: le numéro 13 ne correspond pas au "
                                            "nom du fichier",
    "malformed issue": "docs/lettres/12-autre.md:3: issue: '2024-13' cite un mois hors de 01-12",
    "unknown zone": "docs/lettres/12-autre.md:4: zones/0: zone « Japn » introuvable dans le registre, "
                    "vouliez-vous dire « Japon » ?",
    "template title": "events/2023/2023-01-01-bad.md:3: title: « … » est le texte du modèle ; écrivez le vôtre",
    "template definition": "docs/pays/chine.md:4: body: le texte du modèle « Première phrase : la définition reprise "
                           "dans le glossaire. » est encore là",
    "registry entry without title": "docs/pays/chine.md:1: title: champ obligatoire manquant",
}


def _i18n_tool():
    spec = importlib.util.spec_from_file_location("i18n_tool", REPO / "tools" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_message_has_a_french_translation_and_the_catalog_is_in_step_with_the_code():
    tool = _i18n_tool()
    template = tool.extract()
    assert len(template) > 100  # the extraction found the package's messages
    catalogs = tool.catalogs()
    assert set(catalogs) == {"fr"}
    assert tool.problems(template, "fr", tool._read(catalogs["fr"], "fr")) == []


def test_the_catalog_check_notices_a_new_message_and_a_missing_translation(tmp_path):
    """The check above is not vacuous: a message added to the code, or left untranslated, is reported."""
    tool = _i18n_tool()
    template = tool.extract()
    catalog = tool._read(tool.catalogs()["fr"], "fr")
    template.add("a message added by a new check")
    catalog[", did you mean \"{hint}\"?"].string = ""
    catalog["error: {message}"].string = "erreur : {message} {extra}"
    found = tool.problems(template, "fr", catalog)
    assert "fr: not in the catalog (run tools/i18n.py update): 'a message added by a new check'" in found
    assert "fr: untranslated: ', did you mean \"{hint}\"?'" in found
    assert any("'error: {message}' is translated with fields the message lacks: ['extra']" in p for p in found)


def test_the_bad_input_table_covers_every_case_in_french():
    assert set(FRENCH) == set(CASES)


@pytest.mark.parametrize("case", list(CASES))
def test_messages_in_french_when_the_site_is_french(tmp_path, monkeypatch, case):
    monkeypatch.delenv("BRIEFING_LANGUAGE")
    project = _project(tmp_path / "project", CASES[case][0])
    try:
        lines = [d.format() for d in check(project / "mkdocs.yml")]
    finally:
        i18n.use("en")
    assert any(FRENCH[case] in line for line in lines), (FRENCH[case], lines)


def test_english_on_request_and_for_an_english_site(tmp_path, monkeypatch):
    files, expected = CASES["unknown country"]
    project = _project(tmp_path / "project", files)
    monkeypatch.setenv("BRIEFING_LANGUAGE", "en")
    assert any(expected in d.format() for d in check(project / "mkdocs.yml"))
    monkeypatch.delenv("BRIEFING_LANGUAGE")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("language: fr", "language: en"), "utf-8")
    try:
        assert any(expected in d.format() for d in check(config))
    finally:
        i18n.use("en")


def test_command_line_help_in_french():
    env = {"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "COLUMNS": "200"}  # no wrapped lines
    helped = subprocess.run([sys.executable, "-m", "briefing", "--help"], cwd=REPO, capture_output=True, text=True,
                            env=env)
    assert helped.returncode == 0
    assert helped.stdout.startswith("usage : python -m briefing [-h] COMMANDE ...")
    assert "Écrire et vérifier les notes d’événement, les lettres et les fiches du registre." in helped.stdout
    assert "vérifie toutes les notes, lettres et fiches (sans construire le site)" in helped.stdout
    checked = subprocess.run([sys.executable, "-m", "briefing", "check", "--help"], cwd=REPO, capture_output=True,
                             text=True, env=env)
    assert "chemin de mkdocs.yml" in checked.stdout and "affiche cette aide et quitte" in checked.stdout
    wrong = subprocess.run([sys.executable, "-m", "briefing", "nouveau"], cwd=REPO, capture_output=True, text=True,
                           env=env)
    assert wrong.returncode == 2 and "erreur : argument COMMANDE : choix invalide : 'nouveau'" in wrong.stderr


def test_french_catalog_is_shipped_with_the_package():
    assert i18n.catalog_path("fr").is_file()
    assert i18n.available_languages() == ["fr"]
    assert "locale/*/LC_MESSAGES/*.po" in (REPO / "pyproject.toml").read_text("utf-8")
    assert Path(i18n.__file__).parent == REPO / "hooks" / "briefing"


_USER_ERRORS = {"FrontMatterError", "DateFormError", "Refused", "PluginError", "PreviewError", "NodeError"}
_LOG_CALLS = {"warning", "error", "info"}


def _unmarked(node) -> bool:
    """A message written as a plain or formatted string literal, not through ``_()``."""
    return isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str))


def _unmarked_messages(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        owner = ast.unparse(func.value) if isinstance(func, ast.Attribute) else ""
        if name == "add" and "diagnostics" in owner:
            message = node.args[3] if len(node.args) > 3 else None
        elif name == "refuse":
            message = node.args[1] if len(node.args) > 1 else None
        elif name == "not_published" or name in _USER_ERRORS or (name in _LOG_CALLS and owner == "log"):
            message = node.args[0] if node.args else None
        else:
            continue
        if message is not None and _unmarked(message):
            found.append(f"{path.relative_to(REPO)}:{node.lineno}: {ast.unparse(message)[:80]}")
    return found


def test_every_message_a_contributor_reads_goes_through_the_catalog():
    """A diagnostic, a refusal or a logged problem written as a bare string would stay in English:
    write it as ``_("… {field} …").format(field=…)`` (``briefing.i18n``), then run tools/i18n.py update."""
    sources = [*(REPO / "hooks" / "briefing").rglob("*.py"), *(REPO / "hooks" / "adapter").glob("*.py")]
    found = [line for path in sorted(sources) for line in _unmarked_messages(path)]
    assert found == []


def _french_catalog() -> list[str]:
    from babel.messages.pofile import read_po

    with i18n.catalog_path("fr").open("rb") as stream:
        catalog = read_po(stream, locale="fr")
    strings = []
    for message in catalog:
        if message.id:
            strings += list(message.string) if isinstance(message.string, tuple) else [message.string]
    return strings


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[^\W\d_]{3,}", text.replace("’", " ").lower())}


_VALUES = {"abbr", "docs", "events", "pays", "jappon", "japon", "quad"}
"""Words the guide's examples fill messages with (field values, nouns), not words of the messages."""


def test_contributing_quotes_the_messages_as_they_are_printed():
    """Each opening in the guide's table of messages is French text of one catalog message (its words,
    whatever values fill it), so the guide follows the catalog instead of translating the messages."""
    guide = (REPO / "CONTRIBUTING.md").read_text("utf-8")
    table = guide[guide.index("| message (début) |"):]
    table = table[:table.index("\n\n")]
    openings = [q for row in table.splitlines()[2:] for q in re.findall(r"`([^`]+)`", row.split(" | ")[0])]
    assert len(openings) > 25
    suggestion = _words("vouliez-vous dire")  # the did-you-mean part, a message of its own, goes into others
    catalog = [_words(string) | suggestion for string in _french_catalog()]
    for opening in openings:
        for fragment in opening.split("…"):
            words = _words(fragment) - _VALUES
            assert not words or any(words <= message for message in catalog), (opening, fragment)
    printed = re.findall(r"^(?:ERROR|WARNING) +-  briefing: \S+: \S+: (.+)$", guide, re.M)
    assert len(printed) == 2
    for line in printed:
        assert any(_words(line.split(" (")[0]) - _VALUES <= m for m in catalog), line


def test_the_catalog_is_compiled_once_per_version_and_kept_beside_it(tmp_path):
    catalog = tmp_path / "messages.po"
    catalog.write_bytes(i18n.catalog_path("fr").read_bytes())
    first = i18n._compiled(catalog, "fr")
    kept = list(tmp_path.glob("messages-*.mo"))
    assert len(kept) == 1 and kept[0].read_bytes() == first
    assert i18n.gettext.GNUTranslations(io.BytesIO(first)).gettext("nothing") == "rien"
    catalog.write_text(catalog.read_text("utf-8").replace('msgstr "rien"', 'msgstr "néant"'), "utf-8")
    second = i18n._compiled(catalog, "fr")
    assert [p.read_bytes() for p in tmp_path.glob("messages-*.mo")] == [second]  # the old version removed
    assert i18n.gettext.GNUTranslations(io.BytesIO(second)).gettext("nothing") == "néant"
