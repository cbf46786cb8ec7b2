"""Briefing-site generator, independent of any site engine: nothing in this package imports MkDocs.

The stages read one way, each a folder: ``load`` (files → validated model and diagnostics) →
``edition`` (what the public may see) → ``index`` (cross-references) → ``render``, ``exports`` and
``search`` (pages, feeds and data, search index). ``structure``, ``settings`` and ``diagnostics`` are
the model every stage shares; ``pipeline`` runs the stages; ``cli`` is ``python -m briefing``;
``speed`` holds process helpers that only make builds faster. The MkDocs adapter is
``hooks/adapter/``; the accelerations that rely on MkDocs' and Material's internals are ``hooks/speedups/``.
"""

__version__ = "0.1.0"
