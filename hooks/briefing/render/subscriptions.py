"""The "S'abonner" page and the per-page links to feeds, calendars and data."""

from __future__ import annotations

from briefing.exports import paths
from briefing.french import grammar
from briefing.render import html, markup
from briefing.settings import Settings
from briefing.structure import Entity, EntityKind


def _file_link(label: str, path: str) -> str:
    return markup.link(label, markup.href(path))


def render_follow(entity: Entity, *, has_events: bool) -> str:
    """``Suivre : flux Atom · calendrier`` on an entity page (a calendar only where there are events), as HTML."""
    links = [html.link("flux Atom (lettres et événements)", paths.entity_feed(entity))]
    if has_events:
        links.append(html.link("calendrier iCalendar", paths.entity_calendar(entity)))
    if entity.article or entity.kind is not EntityKind.TOPIC:
        name = grammar.the(entity.title, entity.article, shown=html.text(entity.title))
    else:
        name = f"le thème « {html.text(entity.title)} »"
    return html.paragraph(f"Suivre {name} : {' · '.join(links)}", "briefing-follow")


def render_subscriptions(settings: Settings) -> str:
    """The page listing every site-wide feed and export, and how to follow one entry."""
    feeds = [] if settings.offline else [
        ("Lettres", "flux Atom", paths.LETTERS_FEED),
        ("Événements", "flux Atom", paths.EVENTS_FEED),
    ]
    rows = [
        *feeds,
        ("Événements", "calendrier iCalendar (.ics)", paths.EVENTS_CALENDAR),
        ("Événements", "données JSON", paths.EVENTS_JSON),
        ("Lettres", "données JSON", paths.LETTERS_JSON),
        ("Données", "schéma JSON des deux fichiers", paths.EXPORT_SCHEMA),
    ]
    table = "| Contenu | Format | Fichier |\n|---|---|---|\n" + "\n".join(
        f"| {what} | {form} | {_file_link(path.rsplit('/', 1)[-1], path)} |" for what, form, path in rows
    )
    follow = (
        "Cet export hors ligne contient le calendrier de toute la chronologie et les données ; les flux, "
        "et ceux de chaque fiche, sont sur le site en ligne.\n\n" if settings.offline else
        "Chaque fiche (pays, personnalité, organisation, thème) a aussi son propre flux et son calendrier : "
        "voir « Suivre » sur la fiche.\n\n"
    )
    return (
        markup.front_matter(title="S’abonner", search={"exclude": True})
        + "# S’abonner\n\n"
        + f"Suivre la {markup.text(settings.publication)} dans "
        + ("un agenda ou un tableur.\n\n" if settings.offline else "un lecteur de flux, un agenda ou un tableur.\n\n")
        + f"{table}\n\n"
        + follow
        + "Dans le calendrier, un événement daté au mois près occupe tout le mois et un événement daté à "
        "l’année près toute l’année ; leur titre le précise. Les faits réservés aux abonnés n’apparaissent "
        "dans aucun flux, calendrier ni fichier de données de l’édition publique.\n"
    )
