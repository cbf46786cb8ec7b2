"""MkDocs adapter: render Material's navigation (tabs and sidebar) once per distinct URL layout.

Material renders the whole navigation into every page, although for a page that is not itself
in the navigation it only depends on the relative URLs of the navigation's pages: at 10,000 event
pages that was about a third of the template time. ``overrides/main.html`` asks ``briefing_nav``
for a cached rendering and stores the one it renders on a miss, like Hugo's ``partialCached``.
Pages listed in the navigation are never cached (they are marked active and carry their table of
contents in the sidebar).
"""

from __future__ import annotations

from mkdocs.utils import get_relative_url


class NavigationCache:
    def __init__(self) -> None:
        self._rendered: dict[str, str] = {}

    def key(self, part: str, page, nav) -> str | None:
        """What the rendering of ``part`` depends on for this page, or None when it must not be cached."""
        if page is None or nav is None or page in nav.pages:
            return None
        return part + "\n" + "\n".join(get_relative_url(p.url, page.url) for p in nav.pages)

    def get(self, key: str | None) -> str | None:
        return self._rendered.get(key) if key else None

    def put(self, key: str | None, rendered: str) -> str:
        if key:
            self._rendered[key] = rendered
        return rendered


def on_env(env, config, files):
    env.globals["briefing_nav"] = NavigationCache()  # a new cache for every build
    return env
