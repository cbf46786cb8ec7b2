"""The publication's text as a reader sees it (Debian's chromium): the letter's lead and English summary,
French line breaks on a phone, the index order, the event date as a link, in both editions."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

LETTER = "lettres/187-institutionnalisation-alliances-americaines/"
ARCHIVED = "lettres/176-un-pas-vers-aukus/"

_SAME_LINE = """([selector, mark]) => {
  // Is every `mark` of the element on the same line as the character before it?
  const element = document.querySelector(selector);
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const results = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = node.data.indexOf(mark); i > 0; i = node.data.indexOf(mark, i + 1)) {
      const before = document.createRange(), at = document.createRange();
      let j = i - 1;
      while (j > 0 && /[\\u00a0\\u202f ]/.test(node.data[j])) j--;
      before.setStart(node, j); before.setEnd(node, j + 1);
      at.setStart(node, i); at.setEnd(node, i + 1);
      results.push(Math.abs(before.getBoundingClientRect().top - at.getBoundingClientRect().top) < 2);
    }
  }
  return results;
}"""


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="fr-FR")
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("edition", ["public", "full"])
def test_letter_lead_and_english_summary(browser, public_site, full_site, edition):
    site = public_site if edition == "public" else full_site
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto((site.site / LETTER / "index.html").as_uri())
    chapeau = page.locator(".briefing-chapeau p").first
    assert int(chapeau.evaluate("e => getComputedStyle(e).fontWeight")) < 600  # a lead, not bold
    body = page.locator("article p").filter(has_text="FAITS").or_(page.locator("#faits ~ p")).first
    assert float(chapeau.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) > \
        float(body.evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))
    summary = page.locator("details.briefing-lead-en[lang=en] > summary")
    assert summary.inner_text() == "English summary"
    english = page.locator("details.briefing-lead-en > p")
    assert not english.is_visible()  # folded
    summary.click()
    assert english.is_visible() and english.inner_text().startswith("Anxious to shield")
    subscribe = page.locator("article a[href*='futuribles.com']")
    assert subscribe.count() == (1 if edition == "public" else 0)
    page.goto((site.site / ARCHIVED / "index.html").as_uri())
    assert page.locator(".briefing-archived").inner_text().startswith("Numéro archivé")
    page.close()


def test_no_line_starts_with_a_colon_or_a_dash_on_a_phone(phone, served_public_site):
    phone.goto(f"{served_public_site}/{LETTER}")
    for mark in (":", "–"):
        same = phone.evaluate(_SAME_LINE, ["article h1", mark])
        assert same and all(same), (mark, same)
    facts = phone.evaluate(_SAME_LINE, ["article", ":"])
    assert len(facts) > 10 and all(facts)
    phone.goto(f"{served_public_site}/{ARCHIVED}")
    assert all(phone.evaluate(_SAME_LINE, ["article h1", "?"]))


def test_registry_index_reads_in_french_order(phone, served_public_site):
    phone.goto(f"{served_public_site}/pays/")
    names = [t.rsplit(" (", 1)[0] for t in phone.locator("article li").all_inner_texts()]
    assert names[:6] == ["Australie", "Chine", "Corée du Nord", "Corée du Sud", "États-Unis", "Europe"]
    headings = [h.strip("¶ ") for h in phone.locator("article h2").all_inner_texts()]
    assert headings[:4] == ["A", "C", "E", "F"]
    phone.goto(f"{served_public_site}/organisations/")
    o_section = phone.locator("article h2#o + ul li").all_inner_texts()
    assert [t.split()[0] for t in o_section] == ["Organisation", "Otan"]


def test_event_date_is_a_link_to_its_month(page, served_public_site):
    page.goto(f"{served_public_site}/evenements/2023-08-18-sommet-camp-david/")
    page.locator(".briefing-date a").click()
    page.wait_for_url("**/chronologie/2023/#2023-08")
    assert page.locator("[id='2023-08']").is_visible()
