"""The one audience filter every export goes through, including hostile records."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from fieldkit.errors import ValidationError
from fieldkit.export.audience import check_audience, incident_allowed, redact, redact_custody


def incident(**over: Any) -> dict[str, Any]:
    inc: dict[str, Any] = {
        "uid": "u-1", "title": "t", "confidentiality": "public",
        "persons": [
            {"id": "p1", "pseudonym": "Witness A.", "roles": ["witness"], "name": "Real Name",
             "contact": "+33 6 00 00 00 00", "gender": "female", "confidentiality": "public"},
            {"id": "p2", "pseudonym": "Victim B.", "roles": ["victim"], "name": "Other Name",
             "contact": "b@example.org", "gender": "male", "age_group": "adult",
             "confidentiality": "internal"},
        ],
        "testimonies": [
            {"id": "t1", "witness": "p1", "consent": "internal", "text": "SECRET-INTERNAL"},
            {"id": "t2", "witness": "p1", "consent": "partners", "text": "for partners"},
            {"id": "t3", "witness": "p1", "consent": "public", "text": "for everyone"},
        ],
        "evidence": [{"sha256": "ab" * 32, "gps": {"lat": 1.0, "lon": 2.0}}],
    }
    inc.update(over)
    return inc


def texts(r: dict[str, Any]) -> list[str]:
    return [t["text"] for t in r["testimonies"]]


def test_internal_sees_everything_and_gets_a_copy() -> None:
    inc = incident()
    out = redact(inc, "internal")
    assert out.record == inc and out.removed == [] and not out.changed
    out.record["persons"][0]["name"] = "changed"
    assert inc["persons"][0]["name"] == "Real Name"


@pytest.mark.parametrize("audience", ["partners", "public"])
def test_wider_audiences_lose_internal_testimonies_and_identities(audience: str) -> None:
    inc = incident()
    before = copy.deepcopy(inc)
    out = redact(inc, audience)
    assert inc == before  # the input is never modified
    assert "SECRET-INTERNAL" not in repr(out.record)
    for p in out.record["persons"]:
        assert "name" not in p and "contact" not in p
    # the internal-confidentiality person keeps only id, pseudonym and roles
    assert out.record["persons"][1] == {"id": "p2", "pseudonym": "Victim B.",
                                        "roles": ["victim"]}
    assert "testimonies/t1" in out.removed
    assert {"persons/p1/name", "persons/p1/contact", "persons/p2/name",
            "persons/p2/contact", "persons/p2/gender"} <= set(out.removed)


def test_partners_keep_partners_testimonies_and_gps() -> None:
    out = redact(incident(), "partners")
    assert texts(out.record) == ["for partners", "for everyone"]
    assert out.record["evidence"][0]["gps"] == {"lat": 1.0, "lon": 2.0}


def test_public_loses_partners_testimonies_and_gps() -> None:
    out = redact(incident(), "public")
    assert texts(out.record) == ["for everyone"]
    assert out.record["evidence"][0]["gps"] is None
    assert "testimonies/t2" in out.removed and f"evidence/{'ab' * 8}/gps" in out.removed


def test_a_testimony_without_consent_counts_as_internal() -> None:
    inc = incident(testimonies=[{"id": "t9", "witness": "p1", "text": "NO-CONSENT-FIELD"}])
    assert texts(redact(inc, "partners").record) == []
    assert texts(redact(inc, "internal").record) == ["NO-CONSENT-FIELD"]


def test_an_incident_without_confidentiality_counts_as_internal() -> None:
    inc = incident()
    del inc["confidentiality"]
    assert not incident_allowed(inc, "partners") and incident_allowed(inc, "internal")
    with pytest.raises(ValidationError):
        redact(inc, "partners")


@pytest.mark.parametrize("level,allowed", [("internal", ["internal"]),
                                           ("partners", ["internal", "partners"]),
                                           ("public", ["internal", "partners", "public"])])
def test_incident_levels(level: str, allowed: list[str]) -> None:
    inc = incident(confidentiality=level)
    for audience in ("internal", "partners", "public"):
        assert incident_allowed(inc, audience) is (audience in allowed)
        if audience not in allowed:
            with pytest.raises(ValidationError, match="may not be shown"):
                redact(inc, audience)


@pytest.mark.parametrize("bad", ["", "everyone", "PUBLIC", "public ", None, 3])
def test_unknown_audiences_are_refused(bad: Any) -> None:
    with pytest.raises(ValidationError):
        check_audience(bad)
    with pytest.raises(ValidationError):
        redact(incident(), bad)
    with pytest.raises(ValidationError):
        incident_allowed(incident(), bad)


def test_empty_identity_fields_are_dropped_without_being_listed() -> None:
    inc = incident(persons=[{"id": "p1", "pseudonym": "A.", "roles": [], "name": None,
                             "contact": "", "confidentiality": "public"}], testimonies=[],
                   evidence=[])
    out = redact(inc, "public")
    assert out.record["persons"] == [{"id": "p1", "pseudonym": "A.", "roles": [],
                                      "confidentiality": "public"}]
    assert out.removed == []


@pytest.mark.parametrize("field", ["consent", "confidentiality"])
def test_a_level_outside_the_scale_is_a_typed_error(field: str) -> None:
    if field == "consent":
        inc = incident(testimonies=[{"id": "t1", "witness": "p1", "consent": "everyone",
                                     "text": "x"}])
    else:
        inc = incident(confidentiality="world")
    with pytest.raises(ValidationError):
        redact(inc, "partners")


def test_custody_notes_are_for_internal_only() -> None:
    event = {"schema": "fieldkit.custody/1", "sha256": "ab" * 32, "at": "2024-01-01T00:00:00Z",
             "actor": "cd" * 32, "action": "transferred", "note": "handed to Dr Karimova"}
    assert redact_custody(event, "internal").record == event
    for audience in ("partners", "public"):
        out = redact_custody(event, audience)
        assert "note" not in out.record and out.removed == ["note"]
    assert event["note"] == "handed to Dr Karimova"
    assert redact_custody({**event, "note": ""}, "public").removed == []
