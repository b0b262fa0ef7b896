"""Full-text search: normalisation, safe FTS5 expressions, snippets, a real SQLCipher index."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldkit.storage.search import (
    MAX_QUERY_TERMS,
    SCHEMA,
    SearchIndex,
    index_text,
    match_expression,
    normalize,
    snippet,
    tokens,
)

KEY = "ab" * 32


def _open(path: Path) -> Any:
    conn = sqlcipher3.connect(str(path))
    conn.execute("PRAGMA key = \"x'" + KEY + "'\"")
    for statement in SCHEMA.strip().split(";\n"):
        conn.execute(statement)
    conn.commit()
    return conn


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[Any]:
    c = _open(tmp_path / "x.db")
    yield c
    c.close()


@pytest.fixture
def index(conn: Any) -> SearchIndex:
    return SearchIndex(conn)


def _ids(ix: SearchIndex, query: str) -> list[int]:
    return [rowid for rowid, _ in ix.search(query)]


# --- acceptance cases ---------------------------------------------------------------------

@pytest.mark.parametrize("query", ["مسجد", "المسجد", "المَسْجِد"])
def test_arabic_forms_find_word_with_preposition_and_article(index: SearchIndex,
                                                             query: str) -> None:
    index.put(1, title="حادثة", body="وقع الاعتداء بالمسجد يوم الجمعة")
    index.put(2, title="حادثة أخرى", body="منع الطالبات من دخول المدرسة")
    assert _ids(index, query) == [1]


def test_alef_with_hamza_folds(index: SearchIndex) -> None:
    index.put(7, title="شهادة", body="قال أحمد إنه رأى الرجلين")
    assert _ids(index, "احمد") == [7]


def test_arabic_indic_digits_fold(index: SearchIndex) -> None:
    index.put(3, title="شكوى", body="قدّم الأهالي ١٢ شكوى مكتوبة")
    assert _ids(index, "12") == [3]


def test_extended_arabic_indic_digits_fold(index: SearchIndex) -> None:
    index.put(3, title="شکایت", body="۴۷ مورد")
    assert _ids(index, "47") == [3]
    assert _ids(index, "٤٧") == [3]


def test_russian_case_insensitive(index: SearchIndex) -> None:
    index.put(4, title="Отказ", body="община молилась в мечеть на окраине")
    assert _ids(index, "МЕЧЕТЬ") == [4]


def test_taa_marbuta_folds_to_haa(index: SearchIndex) -> None:
    index.put(5, title="تعليم", body="منع الطالبات من دخول مدرسة ثانوية")
    assert _ids(index, "مدرسه") == [5]


def test_french_accents_fold(index: SearchIndex) -> None:
    index.put(6, title="Exclusion", body="Refus d'accès à l'école publique")
    assert _ids(index, "ecole") == [6]
    assert _ids(index, "ÉCOLE") == [6]


def test_kazakh_word_finds_itself_in_other_case(index: SearchIndex) -> None:
    index.put(8, title="МЕШІТ САЛУҒА ТЫЙЫМ", body="Әкімдік рұқсат бермеді")
    assert _ids(index, "мешіт") == [8]
    assert _ids(index, "әкімдік") == [8]
    assert tokens("Мешіт Әкімдік") == ["мешіт", "әкімдік"]  # і and ә stay letters


def test_non_matches_stay_non_matches(index: SearchIndex) -> None:
    index.put(1, title="تعليم", body="منع الطالبات من دخول المدرسة")
    index.put(2, title="Ecole", body="refus")
    assert _ids(index, "مسجد") == []
    assert _ids(index, "المسجد") == []
    assert _ids(index, "мечеть") == []
    assert _ids(index, "مدرسة مسجد") == []  # AND of terms


def test_cyrillic_short_i_is_a_letter_of_its_own() -> None:
    assert normalize("Йод") == "йод"
    assert normalize("Ёлка") == "елка"


# --- normalisation details ----------------------------------------------------------------

def test_normalize_examples() -> None:
    assert normalize("المَسْجِدُ") == "المسجد"
    assert normalize("مـــسجد") == "مسجد"  # tatweel
    assert normalize("إسلام آمنة ٱلله") == "اسلام امنه الله"
    assert normalize("مستشفى") == "مستشفي"
    assert normalize("مسؤول سائق") == "مسوول سايق"
    assert normalize("٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹") == "0123456789 0123456789"
    assert normalize("Œuvre Élève Straße") == "oeuvre eleve strasse"
    assert normalize("ﻻ") == "لا"  # presentation form (NFKC)
    assert normalize("a\x00b\ud800c") == "a bc"
    assert normalize("مس\u200cجد \u200fx") == "مسجد x"


def test_tokens_split_on_punctuation_and_keep_digits() -> None:
    assert tokens("البلاغ رقم 2026/118، «عودوا»!") == ["البلاغ", "رقم", "2026", "118", "عودوا"]
    assert tokens("") == []
    assert tokens("... !!! ؟") == []


def test_index_text_variants() -> None:
    assert index_text("بالمسجد") == "بالمسجد مسجد"
    assert index_text("والمدرسة") == "والمدرسه مدرسه المدرسه"
    assert index_text("للمسجد") == "للمسجد مسجد"
    assert index_text("وزير") == "وزير زير"  # single و before ≥ 3 letters; original kept
    assert index_text("ولد") == "ولد"  # would leave < 3 letters after و
    assert index_text("الم") == "الم"  # would leave < 2 letters after ال
    assert index_text("Les écoles") == "les ecoles"


def test_match_expression_shape() -> None:
    assert match_expression("المسجد الكبير") == '"مسجد" AND "كبير"*'
    assert match_expression("وزير") == '"وزير"*'  # a lone و is not stripped from queries
    assert match_expression("école publique") == '"ecole" AND "publique"*'
    assert match_expression("a") == '"a"'  # a one-letter prefix would match everything
    assert match_expression("") is None
    assert match_expression("  ،؛ !! ") is None


def test_match_expression_caps_terms() -> None:
    expr = match_expression(" ".join(f"w{i}" for i in range(200)))
    assert expr is not None
    assert expr.count('"') == 2 * MAX_QUERY_TERMS


# --- hostile queries ----------------------------------------------------------------------

HOSTILE = ['"', "*", "NEAR(", "a OR", ")", "title:x", "^", '"a" AND', "-x", "+", "NOT",
           "x" * 10_000, "مسجد " * 2500, "\x00", "a\x00b", "\ud800", "x\udfffy", "'; DROP",
           "(((", "{title body}: x", "\\", "AND AND", "near/3"]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_never_raise(index: SearchIndex, query: str) -> None:
    index.put(1, title="x title", body="a b NEAR or and")
    result = index.search(query)
    assert isinstance(result, list)
    assert index.count(query) == len(index.search(query, limit=1000))
    assert isinstance(snippet("x title a b", query), str)


def test_empty_query_returns_nothing(index: SearchIndex) -> None:
    index.put(1, title="x", body="y")
    assert index.search("") == []
    assert index.search("   ") == []
    assert index.count("") == 0


# --- ranking, paging, updates -------------------------------------------------------------

def test_title_hit_ranks_above_body_hit(index: SearchIndex) -> None:
    index.put(1, title="Rapport", body="Une mosquée a été vandalisée la nuit dernière.")
    index.put(2, title="Mosquée vandalisée", body="Les faits se sont produits la nuit.")
    hits = index.search("mosquee")
    assert [rowid for rowid, _ in hits] == [2, 1]
    assert hits[0][1] < hits[1][1]


def test_limit_and_offset(index: SearchIndex) -> None:
    for i in range(1, 11):
        index.put(i, title=f"r{i}", body="common")
    assert index.count("common") == 10
    first = _ids(index, "common")
    assert sorted(first) == list(range(1, 11))
    assert _ids_page(index, 0) + _ids_page(index, 4) + _ids_page(index, 8) == first


def _ids_page(ix: SearchIndex, offset: int) -> list[int]:
    return [rowid for rowid, _ in ix.search("common", limit=4, offset=offset)]


def test_put_replaces_and_delete_removes(conn: Any, index: SearchIndex) -> None:
    index.put(1, title="alpha", body="secret testimony")
    index.put(1, title="beta", body="other")
    assert _ids(index, "alpha") == []
    assert _ids(index, "beta") == [1]
    index.delete(1)
    index.delete(99)  # not there: no error
    conn.commit()
    assert _ids(index, "beta") == []
    # secure-delete: the deleted words are gone from the index itself, not just hidden.
    conn.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, search_index, row)")
    assert conn.execute("SELECT term FROM temp.vocab").fetchall() == []


def test_prefix_search_while_typing(index: SearchIndex) -> None:
    index.put(1, title="المسجد", body="x")
    index.put(2, title="مساعدة", body="x")
    index.put(3, title="مدرسة", body="x")
    assert sorted(_ids(index, "المس")) == [1, 2]
    assert _ids(index, "المسج") == [1]
    assert _ids(index, "mosq") == []


# --- snippets -----------------------------------------------------------------------------

def test_snippet_keeps_diacritics_and_marks_hit() -> None:
    text = "كنتُ أقف عند باب المَسْجِد عندما اقترب رجلان وبدآ بالصراخ."
    assert snippet(text, "مسجد") == "كنتُ أقف عند باب [المَسْجِد] عندما اقترب رجلان وبدآ بالصراخ."


def test_snippet_window_and_ellipsis() -> None:
    text = " ".join(f"w{i}" for i in range(40)) + " école " + " ".join(f"v{i}" for i in range(40))
    out = snippet(text, "ecole", words=6, mark=("<b>", "</b>"))
    assert out == "…w38 w39 <b>école</b> v0 v1 v2…"


def test_snippet_without_match_is_start_of_text() -> None:
    text = "«Нам дали три дня», чтобы освободить помещение. Договор был оплачен."
    assert snippet(text, "мечеть", words=4) == "«Нам дали три дня…"
    assert snippet(text, "", words=40) == text


def test_snippet_marks_every_matching_word_in_window_and_prefix() -> None:
    out = snippet("Le maire et les élus de la mairie", "maire mai")
    assert out == "Le [maire] et les élus de la [mairie]"


def test_snippet_escape_for_rich_text() -> None:
    out = snippet("<i>x</i> mosquée & co", "mosquee", mark=("<b>", "</b>"),
                  escape=lambda s: s.replace("&", "&amp;").replace("<", "&lt;"))
    assert out == "&lt;i>x&lt;/i> <b>mosquée</b> &amp; co"


def test_snippet_empty_text() -> None:
    assert snippet("", "x") == ""
    assert snippet("  ...  ", "x") == "..."


# --- the published sample incidents -------------------------------------------------------

@pytest.fixture
def sample_index(index: SearchIndex, samples_file: Path) -> tuple[SearchIndex, dict[int, str]]:
    data = json.loads(samples_file.read_text(encoding="utf-8"))
    keys: dict[int, str] = {}
    for rowid, incident in enumerate(data["incidents"], start=1):
        body = "\n".join([incident["description"],
                          *(t["text"] for t in incident.get("testimonies", []))])
        index.put(rowid, title=incident["title"], body=body)
        keys[rowid] = incident["key"]
    return index, keys


@pytest.mark.parametrize(("query", "expected"), [
    ("مسجد", {"mosque-assault", "mosque-permit"}),
    ("المسجد الشرطة", {"mosque-assault"}),
    ("الحجاب", {"school-hijab"}),
    ("مدرسه", {"school-hijab"}),
    ("محمد", {"job-name"}),
    ("مقبرة", {"cemetery-graffiti"}),
    ("منقبة", {"clinic-refusal"}),
    ("400", {"online-campaign"}),
    ("prière", {"mosque-assault"}),
    ("TELEPHONE", {"mosque-assault"}),
    ("молитвы", {"prayer-room"}),
    ("помещен", {"prayer-room"}),
    ("halal canteens", {"halal-ban"}),
    ("arson", {"arson-attempt"}),
])
def test_samples_natural_queries(sample_index: tuple[SearchIndex, dict[int, str]],
                                 query: str, expected: set[str]) -> None:
    ix, keys = sample_index
    assert {keys[r] for r in _ids(ix, query)} == expected


def test_samples_title_match_first(sample_index: tuple[SearchIndex, dict[int, str]]) -> None:
    ix, keys = sample_index
    # "المسجد" is in mosque-assault's body only; "مسجد" is in both mosque titles.
    hits = _ids(ix, "ترخيص")
    assert keys[hits[0]] == "mosque-permit"


# --- properties ---------------------------------------------------------------------------

@given(st.text())
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    assert tokens(once) == tokens(text)


ARABIC = st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF))


@given(ARABIC)
def test_normalize_is_idempotent_arabic(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


QUERY_TEXT = st.one_of(
    st.text(),
    st.text(alphabet='"*():^-+{}[], NEARORANDOTnearorandot\x00' + "مسجدال"),
    st.lists(st.sampled_from(['"', "*", "NEAR", "(", ")", "AND", "OR", "NOT", ":", "^", "x",
                              "مسجد", "ال", "title", "-", "+", "{", "}"]))
    .map(" ".join),
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(QUERY_TEXT)
def test_match_expression_never_breaks_fts5(conn: Any, query: str) -> None:
    expr = match_expression(query)
    if expr is None:
        assert tokens(query) == []
        return
    conn.execute("SELECT rowid FROM search_index WHERE search_index MATCH ?", (expr,)).fetchall()


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=1, max_size=200))
def test_indexed_text_finds_itself(index: SearchIndex, text: str) -> None:
    index.put(1, title="", body=text)
    expected = [1] if tokens(text) else []
    assert _ids(index, text) == expected
    index.delete(1)
