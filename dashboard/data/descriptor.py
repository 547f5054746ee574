"""The shape of a data package's descriptor, checked before any file in it is read.

``DASHBOARD_DATA`` and ``--data`` may name any folder, so nothing in ``datapackage.json``
is trusted: a resource or field of the wrong shape, a type or constraint the loader does
not apply, a key naming a missing field each become one ``DataError`` naming the resource
and field, never a ``KeyError`` or ``TypeError`` later.
"""

from __future__ import annotations

import math
import re

from dashboard.errors import DataError
from dashboard.text.plain import bounded, quoted

TYPES = ("string", "integer", "number", "boolean")  # the types the loader reads
BOUNDS = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")
LENGTHS = ("minLength", "maxLength")
CONSTRAINTS = ("required", "unique", "enum", "pattern", *BOUNDS, *LENGTHS)
DESCRIPTOR = "datapackage.json"


class SchemaProblem(DataError):
    """A descriptor entry the loader cannot apply; the message names it."""

    def __init__(self, message: str) -> None:
        super().__init__(f"{DESCRIPTOR}: {message}")


def _q(value) -> str:
    """A descriptor's value in a message: text quoted, one line, at most 60 characters."""
    return quoted(value, 60) if isinstance(value, str) else bounded(repr(value), 60)


def _kind(value) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "true/false",
            type(None): "null"}.get(type(value), "a number")


def _names(value, what: str, at: str) -> list[str]:
    """A field list given as one name or a list of names."""
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list) or not names or not all(
            isinstance(n, str) and n for n in names):
        raise SchemaProblem(f"{at}: '{what}' must be a field name or a list of field names")
    return names


def check_descriptor(descriptor, required: tuple[str, ...]) -> None:
    """Every resource has a unique name, a path and a schema the loader can apply."""
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        raise SchemaProblem("expected an object with a 'resources' list")
    schemas: dict[str, list[str]] = {}
    for i, resource in enumerate(descriptor["resources"], 1):
        if not isinstance(resource, dict):
            raise SchemaProblem(f"resource {i}: expected an object, got {_kind(resource)}")
        name = resource.get("name")
        if not isinstance(name, str) or not name.strip():
            raise SchemaProblem(f"resource {i}: needs a 'name'")
        if name in schemas:
            raise SchemaProblem(f"resource {_q(name)}: the name is used by two resources")
        if not isinstance(resource.get("path"), str):
            raise SchemaProblem(f"resource {_q(name)}: needs a 'path' naming one CSV file in "
                                "the package")
        schemas[name] = _check_schema(resource.get("schema"), f"resource {_q(name)}")
    missing = [n for n in required if n not in schemas]
    if missing:
        raise SchemaProblem(f"missing resource(s) {', '.join(missing)}")
    for resource in descriptor["resources"]:
        _check_foreign_keys(resource, schemas)


def _check_schema(schema, at: str) -> list[str]:
    if not isinstance(schema, dict):
        raise SchemaProblem(f"{at}: needs a 'schema' object, got {_kind(schema)}")
    fields = schema.get("fields")
    if not isinstance(fields, list) or not fields:
        raise SchemaProblem(f"{at}: the schema needs a non-empty 'fields' list")
    names: list[str] = []
    for i, field in enumerate(fields, 1):
        if not isinstance(field, dict):
            raise SchemaProblem(f"{at}, field {i}: expected an object, got {_kind(field)}")
        name = field.get("name")
        if not isinstance(name, str) or not name:
            raise SchemaProblem(f"{at}, field {i}: needs a 'name'")
        if name in names:
            raise SchemaProblem(f"{at}, field {_q(name)}: the name is used twice")
        names.append(name)
        _check_field(field, f"{at}, field {_q(name)}")
    pk = schema.get("primaryKey")
    if pk is not None:
        for key in _names(pk, "primaryKey", at):
            if key not in names:
                raise SchemaProblem(f"{at}: primaryKey {_q(key)} is not one of its fields")
    return names


def _check_field(field: dict, at: str) -> None:
    ftype = field.get("type", "string")
    if ftype not in TYPES:
        raise SchemaProblem(f"{at}: type {_q(ftype)} is not one the dashboard reads "
                            f"({', '.join(TYPES)})")
    c = field.get("constraints", {})
    if not isinstance(c, dict):
        raise SchemaProblem(f"{at}: 'constraints' must be an object, got {_kind(c)}")
    unknown = [k for k in c if k not in CONSTRAINTS]
    if unknown:
        raise SchemaProblem(f"{at}: constraint(s) {', '.join(map(_q, unknown))} not "
                            f"supported; use {', '.join(CONSTRAINTS)}")
    for key in ("required", "unique"):
        if key in c and not isinstance(c[key], bool):
            raise SchemaProblem(f"{at}: '{key}' must be true or false")
    if "enum" in c and (not isinstance(c["enum"], list) or not c["enum"]):
        raise SchemaProblem(f"{at}: 'enum' must be a non-empty list")
    for key in BOUNDS:
        if key not in c:
            continue
        if ftype not in ("integer", "number"):
            raise SchemaProblem(f"{at}: '{key}' applies to numbers, not to a {ftype} field")
        v = c[key]
        if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v):
            raise SchemaProblem(f"{at}: '{key}' must be a finite number, got {_q(v)}")
    for key in LENGTHS:
        if key in c and (ftype != "string" or isinstance(c[key], bool)
                         or not isinstance(c[key], int) or c[key] < 0):
            raise SchemaProblem(f"{at}: '{key}' must be a whole number >= 0 on a string field")
    if "pattern" in c:
        if not isinstance(c["pattern"], str):
            raise SchemaProblem(f"{at}: 'pattern' must be text")
        try:
            re.compile(c["pattern"])
        except re.error as exc:
            raise SchemaProblem(f"{at}: 'pattern' is not a valid regular expression "
                                f"({exc})") from None


def _check_foreign_keys(resource: dict, schemas: dict[str, list[str]]) -> None:
    at = f"resource {_q(resource['name'])}"
    fks = resource["schema"].get("foreignKeys", [])
    if not isinstance(fks, list):
        raise SchemaProblem(f"{at}: 'foreignKeys' must be a list")
    for fk in fks:
        if not isinstance(fk, dict) or not isinstance(fk.get("reference"), dict):
            raise SchemaProblem(f"{at}: each foreign key needs 'fields' and a 'reference'")
        fields = _names(fk.get("fields"), "fields", f"{at}, foreign key")
        ref = fk["reference"]
        target = ref.get("resource") or resource["name"]  # "" refers to the resource itself
        if not isinstance(target, str) or target not in schemas:
            raise SchemaProblem(f"{at}: foreign key refers to unknown resource {_q(target)}")
        ref_fields = _names(ref.get("fields"), "reference fields", f"{at}, foreign key")
        if len(ref_fields) != len(fields):
            raise SchemaProblem(f"{at}: foreign key has {len(fields)} field(s) but refers to "
                                f"{len(ref_fields)}")
        for name, known in ((f, schemas[resource["name"]]) for f in fields):
            if name not in known:
                raise SchemaProblem(f"{at}: foreign key field {_q(name)} is not one of its fields")
        for name in ref_fields:
            if name not in schemas[target]:
                raise SchemaProblem(f"{at}: foreign key refers to {_q(name)}, not a field of "
                                    f"{_q(target)}")
