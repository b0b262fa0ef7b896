"""What an audience may see of an incident: one function every export goes through.

Audiences are the confidentiality scale of :mod:`fieldkit.domain.records`
(``internal`` < ``partners`` < ``public``). For an audience wider than ``internal``:

- an incident whose own confidentiality does not allow the audience is left out entirely
  (:func:`incident_allowed`);
- a testimony whose consent level does not allow the audience is removed, with its audio;
- a person is shown by pseudonym only: ``name`` and ``contact`` are dropped, and a person
  whose own confidentiality does not allow the audience keeps only id, pseudonym and roles;
- evidence stays (it is named by digest), but its GPS position is dropped for ``public``;
- a separately sealed custody event keeps its free-text ``note`` for ``internal`` only
  (:func:`redact_custody`); a note may name people;
- a level outside the scale (a record from a hostile or newer device) is a
  ValidationError: nothing is shown on a guess;
- every removal is listed, so a bundle can say exactly what was withheld.

``internal`` sees the record unchanged. The input is never modified.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from fieldkit.domain.records import LEVELS
from fieldkit.errors import ValidationError

AUDIENCES = LEVELS

# Person fields that identify someone; shown to ``internal`` only.
IDENTIFYING = ("name", "contact")
# What a person withheld from this audience keeps.
PERSON_MINIMUM = ("id", "pseudonym", "roles")


@dataclass(frozen=True)
class Redacted:
    """An incident as ``audience`` may see it, and what was taken out (JSON-pointer-like
    paths such as ``testimonies/t2`` or ``persons/p1/name``)."""

    record: dict[str, Any]
    audience: str
    removed: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.removed)


def check_audience(audience: str) -> str:
    if audience not in AUDIENCES:
        raise ValidationError(f"The audience must be one of {', '.join(AUDIENCES)}, "
                              f"not {audience!r}.")
    return audience


def _allows(level: object, audience: str, what: str) -> bool:
    """Like records.level_allows, but an unknown level fails closed with a typed error."""
    if level not in LEVELS:
        raise ValidationError(f"{what} has the level {level!r}, which is not one of "
                              f"{', '.join(LEVELS)}; it cannot be exported.",
                              hint="The record comes from a device that does not follow this "
                                   "FieldKit's scale. Review it in the vault and amend it to "
                                   "internal, partners or public before exporting it.")
    return LEVELS.index(str(level)) >= LEVELS.index(audience)


def incident_allowed(record: dict[str, Any], audience: str) -> bool:
    """True if the incident as a whole may be shown to ``audience``."""
    return _allows(record.get("confidentiality", "internal"), check_audience(audience),
                   f"Incident {record.get('uid', '?')}")


def redact(record: dict[str, Any], audience: str) -> Redacted:
    """The incident ``record`` as ``audience`` may see it. Raises ValidationError if the
    incident itself may not be shown to that audience (check :func:`incident_allowed`)."""
    check_audience(audience)
    if not incident_allowed(record, audience):
        raise ValidationError(f"Incident {record.get('uid', '?')} is marked "
                              f"{record.get('confidentiality')!r} and may not be shown to "
                              f"{audience!r}.")
    out = copy.deepcopy(record)
    if audience == "internal":
        return Redacted(out, audience)
    removed: list[str] = []
    kept_testimonies = []
    for t in out.get("testimonies", []):
        if _allows(t.get("consent", "internal"), audience,
                   f"Testimony {t.get('id', '?')}'s consent"):
            kept_testimonies.append(t)
        else:
            removed.append(f"testimonies/{t.get('id', '?')}")
    out["testimonies"] = kept_testimonies
    persons = []
    for p in out.get("persons", []):
        pid = p.get("id", "?")
        if not _allows(p.get("confidentiality", "internal"), audience,
                       f"Person {pid}"):
            dropped = [k for k in p if k not in PERSON_MINIMUM and p[k] not in (None, "", [])]
            removed.extend(f"persons/{pid}/{k}" for k in dropped)
            persons.append({k: p[k] for k in PERSON_MINIMUM if k in p})
            continue
        for k in IDENTIFYING:
            if p.get(k):
                removed.append(f"persons/{pid}/{k}")
            p.pop(k, None)
        persons.append(p)
    out["persons"] = persons
    for ev in out.get("evidence", []):
        if ev.get("gps") and audience == "public":
            removed.append(f"evidence/{ev.get('sha256', '?')[:16]}/gps")
            ev["gps"] = None
    return Redacted(out, audience, removed)


def redact_custody(record: dict[str, Any], audience: str) -> Redacted:
    """A sealed custody event (``fieldkit.custody/1``) as ``audience`` may see it: the
    free-text note is kept for ``internal`` only (the actor is a device key id)."""
    check_audience(audience)
    out = copy.deepcopy(record)
    if audience == "internal" or not out.get("note"):
        return Redacted(out, audience)
    out.pop("note")
    return Redacted(out, audience, ["note"])
