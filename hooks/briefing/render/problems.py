"""What the preview (``mkdocs serve``) shows of the build's problems, on the pages they affect.

Never used by a build: the adapter calls it only when serving. A page whose source has errors or
warnings carries a notice with each diagnostic (file, line, field, message with its suggestion); a
rejected note or letter, which has no page, gets one at its address that says why it is not
published. Text is escaped here: the notice goes into the page after the sanitizer.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from html import escape

from briefing.diagnostics import Diagnostic, Severity
from briefing.i18n import _
from briefing.render import markup

NOTICE_CLASS = "briefing-problems"


def by_source(diagnostics: Iterable[Diagnostic]) -> dict[str, list[Diagnostic]]:
    """Errors and warnings by the path they name (relative to the project), in report order."""
    grouped: dict[str, list[Diagnostic]] = defaultdict(list)
    for diagnostic in diagnostics:
        if diagnostic.severity is not Severity.NOTICE:
            grouped[diagnostic.path].append(diagnostic)
    return dict(grouped)


def _item(diagnostic: Diagnostic) -> str:
    where = diagnostic.path if diagnostic.line is None else f"{diagnostic.path}:{diagnostic.line}"
    level = _("error") if diagnostic.severity is Severity.ERROR else _("warning")
    field = f" <strong>{escape(diagnostic.field)}</strong>" if diagnostic.field else ""
    return f"<li>{escape(level)} · <code>{escape(where)}</code>{field} : {escape(diagnostic.message)}</li>"


def notice_html(diagnostics: list[Diagnostic]) -> str:
    """An admonition listing the problems of one page (``failure`` with an error, else ``warning``)."""
    errors = any(d.severity is Severity.ERROR for d in diagnostics)
    kind = "failure" if errors else "warning"
    title = _("Problems in this page's source (shown in the preview only)")
    items = "".join(_item(d) for d in diagnostics)
    hint = _("Fix the file and save it: this page is rebuilt. The same lines are printed by {command}.").format(
        command="<code>python3 tools/dev.py check</code>")
    return (
        f'<div class="admonition {kind} {NOTICE_CLASS}" role="note">'
        f'<p class="admonition-title">{escape(title)}</p><ul>{items}</ul><p>{hint}</p></div>\n'
    )


def rejected_page(source: str, is_event: bool) -> str:
    """The Markdown of the page shown, in the preview, at the address of a rejected file."""
    title = _("Not published: {file}").format(file=source)
    what = _("This note is not published") if is_event else _("This page is not published")
    return (
        markup.front_matter(title=title, search={"exclude": True})
        + f"# {markup.text(title)}\n\n"
        + markup.text(_("{what}: the build rejected {file} because of the errors listed above. Once they are fixed, "
                        "the page appears here; until then no page, chronology, feed or search result shows it.")
                      .format(what=what, file=source))
        + "\n"
    )
