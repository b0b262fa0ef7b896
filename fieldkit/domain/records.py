"""Incident records, modelled on the HURIDOCS Events Standard Formats.

An incident is one JSON document (the unit that is sealed)::

    Incident ─┬─ persons[]      victim / witness / perpetrator / source; pseudonym by default
              ├─ acts[]         act type, victims, perpetrators with their involvement
              ├─ testimonies[]  witness (a person), language, consent level, text, audio
              └─ evidence[]     file name, SHA-256, size, media type, capture metadata,
                                original/derived + transformation, custody events

Every record carries a confidentiality level; every testimony a consent level. Both use the
audience scale ``internal`` < ``partners`` < ``public``: the widest audience allowed to see it.
Unknown fields are kept as they are, so a newer FieldKit's records survive an older one.
"""

from __future__ import annotations

import re
import uuid
from datetime import date, datetime
from typing import Any

from fieldkit.domain.taxonomy import Taxonomy
from fieldkit.errors import NotFoundError, ValidationError

SCHEMA = "fieldkit.incident/1"
LEVELS = ("internal", "partners", "public")
PRECISIONS = ("exact", "day", "month", "year", "approximate", "range")
ROLES = ("victim", "witness", "perpetrator", "source")
MAX_TEXT = 1_000_000
MAX_TITLE = 500

Incident = dict[str, Any]

_LANG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def level_allows(level: str, audience: str) -> bool:
    """True if something marked ``level`` may be shown to ``audience``."""
    return LEVELS.index(level) >= LEVELS.index(audience)


def check_level(value: str, what: str) -> str:
    if value not in LEVELS:
        raise ValidationError(f"{what} must be one of {', '.join(LEVELS)}, not {value!r}.")
    return value


def check_text(value: object, what: str, *, required: bool = False, limit: int = MAX_TEXT) -> str:
    if not isinstance(value, str):
        raise ValidationError(f"{what} must be text.")
    if "\x00" in value:
        raise ValidationError(f"{what} contains a NUL character.")
    if required and not value.strip():
        raise ValidationError(f"{what} is required.")
    if len(value) > limit:
        raise ValidationError(f"{what} is longer than {limit:,} characters.")
    return value


def check_language(value: str) -> str:
    if not _LANG.match(value):
        raise ValidationError(f"Language {value!r} is not a language code.",
                              hint="Use a code such as ar, en, fr, ru or kk.")
    return value


def check_country(value: str) -> str:
    cc = value.strip().upper()
    if not _COUNTRY.match(cc):
        raise ValidationError(f"Country {value!r} is not a two-letter ISO 3166 code.",
                              hint="For example FR, DE, GB, KZ.")
    return cc


# --- dates with precision ------------------------------------------------------------------

def parse_when(value: str, *, precision: str | None = None,
               end: str | None = None) -> dict[str, Any]:
    """``2026``, ``2026-03``, ``2026-03-13`` or an ISO date-time, with a precision that is
    inferred when not given; ``range`` needs ``end``."""
    value = value.strip()
    inferred = _infer_precision(value)
    if precision is None:
        precision = "range" if end else inferred
    if precision not in PRECISIONS:
        raise ValidationError(f"Date precision must be one of {', '.join(PRECISIONS)}.")
    if precision in ("exact", "day", "month", "year") and precision != inferred:
        raise ValidationError(f"{value!r} is not a date of precision {precision!r}.",
                              hint="Give a year (2026), a month (2026-03), a day (2026-03-13) "
                                   "or a time with its offset (2026-03-13T19:40+01:00).")
    if inferred == "exact" and datetime.fromisoformat(value).tzinfo is None:
        raise ValidationError(f"The time {value!r} has no UTC offset, so it is ambiguous.",
                              hint="Add the offset, e.g. 2026-03-13T19:40+01:00, or Z for UTC.")
    if precision == "range":
        if not end:
            raise ValidationError("A date range needs an end date.")
        _infer_precision(end.strip())
        if end.strip()[:10] < value[:10]:
            raise ValidationError("A date range must end after it starts.")
    elif end:
        raise ValidationError("An end date is only for the precision 'range'.")
    return {"start": value, "precision": precision, "end": end.strip() if end else None}


def _infer_precision(value: str) -> str:
    hint = "Use YYYY, YYYY-MM, YYYY-MM-DD or a date-time such as 2026-03-13T19:40+01:00."
    try:
        if re.fullmatch(r"\d{4}", value):
            return "year"
        if re.fullmatch(r"\d{4}-\d{2}", value):
            date.fromisoformat(value + "-01")
            return "month"
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            date.fromisoformat(value)
            return "day"
        datetime.fromisoformat(value)
        return "exact"
    except ValueError:
        raise ValidationError(f"{value!r} is not a date.", hint=hint) from None


# --- building and editing drafts -----------------------------------------------------------

def new_incident(*, title: str, category: str, occurred: dict[str, Any], country: str,
                 place: str = "", description: str = "", confidentiality: str = "internal",
                 taxonomy: Taxonomy, created_at: str) -> Incident:
    inc: Incident = {
        "schema": SCHEMA, "uid": str(uuid.uuid4()), "title": "", "category": "",
        "occurred": occurred, "country": "", "place": "", "description": "",
        "confidentiality": "internal", "created_at": created_at,
        "persons": [], "acts": [], "testimonies": [], "evidence": [],
    }
    update_fields(inc, taxonomy=taxonomy, title=title, category=category, country=country,
                  place=place, description=description, confidentiality=confidentiality)
    return inc


def update_fields(inc: Incident, *, taxonomy: Taxonomy, **fields: Any) -> None:
    """Set top-level fields, validating each."""
    for name, value in fields.items():
        if value is None:
            continue
        if name == "title":
            inc["title"] = check_text(value, "The title", required=True, limit=MAX_TITLE).strip()
        elif name == "category":
            if not taxonomy.is_leaf(value):
                taxonomy.get(value)  # raises NotFoundError with suggestions
                raise ValidationError(f"{value!r} is a group; choose one of its categories.",
                                      hint="`fieldkit categories` lists them.")
            inc["category"] = value
        elif name == "country":
            inc["country"] = check_country(value)
        elif name in ("place", "description"):
            inc[name] = check_text(value, f"The {name}")
        elif name == "confidentiality":
            inc["confidentiality"] = check_level(value, "Confidentiality")
        elif name == "occurred":
            inc["occurred"] = value
        else:
            raise ValidationError(f"Unknown incident field {name!r}.")


def _next_id(items: list[dict[str, Any]], prefix: str) -> str:
    numbers = [int(i["id"][len(prefix):]) for i in items
               if isinstance(i.get("id"), str) and i["id"][len(prefix):].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1}"


def find_person(inc: Incident, ref: str) -> dict[str, Any]:
    for p in inc["persons"]:
        if ref in (p["id"], p["pseudonym"]):
            return p  # type: ignore[no-any-return]
    raise NotFoundError(f"No person {ref!r} in this incident.")


def add_person(inc: Incident, *, pseudonym: str, roles: list[str], name: str | None = None,
               gender: str | None = None, age_group: str | None = None,
               contact: str | None = None, confidentiality: str = "internal") -> dict[str, Any]:
    """A person, shown by pseudonym; a real name and contact details are kept only if given,
    and only ever shown to an ``internal`` audience."""
    check_text(pseudonym, "The pseudonym", required=True, limit=200)
    for role in roles:
        if role not in ROLES:
            raise ValidationError(f"Role must be one of {', '.join(ROLES)}, not {role!r}.")
    for p in inc["persons"]:
        if p["pseudonym"] == pseudonym:
            p["roles"] = sorted(set(p["roles"]) | set(roles))
            return p  # type: ignore[no-any-return]
    person = {"id": _next_id(inc["persons"], "p"), "pseudonym": pseudonym.strip(),
              "roles": sorted(set(roles)), "name": name, "gender": gender,
              "age_group": age_group, "contact": contact,
              "confidentiality": check_level(confidentiality, "Confidentiality")}
    inc["persons"].append(person)
    return person


def add_act(inc: Incident, *, act_type: str, victims: list[str],
            perpetrators: list[tuple[str, str]], description: str = "",
            taxonomy: Taxonomy) -> dict[str, Any]:
    taxonomy.act_type(act_type)
    involvements = {c.code for c in taxonomy.involvements()}
    perps = []
    for ref, involvement in perpetrators:
        if involvement not in involvements:
            raise ValidationError(f"Involvement must be one of {', '.join(sorted(involvements))}.")
        perps.append({"person": find_person(inc, ref)["id"], "involvement": involvement})
    act = {"id": _next_id(inc["acts"], "a"), "type": act_type,
           "victims": [find_person(inc, v)["id"] for v in victims], "perpetrators": perps,
           "description": check_text(description, "The act description")}
    inc["acts"].append(act)
    return act


def add_testimony(inc: Incident, *, witness: str, language: str, consent: str, text: str,
                  recorded_at: str, audio: dict[str, Any] | None = None) -> dict[str, Any]:
    check_text(text, "The testimony text", required=audio is None)
    person = add_person(inc, pseudonym=witness, roles=["witness"])
    testimony = {"id": _next_id(inc["testimonies"], "t"), "witness": person["id"],
                 "language": check_language(language),
                 "consent": check_level(consent, "Consent"), "text": text,
                 "audio": audio, "recorded_at": recorded_at}
    inc["testimonies"].append(testimony)
    return testimony


def file_ref(*, sha256: str, size: int, media_type: str, file_name: str) -> dict[str, Any]:
    """How a sealed record names a file: by digest and size, never by its bytes."""
    return {"sha256": sha256, "size": size, "media_type": media_type, "file_name": file_name}


def add_evidence(inc: Incident, *, file: dict[str, Any], description: str = "",
                 captured_at: str | None = None, gps: dict[str, float] | None = None,
                 capture: dict[str, Any] | None = None, original: bool = True,
                 derived_from: str | None = None, transformation: str | None = None,
                 custody: list[dict[str, Any]]) -> dict[str, Any]:
    if not original and not transformation:
        raise ValidationError("A derived evidence item must say which transformation made it.")
    if gps is not None and not (-90 <= gps["lat"] <= 90 and -180 <= gps["lon"] <= 180):
        raise ValidationError("GPS coordinates are out of range.")
    item = {"id": _next_id(inc["evidence"], "e"), **file,
            "description": check_text(description, "The evidence description"),
            "captured_at": captured_at, "gps": gps, "capture": capture or {},
            "original": original, "derived_from": derived_from,
            "transformation": transformation, "custody": custody}
    inc["evidence"].append(item)
    return item


def validate(inc: Incident, *, taxonomy: Taxonomy) -> None:
    """Check a whole incident before it is sealed."""
    if inc.get("schema") != SCHEMA:
        raise ValidationError(f"Not a {SCHEMA} record.")
    check_text(inc.get("title"), "The title", required=True, limit=MAX_TITLE)
    if not taxonomy.is_leaf(inc.get("category", "")):
        taxonomy.get(inc.get("category", ""))  # NotFoundError with suggestions
        raise ValidationError(f"{inc['category']!r} is a group; choose one of its categories.")
    check_country(inc.get("country", ""))
    check_level(inc.get("confidentiality", ""), "Confidentiality")
    person_ids = {p["id"] for p in inc["persons"]}
    involvements = {c.code for c in taxonomy.involvements()}
    for act in inc["acts"]:
        taxonomy.act_type(act["type"])
        if any(p["involvement"] not in involvements for p in act["perpetrators"]):
            raise ValidationError(f"Act {act['id']} has an unknown involvement.")
        for pid in act["victims"] + [p["person"] for p in act["perpetrators"]]:
            if pid not in person_ids:
                raise ValidationError(f"Act {act['id']} names unknown person {pid}.")
    for t in inc["testimonies"]:
        if t["witness"] not in person_ids:
            raise ValidationError(f"Testimony {t['id']} names unknown witness {t['witness']}.")
        check_level(t["consent"], "Consent")
        check_language(t["language"])
    for e in inc["evidence"]:
        if not _SHA256.match(e.get("sha256", "")) or not isinstance(e.get("size"), int):
            raise ValidationError(f"Evidence {e['id']} has no valid SHA-256 and size.")


def search_text(inc: Incident) -> str:
    """The text the search index sees besides the title."""
    parts = [inc.get("description", ""), inc.get("place", "")]
    parts += [p.get("pseudonym", "") for p in inc["persons"]]
    parts += [a.get("description", "") for a in inc["acts"]]
    parts += [t.get("text", "") for t in inc["testimonies"]]
    parts += [f"{e.get('file_name', '')} {e.get('description', '')}" for e in inc["evidence"]]
    return "\n".join(p for p in parts if p)
