"""The taxonomy: incident categories, act types, perpetrator involvement and person roles.

It ships as ``resources/taxonomy.json`` with a label in every UI language and a short
description in English and Arabic::

    {"version": "1.0.0", "languages": ["ar", "en", "fr", "ru", "kk"],
     "categories": [{"code": "hate_crime", "parent": null, "labels": {...}, "description": {...}},
                    {"code": "hate_crime.arson", "parent": "hate_crime", ...}, ...],
     "act_types": [{"code": "arson", "labels": {...}, "description": {...}}, ...],
     "involvement": [...], "roles": [...]}

Categories have two levels: groups (``hate_crime``) and leaves (``hate_crime.arson``); an
incident is filed under a leaf. The file is checked when it is loaded; a bad file raises
:class:`~fieldkit.errors.ValidationError` naming the entry at fault.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from fieldkit.errors import NotFoundError, ValidationError
from fieldkit.resources import resource_path

__all__ = ["TAXONOMY_FILE", "Category", "Taxonomy", "default_taxonomy"]

TAXONOMY_FILE = "taxonomy.json"
FALLBACK_LANGUAGE = "en"
DESCRIPTION_LANGUAGES = ("en", "ar")

_SEGMENT = r"[a-z][a-z0-9_]*"
_GROUP_CODE = re.compile(rf"{_SEGMENT}")
_LEAF_CODE = re.compile(rf"{_SEGMENT}\.{_SEGMENT}")
_BAD_FILE_HINT = ("The taxonomy file is damaged or was edited by hand. Restore "
                  "resources/taxonomy.json from the FieldKit release, or fix the entry named.")


@dataclass(frozen=True)
class Category:
    """One entry of the taxonomy: a category (group or leaf), act type, involvement or role.

    ``parent`` is the group code for a leaf category and ``None`` for everything else.
    """

    code: str
    labels: Mapping[str, str]
    description: Mapping[str, str]
    parent: str | None = None

    def __hash__(self) -> int:
        return hash((self.code, self.parent))

    def label(self, lang: str) -> str:
        """The label in ``lang`` (``"ar"``, ``"ar-SA"``, ``"kk_KZ"``...), else in English."""
        return _pick(self.labels, lang) or self.code

    def describe(self, lang: str) -> str:
        """The description in ``lang``, else in English, else an empty string."""
        return _pick(self.description, lang)


def _pick(texts: Mapping[str, str], lang: str) -> str:
    base = lang.replace("_", "-").split("-", 1)[0].lower()
    return texts.get(lang) or texts.get(base) or texts.get(FALLBACK_LANGUAGE, "")


class Taxonomy:
    """The categories and vocabularies records are filed under. Read-only once loaded."""

    version: str
    languages: tuple[str, ...]

    def __init__(self, *, version: str, languages: Iterable[str],
                 categories: Iterable[Category], act_types: Iterable[Category],
                 involvements: Iterable[Category], roles: Iterable[Category]) -> None:
        self.version = version
        self.languages = tuple(languages)
        self._categories = {c.code: c for c in categories}
        self._act_types = {c.code: c for c in act_types}
        self._involvements = {c.code: c for c in involvements}
        self._roles = {c.code: c for c in roles}

    def __repr__(self) -> str:
        return (f"Taxonomy(version={self.version!r}, categories={len(self._categories)}, "
                f"act_types={len(self._act_types)})")

    # --- loading ----------------------------------------------------------------------------

    @classmethod
    def load(cls, path: Path | None = None) -> Taxonomy:
        """Load and check a taxonomy file; without ``path``, the shipped one (cached)."""
        if path is None:
            return default_taxonomy()
        try:
            text = Path(path).read_text(encoding="utf-8")
        except FileNotFoundError:
            raise NotFoundError(f"The taxonomy file {path} does not exist.",
                                hint="Give the path of a taxonomy JSON file.",
                                path=str(path)) from None
        except UnicodeDecodeError:
            raise ValidationError(f"The taxonomy file {path} is not UTF-8 text.",
                                  hint=_BAD_FILE_HINT, path=str(path)) from None
        return cls.from_json(text, source=str(path))

    @classmethod
    def from_json(cls, text: str, *, source: str = "taxonomy") -> Taxonomy:
        """Parse and check taxonomy JSON text; ``source`` names it in error messages."""
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            raise ValidationError(
                f"{source} is not valid JSON (line {err.lineno}, column {err.colno}: {err.msg}).",
                hint=_BAD_FILE_HINT, source=source, line=err.lineno) from None
        return cls.from_dict(data, source=source)

    @classmethod
    def from_dict(cls, data: object, *, source: str = "taxonomy") -> Taxonomy:
        """Check a parsed taxonomy document and build a :class:`Taxonomy` from it."""
        return _Checker(source).build(data)

    # --- categories -------------------------------------------------------------------------

    def categories(self) -> list[Category]:
        """Groups and leaves, in file order."""
        return list(self._categories.values())

    def groups(self) -> list[Category]:
        return [c for c in self._categories.values() if c.parent is None]

    def leaves(self) -> list[Category]:
        return [c for c in self._categories.values() if c.parent is not None]

    def children(self, group: str) -> list[Category]:
        """The leaves of ``group``, in file order."""
        self.get(group)
        return [c for c in self._categories.values() if c.parent == group]

    def get(self, code: str) -> Category:
        """The category ``code``; raises NotFoundError naming close matches."""
        return _lookup(self._categories, code, what="incident category")

    def is_leaf(self, code: str) -> bool:
        """True if ``code`` is a leaf category (the level incidents are filed under)."""
        category = self._categories.get(code)
        return category is not None and category.parent is not None

    # --- vocabularies -----------------------------------------------------------------------

    def act_types(self) -> list[Category]:
        return list(self._act_types.values())

    def act_type(self, code: str) -> Category:
        return _lookup(self._act_types, code, what="act type")

    def involvements(self) -> list[Category]:
        """How a perpetrator took part in an act: direct, ordered, incited..."""
        return list(self._involvements.values())

    def involvement(self, code: str) -> Category:
        return _lookup(self._involvements, code, what="perpetrator involvement")

    def roles(self) -> list[Category]:
        """Person roles: victim, witness, perpetrator, source."""
        return list(self._roles.values())

    def role(self, code: str) -> Category:
        return _lookup(self._roles, code, what="person role")


def _lookup(entries: Mapping[str, Category], code: str, *, what: str) -> Category:
    found = entries.get(code)
    if found is not None:
        return found
    close = suggest(code, entries)
    message = f"There is no {what} {code!r}."
    if close:
        message += f" Did you mean {' or '.join(repr(c) for c in close)}?"
    sample = ", ".join(list(entries)[:6])
    raise NotFoundError(message, hint=f"Use one of the codes in the taxonomy, e.g. {sample}.",
                        requested=code, suggestions=close)


def suggest(code: str, codes: Iterable[str], *, limit: int = 3) -> list[str]:
    """Codes close to ``code``: whole-code matches first, then matches on the leaf part
    (``physical_asault`` finds ``hate_crime.physical_assault``), then codes containing it
    (``assault``)."""
    pool = list(codes)
    wanted = code.strip().lower()
    found = difflib.get_close_matches(wanted, pool, n=limit, cutoff=0.8)
    tails: dict[str, list[str]] = {}
    for full in pool:
        tails.setdefault(full.rsplit(".", 1)[-1], []).append(full)
    for tail in difflib.get_close_matches(wanted.rsplit(".", 1)[-1], list(tails), n=limit,
                                          cutoff=0.75):
        found.extend(c for c in tails[tail] if c not in found)
    if not found and len(wanted) >= 4:
        found = [c for c in pool if wanted in c]
    return found[:limit]


# --- checking a taxonomy document ----------------------------------------------------------

class _Checker:
    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, problem: str) -> ValidationError:
        return ValidationError(f"{self.source}: {where} {problem}", hint=_BAD_FILE_HINT,
                               source=self.source, entry=where)

    def build(self, data: object) -> Taxonomy:
        if not isinstance(data, dict):
            raise self.fail("the document", "must be a JSON object.")
        version = data.get("version")
        if not isinstance(version, str) or not version.strip():
            raise self.fail("'version'", "must be a non-empty string.")
        languages = data.get("languages")
        if (not isinstance(languages, list) or not languages
                or not all(isinstance(lang, str) and lang for lang in languages)):
            raise self.fail("'languages'", "must be a non-empty list of language codes.")
        if len(set(languages)) != len(languages):
            raise self.fail("'languages'", "lists a language twice.")
        if FALLBACK_LANGUAGE not in languages:
            raise self.fail("'languages'", f"must include {FALLBACK_LANGUAGE!r}.")
        langs = tuple(languages)

        categories = self.entries(data, "categories", langs, describe=True, categories=True)
        groups = {c.code for c in categories if c.parent is None}
        if not groups:
            raise self.fail("'categories'", "has no category groups.")
        for c in categories:
            if c.parent is not None and c.parent not in groups:
                raise self.fail(f"category {c.code!r}",
                                f"names the parent {c.parent!r}, which is not a category group.")
        return Taxonomy(
            version=version, languages=langs, categories=categories,
            act_types=self.entries(data, "act_types", langs),
            involvements=self.entries(data, "involvement", langs),
            roles=self.entries(data, "roles", langs))

    def entries(self, data: Mapping[str, Any], key: str, langs: tuple[str, ...], *,
                describe: bool = False, categories: bool = False) -> list[Category]:
        raw = data.get(key)
        if not isinstance(raw, list) or not raw:
            raise self.fail(f"{key!r}", "must be a non-empty list.")
        seen: set[str] = set()
        out: list[Category] = []
        for index, item in enumerate(raw):
            where = f"{key}[{index}]"
            if not isinstance(item, dict):
                raise self.fail(where, "must be a JSON object.")
            code = item.get("code")
            if not isinstance(code, str) or not code:
                raise self.fail(where, "has no 'code'.")
            where = f"{key} entry {code!r}"
            if code in seen:
                raise self.fail(where, "appears twice; codes must be unique.")
            seen.add(code)
            parent = item.get("parent")
            if categories:
                parent = self.check_category_code(where, code, parent)
            elif parent is not None or not _GROUP_CODE.fullmatch(code):
                raise self.fail(where, "must have a simple lower-case code and no parent.")
            labels = self.texts(where, item.get("labels"), "labels", langs)
            description = self.texts(where, item.get("description", {}), "description",
                                     DESCRIPTION_LANGUAGES if describe else ())
            out.append(Category(code=code, labels=labels, description=description,
                                parent=parent))
        return out

    def check_category_code(self, where: str, code: str, parent: object) -> str | None:
        if parent is None:
            if not _GROUP_CODE.fullmatch(code):
                raise self.fail(where, "is a group: its code must be lower-case letters, digits "
                                       "and '_' (a leaf needs a 'parent').")
            return None
        if not isinstance(parent, str):
            raise self.fail(where, "has a 'parent' that is not a string.")
        if not _LEAF_CODE.fullmatch(code) or code.split(".", 1)[0] != parent:
            raise self.fail(where, f"must be coded '{parent}.<name>' under its parent {parent!r}.")
        return parent

    def texts(self, where: str, raw: object, field: str,
              required: tuple[str, ...]) -> Mapping[str, str]:
        if not isinstance(raw, dict):
            raise self.fail(where, f"has no {field!r} object.")
        for lang in required:
            value = raw.get(lang)
            if not isinstance(value, str) or not value.strip():
                raise self.fail(where, f"has no {lang!r} text in {field!r}.")
        for lang, value in raw.items():
            if not isinstance(value, str):
                raise self.fail(where, f"has a non-text {lang!r} value in {field!r}.")
        return MappingProxyType(dict(raw))


# --- the shipped taxonomy ------------------------------------------------------------------

@lru_cache(maxsize=1)
def default_taxonomy() -> Taxonomy:
    """The taxonomy shipped with FieldKit, loaded once.

    Found by :func:`fieldkit.resources.resource_path`: the checkout's ``resources/``, or
    the package data ``fieldkit/_resources/`` of an installed wheel or app bundle.
    """
    path = resource_path(TAXONOMY_FILE)
    if path.is_file():
        return Taxonomy.load(path)
    raise NotFoundError(
        f"FieldKit's taxonomy file ({TAXONOMY_FILE}) is missing from {path.parent}.",
        hint="Reinstall FieldKit; the resources directory is incomplete.")
