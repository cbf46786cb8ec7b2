"""What the MkDocs adapters (the ``briefing_*`` hooks) share; a module they import, not a hook."""

from __future__ import annotations


def material_search_entries(config) -> list | None:
    """Material's list of search entries (one per page section, in page order), where a hook may add
    or reorder entries before the search plugin writes its index; None when search is off."""
    plugin = config.plugins.get("material/search")
    if plugin is None or not plugin.config.enabled:
        return None
    entries = getattr(getattr(plugin, "search_index", None), "entries", None)
    return entries if isinstance(entries, list) else None


current: dict[str, object] = {}
"""What one hook hands the others for the current build: ``build``, the pipeline's result (set by
``briefing_hooks.on_config``, read by ``briefing_search`` for the registry's names)."""
