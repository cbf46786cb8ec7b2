"""Letters in the Asie21 anatomy, and the index of all letters."""

from __future__ import annotations

from collections.abc import Callable

from briefing.edition.editions import Edition
from briefing.index.corpus import Corpus
from briefing.index.readers import ReaderIndex
from briefing.load import footnotes
from briefing.load.dates import format_issue
from briefing.render import html, letter_facts, letter_pages, markup
from briefing.render.authors import author_link
from briefing.render.fragments import Place
from briefing.render.glossary_page import term_link
from briefing.render.relations import relation_link
from briefing.settings import Settings
from briefing.structure import Letter


def _render_authors(letter: Letter, readers: ReaderIndex | None = None) -> str:
    if not letter.authors:
        return ""
    names = [author_link(a, readers) if readers else markup.text(a) for a in letter.authors]
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " et " + names[-1]
    return f"Par {joined}\n{{ .briefing-authors }}\n"


ARCHIVED_NOTICE = (
    "Numéro archivé : seuls son titre, sa rubrique et sa date sont conservés ici ; "
    "son texte n’a pas été repris sur ce site."
)


def _subscribe_link(settings: Settings) -> str:
    return markup.link(markup.text(settings.subscribe_label), settings.subscribe_url) if settings.subscribe_url else ""


def _render_analysis(letter: Letter, settings: Settings) -> str:
    """The analysis; in the public edition the notice that it is for subscribers, which carries the
    page's only subscription link."""
    if letter.analysis_withheld:
        subscribe = _subscribe_link(settings)
        return (
            "## Analyse\n\n"
            '!!! abonnes "Réservé aux abonnés"\n\n'
            f"    L’analyse complète de cette lettre est réservée aux abonnés de la "
            f"{markup.text(settings.publication)}.{' ' + subscribe if subscribe else ''}\n"
        )
    if not letter.analysis:
        return ""
    return f"## Analyse\n\n{letter.analysis}\n"


def is_archived(letter: Letter) -> bool:
    """A letter kept for its number and title only: no chapeau, no analysis (in either edition)."""
    return not letter.chapeau.strip() and not letter.analysis.strip() and not letter.analysis_withheld


def _render_source_line(letter: Letter, settings: Settings) -> str:
    """``Extrait de la … n° 187/2024-10``, then the subscription link: only in the public edition, and
    only where the notice of a withheld analysis has not given it already (one link a page)."""
    prefix = "Extrait de la " if settings.edition is Edition.PUBLIC else ""
    line = f"{prefix}{markup.text(settings.publication)} n° {letter.number}/{markup.text(letter.issue)}"
    parts = [f"{line}\n{{ .briefing-source }}\n"]
    subscribe = _subscribe_link(settings)
    if subscribe and settings.edition is Edition.PUBLIC and not letter.analysis_withheld:
        parts.append(f"{subscribe}\n{{ .briefing-subscribe }}\n")
    return "\n".join(parts)


def _render_letter_list(heading: str, anchor: str, letters: list[Letter], corpus: Corpus, settings: Settings) -> str:
    """A list of other letters: kept out of search, where it would find this letter by their titles."""
    return markup.letter_section(f"{heading} {{ #{anchor} data-search-exclude }}", letters, corpus.registry.entities,
                                 settings.short_name)


def _render_relation(letter: Letter, corpus: Corpus, readers: ReaderIndex | None) -> str:
    relation = readers.relation_of(letter) if readers else None
    if relation is None:
        return ""
    link = relation_link(relation, corpus)
    return f"Toutes les lettres et les événements communs : {link}\n{{ .briefing-relation }}\n"


def _render_facts(letter: Letter, corpus: Corpus, settings: Settings, place: Place | None,
                  around: tuple[list[str], list[str]]) -> str:
    """FAITS: as one HTML fragment where ``letter_facts`` can write it as Python-Markdown would (the
    Markdown of the page ``around`` it permitting), else in Markdown."""
    events = letter_facts.facts_events(letter.facts, corpus)
    before, after = ("\n".join(part) for part in around)
    if place is not None and settings.plain_markdown and letter_facts.facts_apart(before, after, letter.chapeau):
        fragment = letter_facts.facts_fragment(events, lambda word: term_link(word, corpus), place)
        if fragment is not None:
            return fragment
    return letter_facts.facts_markdown(events)


def render_letter(letter: Letter, corpus: Corpus, settings: Settings, readers: ReaderIndex | None = None,
                  place: Place | None = None) -> str:
    """The letter's Markdown; with ``place``, its FAITS may be a fragment (``letter_facts``)."""
    entities = corpus.registry.entities
    see_also = [corpus.letters_by_number[n] for n in letter.see_also]
    cited_by = sorted(corpus.cited_by.get(letter.number, []), key=lambda x: -x.number)
    has_footnotes = bool(footnotes.split_definitions(f"{letter.chapeau}\n\n{letter.analysis}")[1])
    issue_line = (
        f"{markup.text(settings.short_name)} n° {letter.number} · {format_issue(letter.issue)}\n"
        "{ .briefing-issue }\n"
    )
    lead_en = (
        '<details class="briefing-lead-en" lang="en" markdown>\n<summary>English summary</summary>\n\n'
        f"{markup.text(letter.lead_en)}\n\n</details>\n"
        if letter.lead_en else ""
    )
    chapeau = f'<div class="briefing-chapeau" markdown>\n\n{letter.chapeau}\n\n</div>\n' if letter.chapeau else ""
    archived = f"{ARCHIVED_NOTICE}\n{{ .briefing-archived }}\n" if is_archived(letter) else ""
    sections = [
        f"# {markup.text(markup.letter_heading(letter, entities))}\n",
        issue_line,
        _render_authors(letter, readers),
        chapeau,
        lead_en,
        archived,
    ]
    after = [
        _render_analysis(letter, settings),
        markup.footnotes_here() + "\n" if has_footnotes else "",
        _render_source_line(letter, settings),
        _render_letter_list("Lire également", "lire-egalement", see_also, corpus, settings),
        _render_letter_list("Lettres qui citent celle-ci", "citee-par", cited_by, corpus, settings),
        _render_relation(letter, corpus, readers),
    ]
    sections += [_render_facts(letter, corpus, settings, place, (sections, after)), *after]
    return "\n".join(s for s in sections if s)


LETTERS_INDEX_URI = "lettres/index.md"


def _archive_uri(page: int) -> str:
    return f"lettres/archives-{page}.md"


def _letters_table(letters: list[Letter], corpus: Corpus) -> str:
    entities = corpus.registry.entities
    rows = "".join(
        f'<tr><td>{x.number}</td><td>{html.text(format_issue(x.issue))}</td>'
        f"<td>{html.link(html.text(markup.letter_heading(x, entities)), x.src_uri)}</td></tr>\n"
        for x in letters)
    return ('<table>\n<thead><tr><th>N°</th><th>Numéro</th><th>Rubrique et titre</th></tr>'
            f"</thead>\n<tbody>\n{rows}</tbody>\n</table>\n")


def render_letters_index(corpus: Corpus, settings: Settings, place: Place) -> str:
    """The latest letters, then links to the pages of the older ones: a page that does not grow."""
    latest, pages = letter_pages.split(corpus.letters, letter_pages.INDEX_LATEST, _archive_uri)
    count = len(corpus.letters)
    intro = (f"Toutes les lettres de la {markup.text(settings.publication)}, de la plus récente à la plus ancienne "
             f"({count})." if not pages else
             f"Les {len(latest)} dernières des {count} lettres de la {markup.text(settings.publication)}, de la plus "
             f"récente à la plus ancienne ; les précédentes, par pages de {letter_pages.LETTER_PAGE_SIZE}, "
             "sont indiquées en bas de page.")
    body = place(_letters_table(latest, corpus)) if latest else "Aucune lettre.\n"
    older = place(letter_pages.older_links(pages, "Lettres plus anciennes")) if pages else ""
    return (markup.front_matter(title="Lettres", search={"exclude": True})
            + f"# Lettres\n\n{intro}\n\n{body}\n\n{older}\n")


def render_letters_archives(corpus: Corpus, placer: Callable[[str], Place]) -> dict[str, str]:
    """The pages of older letters by ``src_uri`` (``lettres/archives-1/``: the oldest)."""
    _, pages = letter_pages.split(corpus.letters, letter_pages.INDEX_LATEST, _archive_uri)
    rendered = {}
    for i, page in enumerate(pages):
        place = placer(page.src_uri)
        title = f"Lettres {page.label}"
        rendered[page.src_uri] = "\n".join([
            markup.front_matter(title=title, search={"exclude": True}),
            f"# {markup.text(title)}\n",
            place(_letters_table(page.letters, corpus)),
            place(letter_pages.neighbours(pages, i, ("Dernières lettres", LETTERS_INDEX_URI))),
        ])
    return rendered
