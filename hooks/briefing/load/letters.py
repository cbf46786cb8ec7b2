"""Load stage: letters (``docs/lettres/<number>-<slug>.md``), their chapeau and analysis around ``<!-- more -->``."""

from __future__ import annotations

import re
from pathlib import Path

from briefing.diagnostics import Severity
from briefing.i18n import _
from briefing.load import footnotes
from briefing.load.dates import DateFormError, parse_issue
from briefing.load.documents import check_schema, text_list
from briefing.load.frontmatter import Document
from briefing.load.more import mistyped_more, split_letter_body
from briefing.load.registry import ZONE_NOUN
from briefing.load.state import LoaderState
from briefing.structure import ALL_KINDS, Letter

_LETTER_FILE = re.compile(r"^(\d+)-([a-z0-9][a-z0-9-]*)\.md$")


class LetterLoading(LoaderState):
    """Reads the letters folder into ``Letter`` records."""

    def _load_letters(self) -> None:
        seen: dict[int, Path] = {}
        for path in self.inventory.letters:
            if self.preview and not self.preview.keeps(path, letter=True):
                continue
            letter = self._load_letter(path)
            if letter and letter.number in seen:
                self.diagnostics.add(
                    path, self._letter_docs[letter.number].line_of(("number",)), "number",
                    _("letter number {number} is already used by {other}; numbers are unique").format(
                        number=letter.number, other=self.diagnostics.relative(seen[letter.number])),
                )
                letter = None
            if letter is None:
                self.accounting.rejected.append(path)
                continue
            seen[letter.number] = path
            self.sources.letters.append(letter)

    def _load_letter(self, path: Path) -> Letter | None:
        doc = self._read(path)
        if doc is None or not check_schema("letter", path, doc, self.diagnostics):
            return None
        meta = doc.meta
        ok = True
        file_match = _LETTER_FILE.match(path.name)
        if not file_match:
            self.diagnostics.add(
                path, None, None,
                _("a letter's file name is <number>-<slug>.md in lowercase ASCII, e.g. {number}-mon-titre.md").format(
                    number=meta["number"]),
            )
            ok = False
        elif int(file_match.group(1)) != meta["number"]:
            self.diagnostics.add(
                path, doc.line_of(("number",)), "number",
                _("number {number} does not match the file name; rename the file {name} or fix the number").format(
                    number=meta["number"], name=f"{meta['number']}-{file_match.group(2)}.md"),
            )
            ok = False
        try:
            issue = parse_issue(meta["issue"])
        except DateFormError as error:
            self.diagnostics.add(path, doc.line_of(("issue",)), "issue", str(error))
            ok = False
        zones = []
        for index, name in enumerate(text_list(meta, "zones")):
            resolution = self.registry.resolve(name, ALL_KINDS, noun=ZONE_NOUN)
            if resolution.entity is None:
                self.diagnostics.add(path, doc.line_of(("zones", index)), f"zones/{index}", resolution.message)
                ok = False
            elif resolution.entity.key in zones:
                first = zones.index(resolution.entity.key)
                self.diagnostics.add(
                    path, doc.line_of(("zones", index)), f"zones/{index}",
                    _('"{name}" names {entry} again (already at zones/{first}); keep it once').format(
                        name=name, entry=resolution.entity.title, first=first),
                    Severity.WARNING,
                )
            else:
                zones.append(resolution.entity.key)
        if isinstance(meta["number"], float):
            self.diagnostics.add(path, doc.line_of(("number",)), "number",
                                 _("write the number without decimals: {number}").format(number=int(meta["number"])))
            ok = False
        chapeau, analysis = split_letter_body(doc.body)
        near_miss = mistyped_more(doc.body)
        if near_miss is not None:
            self.diagnostics.add(
                path, doc.body_line + near_miss, "body",
                _("this line looks like a mistyped '<!-- more -->'; write '<!-- more -->' alone on its line "
                  "(until then the letter is not published, so that its analysis is not shown as its chapeau)"),
            )
            ok = False
        elif analysis is None:
            if chapeau:
                self.diagnostics.add(
                    path, doc.body_line, "body",
                    _("no '<!-- more -->' line after the chapeau; the whole text is taken as the chapeau "
                      "and shown in the public edition"),
                    Severity.WARNING,
                )
            analysis = ""
        self._check_chapeau_notes(path, doc, chapeau, analysis or "")
        if not ok:
            return None
        self._letter_docs[meta["number"]] = doc
        return Letter(
            number=meta["number"],
            slug=file_match.group(2),
            path=path,
            issue=issue,
            zones=tuple(zones),
            title=str(meta["title"]).strip(),
            chapeau=chapeau,
            analysis=analysis,
            facts=tuple(text_list(meta, "facts")),
            see_also=tuple(meta.get("see_also") or ()),
            authors=tuple(text_list(meta, "authors")),
            lead_en=str(meta["lead_en"]).strip() if meta.get("lead_en") else None,
        )

    def _check_chapeau_notes(self, path: Path, doc: Document, chapeau: str, analysis: str) -> None:
        """A footnote the chapeau cites but that is defined after ``<!-- more -->`` is part of the
        analysis: the public edition drops it (``editions``); say so."""
        defined_above = footnotes.split_definitions(chapeau)[1]
        defined_below = footnotes.split_definitions(analysis)[1]
        for label in footnotes.references(chapeau):
            if label not in defined_above and label in defined_below:
                self.diagnostics.add(
                    path, doc.body_line, "body",
                    _("the chapeau cites the footnote [^{label}], defined after '<!-- more -->': the public "
                      "edition withholds it with the analysis; move its definition above that line to publish it"
                      ).format(label=label),
                    Severity.WARNING,
                )
