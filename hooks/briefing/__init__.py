"""Briefing-site generator: load -> index -> render, independent of any site engine.

The MkDocs adapter lives in ``hooks/briefing_hooks.py``; nothing in this package imports MkDocs.
"""

__version__ = "0.1.0"
