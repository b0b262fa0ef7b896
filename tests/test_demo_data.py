"""FieldKit's own demo incidents: schema, taxonomy codes, references, files, required words."""

from __future__ import annotations

import csv
import io
import json
import re
import struct
import subprocess
import sys
import wave
import zlib
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from fieldkit.domain.records import parse_when
from fieldkit.domain.taxonomy import Taxonomy

DEMO_DIR = Path(__file__).resolve().parent.parent / "resources" / "demo"
FILES_DIR = DEMO_DIR / "files"

LEVELS = {"internal", "partners", "public"}
PRECISIONS = {"exact", "day", "month", "year", "approximate", "range"}
GENDERS = {"female", "male", "other", "unknown"}
AGE_GROUPS = {"child", "youth", "adult", "older", "unknown"}
MEDIA_TYPES = {".png": "image/png", ".txt": "text/plain", ".csv": "text/csv",
               ".wav": "audio/wav", ".jpg": "image/jpeg", ".pdf": "application/pdf"}

INCIDENT_KEYS = {"key", "title", "category", "occurred", "precision", "occurred_end", "country",
                 "place", "description", "confidentiality", "persons", "acts", "testimonies",
                 "evidence"}
INCIDENT_OPTIONAL = {"occurred_end"}
PERSON_KEYS = {"ref", "pseudonym", "roles", "gender", "age_group"}
ACT_KEYS = {"type", "victims", "perpetrators", "description"}
TESTIMONY_KEYS = {"witness", "language", "consent", "text"}
EVIDENCE_KEYS = {"file", "description", "media_type", "captured_at", "gps"}

ARABIC = re.compile(r"[\u0621-\u064A]")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
KAZAKH_ONLY = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
LATIN = re.compile(r"[A-Za-z]")


@pytest.fixture(scope="module")
def demo() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DEMO_DIR / "incidents.json").read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def incidents(demo: dict[str, Any]) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = demo["incidents"]
    return result


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return Taxonomy.load()


def strings(value: Any) -> list[str]:
    """Every string inside a JSON value."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


def when(value: str) -> datetime:
    """An ISO date or tz-aware date-time as a comparable datetime (dates at midnight UTC)."""
    if re.fullmatch(r"\d{4}(-\d{2}){0,2}", value):  # a year, month or day: its first instant
        value = (value + "-01-01")[:10]
        return datetime.fromisoformat(value + "T00:00:00+00:00")
    parsed = datetime.fromisoformat(value)
    assert parsed.tzinfo is not None, f"{value} needs a UTC offset"
    return parsed


# --- the document -------------------------------------------------------------------------------

def test_top_level(demo: dict[str, Any], incidents: list[dict[str, Any]]) -> None:
    assert set(demo) == {"about", "incidents"}
    assert "fictional" in demo["about"].lower()
    assert len(incidents) == 8
    keys = [i["key"] for i in incidents]
    assert len(set(keys)) == len(keys)
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", k) for k in keys)
    assert len({i["country"] for i in incidents}) >= 8


def test_incident_fields(incidents: list[dict[str, Any]], taxonomy: Taxonomy) -> None:
    for inc in incidents:
        where = inc["key"]
        assert INCIDENT_KEYS - INCIDENT_OPTIONAL <= set(inc) <= INCIDENT_KEYS, where
        for field in ("title", "place", "description"):
            assert isinstance(inc[field], str) and inc[field].strip(), (where, field)
        assert taxonomy.is_leaf(inc["category"]), where
        assert re.fullmatch(r"[A-Z]{2}", inc["country"]), where
        assert inc["confidentiality"] in LEVELS, where


def test_dates_and_precision(incidents: list[dict[str, Any]]) -> None:
    for inc in incidents:
        where, precision = inc["key"], inc["precision"]
        assert precision in PRECISIONS, where
        # the vault's own rules: precision fits the form, times carry their offset
        parse_when(inc["occurred"], precision=precision, end=inc.get("occurred_end"))
        if precision == "range":
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", inc["occurred_end"]), where
        else:
            assert "occurred_end" not in inc, where


def test_persons(incidents: list[dict[str, Any]], taxonomy: Taxonomy) -> None:
    roles = {r.code for r in taxonomy.roles()}
    for inc in incidents:
        persons = inc["persons"]
        assert len(persons) >= 2, inc["key"]
        refs = [p["ref"] for p in persons]
        pseudonyms = [p["pseudonym"] for p in persons]
        assert len(set(refs)) == len(refs) and len(set(pseudonyms)) == len(pseudonyms)
        for p in persons:
            assert {"ref", "pseudonym", "roles"} <= set(p) <= PERSON_KEYS, p
            assert re.fullmatch(r"p\d+", p["ref"]) and p["pseudonym"].strip()
            assert p["roles"] and set(p["roles"]) <= roles, p
            assert p.get("gender", "unknown") in GENDERS, p
            assert p.get("age_group", "unknown") in AGE_GROUPS, p


def test_acts_reference_people_in_their_roles(incidents: list[dict[str, Any]],
                                              taxonomy: Taxonomy) -> None:
    involvements = {i.code for i in taxonomy.involvements()}
    for inc in incidents:
        people = {p["ref"]: p for p in inc["persons"]}
        assert len(inc["acts"]) >= 1, inc["key"]
        for act in inc["acts"]:
            assert set(act) == ACT_KEYS, act
            taxonomy.act_type(act["type"])
            assert act["victims"] and act["perpetrators"] and act["description"].strip()
            for ref in act["victims"]:
                assert "victim" in people[ref]["roles"], (inc["key"], ref)
            for perp in act["perpetrators"]:
                assert set(perp) == {"ref", "involvement"}
                assert "perpetrator" in people[perp["ref"]]["roles"], (inc["key"], perp)
                assert perp["involvement"] in involvements, perp
        acted = {r for a in inc["acts"] for r in a["victims"]} | {
            p["ref"] for a in inc["acts"] for p in a["perpetrators"]}
        for p in inc["persons"]:
            if {"victim", "perpetrator"} & set(p["roles"]):
                assert p["ref"] in acted, (inc["key"], p["ref"], "named in no act")


def test_testimonies(incidents: list[dict[str, Any]], taxonomy: Taxonomy) -> None:
    for inc in incidents:
        people = {p["pseudonym"]: p for p in inc["persons"]}
        for t in inc["testimonies"]:
            assert set(t) == TESTIMONY_KEYS, t
            speaker = people[t["witness"]]
            assert {"witness", "victim", "source"} & set(speaker["roles"]), t["witness"]
            assert t["language"] in taxonomy.languages
            assert t["consent"] in LEVELS
            text = t["text"]
            assert len(text) > 80, (inc["key"], t["witness"])
            if t["language"] == "ar":
                assert ARABIC.search(text)
            elif t["language"] in ("ru", "kk"):
                assert CYRILLIC.search(text) and not ARABIC.search(text)
                assert bool(KAZAKH_ONLY.search(text)) == (t["language"] == "kk"), text[:40]
            else:
                assert LATIN.search(text) and not CYRILLIC.search(text)


def test_testimony_coverage(incidents: list[dict[str, Any]]) -> None:
    testimonies = [t for inc in incidents for t in inc["testimonies"]]
    assert {t["consent"] for t in testimonies} == LEVELS
    assert {t["language"] for t in testimonies} == {"ar", "en", "fr", "ru", "kk"}
    assert sum(len(inc["testimonies"]) >= 2 for inc in incidents) >= 2


def test_evidence_entries(incidents: list[dict[str, Any]]) -> None:
    for inc in incidents:
        start = when(inc["occurred"])
        for ev in inc["evidence"]:
            assert {"file", "description", "media_type"} <= set(ev) <= EVIDENCE_KEYS, ev
            path = FILES_DIR / ev["file"]
            assert path.is_file(), ev["file"]
            assert ev["media_type"] == MEDIA_TYPES[path.suffix], ev["file"]
            assert ev["description"].strip()
            if "captured_at" in ev:
                captured = when(ev["captured_at"])
                assert "T" in ev["captured_at"] and captured >= start, ev["file"]
            if "gps" in ev:
                gps = ev["gps"]
                assert set(gps) == {"lat", "lon"}
                assert isinstance(gps["lat"], float) and -90 <= gps["lat"] <= 90
                assert isinstance(gps["lon"], float) and -180 <= gps["lon"] <= 180


def test_required_words(incidents: list[dict[str, Any]]) -> None:
    texts = strings(incidents)
    arabic = [s for s in texts if ARABIC.search(s)]
    assert any("بالمسجد" in s for s in arabic)
    assert any("أحمد" in s for s in arabic)
    assert any("١٢" in s for s in arabic)
    assert any(re.search(r"\b2026/311\b", s) for s in arabic)      # a report number in Arabic
    assert any(re.search(r"\d{3}-\d{7}", s) for s in arabic)        # a phone-like number
    assert any("мечеть" in s for s in texts if CYRILLIC.search(s))


# --- the files -----------------------------------------------------------------------------------

def test_files_are_few_small_and_all_referenced(incidents: list[dict[str, Any]]) -> None:
    on_disk = {p.name for p in FILES_DIR.iterdir()}
    referenced = {ev["file"] for inc in incidents for ev in inc["evidence"]}
    assert on_disk == referenced
    assert 6 <= len(on_disk) <= 10
    for name in on_disk:
        assert (FILES_DIR / name).stat().st_size < 60 * 1024, name


def png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, pos = [], 8
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        assert zlib.crc32(kind + body) == crc, kind
        chunks.append((kind, body))
        pos += 12 + length
    assert chunks[0][0] == b"IHDR" and chunks[-1] == (b"IEND", b"")
    return chunks


def png_pixels(data: bytes) -> tuple[bytes, bytes]:
    chunks = png_chunks(data)
    idat = b"".join(body for kind, body in chunks if kind == b"IDAT")
    return chunks[0][1], zlib.decompress(idat)


@pytest.mark.parametrize("path", sorted(FILES_DIR.glob("*.png")), ids=lambda p: p.name)
def test_png_files_are_valid(path: Path) -> None:
    header, pixels = png_pixels(path.read_bytes())
    width, height, depth, colour = struct.unpack(">IIBB", header[:10])
    assert (depth, colour) == (8, 2)
    assert len(pixels) == height * (1 + 3 * width)


def test_wav_text_and_csv_files_are_valid() -> None:
    with wave.open(str(FILES_DIR / "ru-audio-note.wav"), "rb") as audio:
        assert (audio.getnchannels(), audio.getsampwidth(), audio.getframerate()) == (1, 2, 8000)
        assert audio.getnframes() == 16000
    for name in ("fr-complaint-receipt.txt", "kz-fine-notice.txt"):
        text = (FILES_DIR / name).read_text(encoding="utf-8")
        assert "FICTIF" in text or "ВЫМЫШЛЕНО" in text
    rows = list(csv.DictReader(io.StringIO(
        (FILES_DIR / "gb-screenshots.csv").read_text(encoding="utf-8"), newline="")))
    assert len(rows) >= 5
    for row in rows:
        assert re.fullmatch(r"https://[a-z.]*example\.(com|net|org)/\S+", row["url"]), row
        assert when(row["captured_at"])


def test_make_files_is_deterministic(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(DEMO_DIR / "make_files.py"), "--out", str(tmp_path)],
                   check=True, capture_output=True)
    made = sorted(p.name for p in tmp_path.iterdir())
    assert made == sorted(p.name for p in FILES_DIR.iterdir())
    for name in made:
        fresh, shipped = (tmp_path / name).read_bytes(), (FILES_DIR / name).read_bytes()
        if name.endswith(".png"):
            # zlib builds may compress differently; the pixels and metadata must not differ.
            assert png_pixels(fresh) == png_pixels(shipped), name
            assert [c for c in png_chunks(fresh) if c[0] != b"IDAT"] == [
                c for c in png_chunks(shipped) if c[0] != b"IDAT"], name
        else:
            assert fresh == shipped, name


def test_demo_imports_and_seals_in_a_real_vault(service: Any,
                                                incidents: list[dict[str, Any]]) -> None:
    """The demo goes through the same import path as the UI and CLI, evidence files included."""
    views = service.import_incidents(incidents, base_dir=FILES_DIR, seal=True)
    assert len(views) == len(incidents) and all(v.is_sealed for v in views)
    report = service.check(deep=True)
    assert report.ok, report.problems
    assert report.attachments == report.attachments_verified == len(list(FILES_DIR.iterdir()))
