"""MkDocs adapter: the theme's templates compiled without their indentation (``briefing.render.whitespace``).

Every page renders as before, pixel for pixel: one line break stands for each run of whitespace of
the templates' own text. An event page loses a fifth of its bytes, online and in the offline export.
A site built without this hook renders the same (``tests/test_compact.py``); it runs at compile time,
once per template and build.
"""

from __future__ import annotations

from briefing.render.whitespace import CollapseTemplateWhitespace


def on_env(env, config, files):
    """Before any page is rendered, hence before any template is compiled."""
    env.add_extension(CollapseTemplateWhitespace)
    if env.cache is not None:  # a template compiled before would stay as it was
        env.cache.clear()
    return env
