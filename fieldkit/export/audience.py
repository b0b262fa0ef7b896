"""What an audience may see of an incident: one function every export goes through.

Audiences are the confidentiality scale of :mod:`fieldkit.domain.records`
(``internal`` < ``partners`` < ``public``). For an audience wider than ``internal``:

- an incident whose own confidentiality does not allow the audience is left out entirely
  (:func:`incident_allowed`);
- a testimony whose consent level does not allow the audience is removed, with its audio;
- a person is shown by pseudonym only: ``name`` and ``contact`` are dropped, and a person
  whose own confidentiality does not allow the audience keeps only id, pseudonym and roles;
- evidence stays (it is named by digest), but its GPS position is dropped for ``public``;
- every removal is listed, so a bundle can say exactly what was withheld.

``internal`` sees the record unchanged. The input is never modified.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from fieldkit.domain.records import LEVELS, level_allows
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


def incident_allowed(record: dict[str, Any], audience: str) -> bool:
    """True if the incident as a whole may be shown to ``audience``."""
    return level_allows(record.get("confidentiality", "internal"), check_audience(audience))


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
        if level_allows(t.get("consent", "internal"), audience):
            kept_testimonies.append(t)
        else:
            removed.append(f"testimonies/{t.get('id', '?')}")
    out["testimonies"] = kept_testimonies
    persons = []
    for p in out.get("persons", []):
        pid = p.get("id", "?")
        if not level_allows(p.get("confidentiality", "internal"), audience):
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
