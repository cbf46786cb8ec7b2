"""Names in generated sentences: the article a registry entry gives (``article:``), with French elision
and contractions (``le Japon``, ``du Japon``, ``au Japon``, ``des États-Unis``, ``de l’Inde``).

Each function takes the name as plain text (it decides the elision: ``le`` + ``Aukus`` is ``l’Aukus``)
and, optionally, what to print in its place (``shown``: the name as an HTML link)."""

from __future__ import annotations

from collections.abc import Sequence

_VOWELS = frozenset("aeiouyàâäéèêëîïôöùûüÿæœAEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŸÆŒ")
_DE = {"le": "du ", "les": "des ", "la": "de la ", "l’": "de l’"}
_A = {"le": "au ", "les": "aux ", "la": "à la ", "l’": "à l’"}


def _elides(name: str) -> bool:
    return name.lstrip()[:1] in _VOWELS


def article_for(name: str, article: str | None) -> str | None:
    """The article as it reads before ``name``: ``le``/``la`` elide before a vowel (``l’Aukus``);
    an ``h`` is left to the entry, which writes ``l’`` itself where the ``h`` is mute."""
    if not article:
        return None
    article = article.strip().replace("'", "’")
    return "l’" if article in ("le", "la") and _elides(name) else article


def the(name: str, article: str | None, *, shown: str | None = None) -> str:
    """``le Japon``, ``l’Inde``, ``les États-Unis``; a name without article as it is (``Joe Biden``)."""
    article, shown = article_for(name, article), shown if shown is not None else name
    if not article:
        return shown
    return f"{article}{shown}" if article == "l’" else f"{article} {shown}"


def of(name: str, article: str | None, *, shown: str | None = None) -> str:
    """``du Japon``, ``de la Corée du Sud``, ``des États-Unis``, ``de l’Inde``, ``d’Emmanuel Macron``."""
    article, shown = article_for(name, article), shown if shown is not None else name
    if article:
        return f"{_DE[article]}{shown}"
    return f"d’{shown}" if _elides(name) else f"de {shown}"


def to(name: str, article: str | None, *, shown: str | None = None) -> str:
    """``au Japon``, ``à la Corée du Sud``, ``aux États-Unis``, ``à l’Inde``, ``à Joe Biden``."""
    article, shown = article_for(name, article), shown if shown is not None else name
    return f"{_A[article]}{shown}" if article else f"à {shown}"


def enumeration(items: Sequence[str]) -> str:
    """``A``, ``A et B``, ``A, B et C``."""
    if not items:
        return ""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " et " + items[-1]
