"""No broken link anywhere: every internal href of every page resolves to a file, and its anchor exists."""

from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
import pytest


def _broken_links(site: Path) -> list[str]:
    pages = {path: lxml.html.fromstring(path.read_bytes()) for path in site.rglob("*.html")}
    ids = {path: set(tree.xpath("//@id")) for path, tree in pages.items()}
    broken = []
    for path, tree in pages.items():
        for href in tree.xpath("//a/@href | //link/@href | //script/@src | //img/@src"):
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "data:")):
                continue
            base = site if parts.path.startswith("/") else path.parent  # 404.html links from the site root
            target = (base / unquote(parts.path).lstrip("/")).resolve() if parts.path else path
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{path.relative_to(site)}: {href}")
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in ids.get(target, set()):
                broken.append(f"{path.relative_to(site)}: {href} (missing anchor)")
    return broken


@pytest.mark.parametrize("edition", ["public_site", "full_site"])
def test_no_broken_internal_link(edition, request):
    site = request.getfixturevalue(edition).site
    assert len(list(site.rglob("*.html"))) > 50
    assert _broken_links(site) == []
