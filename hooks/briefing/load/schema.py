"""The JSON Schemas of the front matter, and their errors turned into instructions."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

import fastjsonschema

from briefing.diagnostics import did_you_mean
from briefing.i18n import N_, _
from briefing.load.dates import not_a_date, not_an_issue

if TYPE_CHECKING:  # jsonschema is imported only to explain an invalid note (its import is slow)
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

SCHEMA_NAMES = ("event", "letter", "entity")
PUBLISHED_DIR = "schemas"
"""Where the site publishes the schemas, for editors and tools: ``/schemas/event.schema.json``."""


@dataclass(frozen=True)
class SchemaProblem:
    path: tuple
    """Where in the front matter: ``("sources", 0, "url")``."""
    field: str
    message: str


@cache
def load_schema(name: str) -> dict:
    text = resources.files(__package__).joinpath("schemas", f"{name}.schema.json").read_text("utf-8")
    return json.loads(text)


def published_files() -> dict[str, str]:
    """The schema files as the site publishes them (site path -> text), byte for byte the ones used here."""
    folder = resources.files(__package__).joinpath("schemas")
    return {
        f"{PUBLISHED_DIR}/{name}.schema.json": folder.joinpath(f"{name}.schema.json").read_text("utf-8")
        for name in SCHEMA_NAMES
    }


@cache
def _validator(name: str) -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    schema = load_schema(name)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(_inlined(name))


@cache
def _inlined(name: str) -> dict:
    schema = load_schema(name)
    return _inline_refs(schema, schema.get("$defs", {}))


@cache
def _fast_check(name: str) -> Callable[[dict], bool]:
    """Whether a note is valid, by a compiled validator of the same schema: the common case, fast.

    The schema uses only keywords whose meaning is the same in draft-07 (fastjsonschema) and
    2020-12 (jsonschema); jsonschema explains whatever this one rejects. The ``uniqueItems`` of the
    top-level lists is checked apart, with a set of their items, several times faster; a list that
    fails it (or whose items do not hash) goes to jsonschema as well.
    """
    schema = {k: v for k, v in _inlined(name).items() if k not in ("$schema", "$id", "$defs")}
    properties = schema.get("properties", {})
    unique = tuple(key for key, rule in properties.items() if rule.get("uniqueItems"))
    check = fastjsonschema.compile({**schema, "properties": {
        key: {k: v for k, v in rule.items() if k != "uniqueItems"} if key in unique else rule
        for key, rule in properties.items()
    }})

    def valid(meta: dict) -> bool:
        try:
            check(meta)
            return all(len(set(meta[key])) == len(meta[key]) for key in unique if key in meta)
        except (fastjsonschema.JsonSchemaException, TypeError):
            return False

    return valid


def _inline_refs(node: object, definitions: dict) -> object:
    """The schema with its local ``#/$defs/…`` references written out: same meaning, validated several
    times faster (resolving references dominates the check of a thousand notes otherwise)."""
    if isinstance(node, list):
        return [_inline_refs(item, definitions) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref", "")
    if ref.startswith("#/$defs/") and ref[len("#/$defs/"):] in definitions:
        target = _inline_refs(definitions[ref[len("#/$defs/"):]], definitions)
        return {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return {k: _inline_refs(v, definitions) for k, v in node.items()}


def _field(path: tuple) -> str:
    return "/".join(str(p) for p in path)


_KINDS = {
    bool: N_("true/false"),
    int: N_("a number"),
    float: N_("a number"),
    str: N_("text"),
    list: N_("a list"),
    dict: N_("a mapping"),
    type(None): N_("nothing"),
}


def _describe(value: object) -> str:
    kind = _KINDS.get(type(value))
    return _(kind) if kind else type(value).__name__


def _explain(error: ValidationError, schema: dict) -> tuple[tuple, str]:
    path = tuple(error.absolute_path)
    key = path[-1] if path else None
    match error.validator:
        case "required" if len(path) == 2 and path[0] == "sources":
            missing = error.message.split("'")[1]
            return (*path, missing), _(
                'a source needs a {field} (the article\'s or document\'s name); add "{field}: …" to it'
            ).format(field=missing)
        case "required":
            missing = error.message.split("'")[1]
            return (*path, missing), _('missing required field; add "{field}: …" to the front matter').format(
                field=missing)
        case "additionalProperties":
            allowed = sorted(error.schema.get("properties", {}))
            extras = [k for k in error.instance if k not in allowed]
            extra = extras[0] if extras else "?"
            hint = did_you_mean(str(extra), allowed) or _("; allowed keys: {keys}").format(keys=", ".join(allowed))
            return (*path, extra), _('unknown field "{field}"{hint}').format(field=extra, hint=hint)
        case "type":
            wanted = error.validator_value
            wanted = wanted if isinstance(wanted, list) else [wanted]
            if "array" in wanted:
                return path, _("expected a list, got {kind}; write [{value}] or one '- item' per line").format(
                    kind=_describe(error.instance), value=error.instance)
            if wanted == ["boolean"]:
                return path, _("expected true or false, got {value!r}").format(value=error.instance)
            return path, _("expected {wanted}, got {kind} {value!r}").format(
                wanted=_(" or ").join(wanted), kind=_describe(error.instance), value=error.instance)
        case "pattern" if key in ("date", "end"):
            return path, not_a_date(error.instance)
        case "pattern" if key == "issue":
            return path, not_an_issue(error.instance)
        case "pattern" if key == "url":
            return path, _("{value!r} is not a web address; write it in full, starting with https://").format(
                value=error.instance)
        case "pattern" if key == "title":
            return path, _("is blank; write a value or remove the line")
        case "minimum" | "maximum" if key in ("date", "end"):
            return path, _("{value!r} is not a year; write a four-digit year, YYYY-MM or YYYY-MM-DD").format(
                value=error.instance)
        case "enum":
            choices = ", ".join(str(v) for v in error.validator_value)
            hint = did_you_mean(str(error.instance), [str(v) for v in error.validator_value])
            return path, _("{value!r} is not allowed{hint}; use one of: {choices}").format(
                value=error.instance, hint=hint, choices=choices)
        case "minLength":
            return path, _("is empty; write a value or remove the line")
        case "minItems":
            return path, _("is an empty list; give at least one name")
        case "uniqueItems":
            first: dict[str, int] = {}
            for index, item in enumerate(error.instance):
                seen_at = first.setdefault(json.dumps(item, sort_keys=True), index)
                if seen_at != index:
                    value = json.dumps(item, ensure_ascii=False)
                    where = _field((*path, seen_at))
                    return (*path, index), _("{value} is listed twice (already at {where}); keep it once").format(
                        value=value, where=where)
            return path, _("lists the same value twice in {value!r}; keep each once").format(value=error.instance)
        case _:
            return path, error.message


def validate(name: str, meta: dict) -> list[SchemaProblem]:
    """Every schema violation of ``meta``, in document order, with a message that says what to fix."""
    if _fast_check(name)(meta):
        return []
    validator = _validator(name)
    schema = load_schema(name)
    problems = []
    for error in sorted(validator.iter_errors(meta), key=lambda e: [str(p) for p in e.absolute_path]):
        path, message = _explain(error, schema)
        problems.append(SchemaProblem(path, _field(path), message))
    return problems
