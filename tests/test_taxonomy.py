"""The shipped taxonomy: required codes, every language, and bad files rejected by name."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from fieldkit.domain.taxonomy import Category, Taxonomy, default_taxonomy
from fieldkit.errors import NotFoundError, ValidationError

TAXONOMY_FILE = Path(__file__).resolve().parent.parent / "resources" / "taxonomy.json"

# Codes the shared fictional samples use; they must never disappear.
SAMPLE_CODES = [
    "hate_crime.physical_assault", "discrimination.education", "legislation.places_of_worship",
    "legislation.halal", "discrimination.employment", "hate_speech.online",
    "hate_crime.vandalism", "discrimination.religious_practice", "discrimination.healthcare",
    "hate_crime.arson",
]
# One leaf for each thing monitors document.
COVERAGE_CODES = [
    "hate_crime.threats", "hate_crime.desecration", "hate_speech.offline",
    "legislation.religious_dress", "legislation.religious_education", "discrimination.housing",
    "discrimination.public_services", "authorities.surveillance", "authorities.profiling",
    "media.misrepresentation",
]
ACT_TYPES = ["killing", "injury", "verbal_abuse", "threat", "property_damage",
             "denial_of_service", "arrest", "dismissal", "refusal_of_permit", "online_harassment"]

ARABIC = re.compile(r"[\u0621-\u064A]")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
LATIN = re.compile(r"[A-Za-z]")
KAZAKH_ONLY = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return Taxonomy.load()


def all_entries(t: Taxonomy) -> list[Category]:
    return t.categories() + t.act_types() + t.involvements() + t.roles()


def raw_document() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(TAXONOMY_FILE.read_text(encoding="utf-8"))
    return data


def test_loads_with_version_and_languages(taxonomy: Taxonomy) -> None:
    assert taxonomy.version
    assert taxonomy.languages == ("ar", "en", "fr", "ru", "kk")


def test_default_is_cached(taxonomy: Taxonomy) -> None:
    assert default_taxonomy() is default_taxonomy()
    assert taxonomy is default_taxonomy()


def test_loads_from_an_explicit_path(tmp_path: Path) -> None:
    copy_path = tmp_path / "taxonomy.json"
    copy_path.write_bytes(TAXONOMY_FILE.read_bytes())
    loaded = Taxonomy.load(copy_path)
    assert loaded is not default_taxonomy()
    assert [c.code for c in loaded.categories()] == [c.code for c in Taxonomy.load().categories()]


@pytest.mark.parametrize("code", SAMPLE_CODES + COVERAGE_CODES)
def test_required_leaves_present(taxonomy: Taxonomy, code: str) -> None:
    assert taxonomy.is_leaf(code)
    assert taxonomy.get(code).parent == code.split(".")[0]


def test_groups_and_leaves(taxonomy: Taxonomy) -> None:
    groups = {g.code for g in taxonomy.groups()}
    assert {"hate_crime", "hate_speech", "legislation", "discrimination", "authorities",
            "media"} <= groups
    assert not any(taxonomy.is_leaf(g) for g in groups)
    assert not taxonomy.is_leaf("no_such_thing")
    for leaf in taxonomy.leaves():
        assert leaf.parent in groups
        assert leaf.code.startswith(f"{leaf.parent}.")
    assert len(taxonomy.categories()) == len(groups) + len(taxonomy.leaves())
    assert [c.code for c in taxonomy.children("legislation")][:2] == [
        "legislation.religious_dress", "legislation.places_of_worship"]


def test_file_order_puts_each_group_before_its_leaves(taxonomy: Taxonomy) -> None:
    seen: set[str] = set()
    for category in taxonomy.categories():
        if category.parent is not None:
            assert category.parent in seen
        seen.add(category.code)


def test_vocabularies(taxonomy: Taxonomy) -> None:
    assert set(ACT_TYPES) <= {a.code for a in taxonomy.act_types()}
    assert {"direct", "ordered", "incited", "complicit"} <= {
        i.code for i in taxonomy.involvements()}
    assert [r.code for r in taxonomy.roles()] == ["victim", "witness", "perpetrator", "source"]
    assert taxonomy.act_type("arrest").label("fr") == "Arrestation"
    assert taxonomy.involvement("ordered").label("en") == "Ordered"
    assert taxonomy.role("witness").label("ar") == "شاهد"


def test_every_label_non_empty_in_every_language(taxonomy: Taxonomy) -> None:
    for entry in all_entries(taxonomy):
        for lang in taxonomy.languages:
            assert entry.labels.get(lang, "").strip(), (entry.code, lang)


def test_categories_described_in_english_and_arabic(taxonomy: Taxonomy) -> None:
    for category in taxonomy.categories():
        assert category.describe("en").strip(), category.code
        assert ARABIC.search(category.describe("ar")), category.code


def test_scripts_are_right(taxonomy: Taxonomy) -> None:
    kazakh_letters = 0
    same_as_russian = 0
    entries = all_entries(taxonomy)
    for entry in entries:
        ar, ru, kk = entry.labels["ar"], entry.labels["ru"], entry.labels["kk"]
        assert ARABIC.search(ar) and not LATIN.search(ar), (entry.code, ar)
        assert CYRILLIC.search(ru) and not LATIN.search(ru), (entry.code, ru)
        assert CYRILLIC.search(kk) and not LATIN.search(kk), (entry.code, kk)
        assert LATIN.search(entry.labels["en"]) and LATIN.search(entry.labels["fr"])
        kazakh_letters += bool(KAZAKH_ONLY.search(kk))
        same_as_russian += kk == ru
    # Kazakh is not Russian with a different flag: most labels use Kazakh letters.
    assert kazakh_letters > len(entries) * 0.6
    assert same_as_russian <= 2


def test_label_falls_back_to_english(taxonomy: Taxonomy) -> None:
    arson = taxonomy.get("hate_crime.arson")
    assert arson.label("de") == "Arson"
    assert arson.label("ar-SA") == arson.labels["ar"]
    assert arson.label("kk_KZ") == arson.labels["kk"]
    assert arson.describe("sv") == arson.description["en"]


def test_categories_are_hashable_values(taxonomy: Taxonomy) -> None:
    assert len({taxonomy.get("hate_crime.arson"), taxonomy.get("hate_crime.arson")}) == 1


@pytest.mark.parametrize(("asked", "meant"), [
    ("hate_crime.physical_asault", "hate_crime.physical_assault"),
    ("physical_assault", "hate_crime.physical_assault"),
    ("legislation.hallal", "legislation.halal"),
    ("assault", "hate_crime.physical_assault"),
])
def test_unknown_code_suggests_the_close_one(taxonomy: Taxonomy, asked: str, meant: str) -> None:
    with pytest.raises(NotFoundError) as caught:
        taxonomy.get(asked)
    assert repr(meant) in str(caught.value)
    assert caught.value.details["suggestions"][0] == meant
    assert caught.value.hint


def test_unknown_act_type_suggests(taxonomy: Taxonomy) -> None:
    with pytest.raises(NotFoundError, match="'verbal_abuse'"):
        taxonomy.act_type("verbal_abus")
    with pytest.raises(NotFoundError, match="person role"):
        taxonomy.role("bystander")


def test_missing_file_is_not_found(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="does not exist"):
        Taxonomy.load(tmp_path / "nope.json")


def _drop_kk_label(d: dict[str, Any]) -> None:
    leaf = next(c for c in d["categories"] if c["code"] == "hate_crime.arson")
    del leaf["labels"]["kk"]


def _blank_ar_label(d: dict[str, Any]) -> None:
    d["act_types"][0]["labels"]["ar"] = "  "


def _duplicate_code(d: dict[str, Any]) -> None:
    d["categories"].append(copy.deepcopy(d["categories"][1]))


def _orphan_leaf(d: dict[str, Any]) -> None:
    d["categories"].append({**copy.deepcopy(d["categories"][1]), "code": "ghost.leaf",
                            "parent": "ghost"})


def _wrong_prefix(d: dict[str, Any]) -> None:
    d["categories"][1]["code"] = "media.physical_assault"


def _three_levels(d: dict[str, Any]) -> None:
    d["categories"].append({**copy.deepcopy(d["categories"][1]),
                            "code": "hate_crime.physical_assault.kick",
                            "parent": "hate_crime.physical_assault"})


def _no_arabic_description(d: dict[str, Any]) -> None:
    d["categories"][2]["description"] = {"en": "only English"}


def _no_version(d: dict[str, Any]) -> None:
    del d["version"]


def _roles_not_a_list(d: dict[str, Any]) -> None:
    d["roles"] = {"victim": "Victim"}


@pytest.mark.parametrize(("mutate", "named"), [
    (_drop_kk_label, "'hate_crime.arson'"),
    (_blank_ar_label, "'killing'"),
    (_duplicate_code, "'hate_crime.physical_assault'"),
    (_orphan_leaf, "'ghost.leaf'"),
    (_wrong_prefix, "'media.physical_assault'"),
    (_three_levels, "'hate_crime.physical_assault.kick'"),
    (_no_arabic_description, "'hate_crime.threats'"),
    (_no_version, "'version'"),
    (_roles_not_a_list, "'roles'"),
])
def test_malformed_file_names_the_entry(tmp_path: Path, mutate: Callable[[dict[str, Any]], None],
                                        named: str) -> None:
    data = raw_document()
    mutate(data)
    bad = tmp_path / "taxonomy.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        Taxonomy.load(bad)
    assert named in str(caught.value)
    assert str(bad) in str(caught.value)
    assert caught.value.hint


@pytest.mark.parametrize(("content", "expected"), [
    (b'{"version": "1", "languages": ["en"],', "not valid JSON"),
    (b"[1, 2, 3]", "must be a JSON object"),
    ("\u00e9t\u00e9".encode("latin-1"), "not UTF-8"),
])
def test_unreadable_file_is_invalid(tmp_path: Path, content: bytes, expected: str) -> None:
    bad = tmp_path / "taxonomy.json"
    bad.write_bytes(content)
    with pytest.raises(ValidationError, match=expected):
        Taxonomy.load(bad)
