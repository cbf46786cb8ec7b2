"""MkDocs adapter: Material's templates compiled once per machine, not once per build and process.

Every build compiled the 40 templates a page uses (Material's ``main.html``, its partials, our
overrides) in each process that renders pages: about 0.15 s of CPU in the main process and as much in
the page process, at every size of archive. Jinja keeps compiled templates on disk when its
environment has a bytecode cache (``jinja2.FileSystemBytecodeCache``, Jinja's public API), as Python
keeps ``.pyc`` files: a template is compiled again only when its source changes (Jinja checks each
entry against the source's checksum and against its own and Python's versions). MkDocs makes a fresh
environment for each build (``Theme.get_env``); this hook gives every environment the theme makes the
cache (from ``on_config`` on: Material's search plugin reads its translations from templates there),
and gives it again in ``on_env``, once the plugins have set the environment up, before any page is
rendered, in every process (the page process runs ``on_env`` too).

The cache lives in the project's ``.cache/briefing/templates/`` (``.cache`` is where Material's own
plugins keep theirs; git ignores it), in a folder named after what Jinja's compiler reads of the
environment (its options, extensions, filters and tests), so that an environment set up otherwise
never loads code compiled for another. The output is byte for byte the same, cold or warm
(``tests/test_template_cache.py``). ``BRIEFING_TEMPLATE_CACHE=off`` turns it off. Each folder is
touched when a build uses it; when a build makes a new one, only the ``KEEP`` folders used last are kept
(a folder per change of a template extension would otherwise pile up for ever).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sys
from pathlib import Path

import jinja2
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

CACHE_DIR = Path(".cache", "briefing", "templates")
"""Under the folder of ``mkdocs.yml``."""

KEEP = 6
"""Cache folders kept: a build uses two (Material's search translations and the pages), a preview
another set; older ones only hold code for templates as they were compiled by an older setup."""


class _BytecodeCache(jinja2.FileSystemBytecodeCache):
    """Jinja's cache on disk, where a template that cannot be stored (a folder one may not write to)
    is only compiled, as without the cache."""

    def dump_bytecode(self, bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def _wanted() -> bool:
    mode = os.environ.get("BRIEFING_TEMPLATE_CACHE", "on").strip().lower() or "on"
    if mode not in ("on", "off"):
        raise PluginError(f"BRIEFING_TEMPLATE_CACHE={mode!r}: expected on or off")
    return mode == "on"


def _compiler_inputs(env: jinja2.Environment) -> str:
    """What the code Jinja compiles for a template depends on, besides the template's source: the
    environment's options, its extensions' code (``briefing_compact`` filters the templates' tokens),
    and each filter's and test's name and what it is passed (the compiler reads ``pass_context``)."""
    options = [jinja2.__version__, sys.version, env.block_start_string, env.block_end_string,
               env.variable_start_string, env.variable_end_string, env.comment_start_string,
               env.comment_end_string, str(env.line_statement_prefix), str(env.line_comment_prefix),
               env.newline_sequence, str(env.trim_blocks), str(env.lstrip_blocks), str(env.keep_trailing_newline),
               str(env.optimized), str(env.finalize is not None), str(env.is_async), repr(env.autoescape),
               env.code_generator_class.__qualname__, env.context_class.__qualname__]
    digest = hashlib.sha256("\n".join(options).encode("utf-8"))
    for name, extension in sorted(env.extensions.items()):
        digest.update(name.encode("utf-8"))
        module_file = getattr(sys.modules.get(type(extension).__module__), "__file__", None)
        digest.update(Path(module_file).read_bytes() if module_file else repr(type(extension)).encode("utf-8"))
    for kind, functions in (("filter", env.filters), ("test", env.tests)):
        for name, function in sorted(functions.items()):
            digest.update(f"{kind} {name} {getattr(function, 'jinja_pass_arg', None)}\n".encode())  # pass_context…
    return digest.hexdigest()[:16]


def _give_cache(env: jinja2.Environment, config) -> None:
    """``env``'s bytecode cache, in the folder named after what its compiler reads now."""
    folder = Path(config.config_file_path).resolve().parent / CACHE_DIR / _compiler_inputs(env)
    try:
        new = not folder.is_dir()
        folder.mkdir(parents=True, exist_ok=True)
        os.utime(folder)  # used now: pruning keeps the folders used last
    except OSError:
        env.bytecode_cache = None  # a read-only project: templates are compiled, as without this hook
        return
    if new:
        _prune(folder.parent)
    env.bytecode_cache = _BytecodeCache(str(folder))


def _prune(cache: Path) -> None:
    """Remove all but the ``KEEP`` folders of ``cache`` used last. Another build may be using one it
    removes: Jinja then only misses the entries and compiles, as on a cold cache."""
    try:
        folders = [(entry.stat().st_mtime_ns, entry.name) for entry in os.scandir(cache) if entry.is_dir()]
    except OSError:
        return
    for _, name in sorted(folders, reverse=True)[KEEP:]:
        shutil.rmtree(cache / name, ignore_errors=True)


@event_priority(100)
def on_config(config):
    """First: every environment the theme makes from now on starts with the cache (Material's search
    plugin makes one in its ``on_config``, before the pages, to read its translations)."""
    if _wanted():
        make_env = config.theme.get_env

        def get_env() -> jinja2.Environment:
            env = make_env()
            _give_cache(env, config)
            return env

        config.theme.get_env = get_env
    return config


@event_priority(-1000)
def on_env(env, config, files):
    """Last, once every plugin has added its filters, tests and extensions: the cache again, in the
    folder named after them."""
    if _wanted():
        _give_cache(env, config)
    return env
