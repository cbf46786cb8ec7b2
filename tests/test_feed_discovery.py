"""Feed autodiscovery links do not make Material's bundle request missing files."""

from urllib.parse import urljoin


def test_every_alternate_link_folder_has_the_sitemap_material_fetches(public_site):
    site = public_site.site
    checked = set()
    for page in ("", "pays/japon/", "lettres/187-institutionnalisation-alliances-americaines/"):
        for href in public_site.page(page).xpath("//link[@rel='alternate']/@href"):
            # Material fetches new URL("sitemap.xml", <alternate href>) on every page.
            feed = urljoin(f"http://site/{page}", href)
            sitemap = urljoin(feed, "sitemap.xml").removeprefix("http://site/")
            checked.add(sitemap)
            assert (site / sitemap).is_file(), sitemap
            assert b"<urlset" in (site / sitemap).read_bytes()
    assert "flux/sitemap.xml" in checked and "flux/pays/sitemap.xml" in checked
