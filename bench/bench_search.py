"""Search latency on a keyed SQLCipher vault with many synthetic incidents.

Builds (in a temporary directory, WAL mode) an FTS5 index of ``--n`` synthetic incidents in
Arabic, French, Russian and English drawn from word lists with a Zipf-like distribution
(seeded, deterministic), keeps the original text in a plain table, then times ~300 queries
of 1–3 words (common words, rare words, prefixes, Arabic article forms). Each timed query is
what the search screen does: ``SearchIndex.search(limit=50)``, fetch the 50 originals, and
``snippet`` each one.

    .venv/bin/python bench/bench_search.py            # 100,000 incidents
    .venv/bin/python bench/bench_search.py --n 20000
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import sqlcipher3

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fieldkit.storage.search import SCHEMA, SearchIndex, match_expression, snippet

TARGET_P95_MS = 50.0


def _words(text: str) -> list[str]:
    return text.split()


AR = _words("""
مسجد مدرسة شرطة اعتداء شاهد امرأة رجل طفل حجاب نقاب صلاة جمعة حي مدينة بلدية مجلس ترخيص
بناء رفض منع طالبة مديرة باب درج شارع سيارة هاتف فيديو صورة جدار مقبرة كتابة شتيمة تهديد حرق
نار دخان عمل وظيفة اسم مقابلة شركة مستشفى عيادة علاج طبيب موعد محكمة محامي شكوى بلاغ قانون
حكومة وزارة وزير قرار لحم حلال مطعم مقصف وجبة أسبوع يوم ساعة مساء صباح ليلة جار صديق أخ أم أب
ابن ابنة عائلة جمعية مركز إسلامي مسلم مسلمون كراهية حملة منصة حساب تدوينة رسالة بريد عنوان
سفر حدود مطار جواز تفتيش احتجاز سجن ضرب جرح إصابة دم خوف بكاء صراخ هروب مساعدة إسعاف""")
AR_PREFIXES = ["", "", "", "ال", "ال", "بال", "وال", "لل", "و", "ف"]
AR_MARKS = ["", "", "", "", "َ", "ُ", "ِ", "ْ", "ّ"]
FR = _words("""
mosquée école police agression témoin femme homme enfant voile prière vendredi quartier
ville mairie conseil permis construction refus interdiction élève directrice porte escalier
rue voiture téléphone vidéo photo mur cimetière inscription insulte menace incendie feu fumée
travail emploi nom entretien entreprise hôpital clinique soin médecin rendez-vous tribunal
avocat plainte signalement loi gouvernement ministère ministre décision viande halal cantine
repas semaine jour heure soir matin nuit voisin ami frère mère père fils fille famille
association centre islamique musulman haine campagne plateforme compte message courrier
adresse voyage frontière aéroport passeport fouille détention prison coup blessure sang peur
cris fuite aide secours""")
RU = _words("""
мечеть школа полиция нападение свидетель женщина мужчина ребёнок хиджаб молитва пятница
район город администрация совет разрешение строительство отказ запрет ученица директор дверь
лестница улица машина телефон видео фото стена кладбище надпись оскорбление угроза поджог
огонь дым работа должность имя собеседование компания больница клиника лечение врач приём
суд адвокат жалоба заявление закон правительство министерство министр решение мясо халяль
столовая обед неделя день час вечер утро ночь сосед друг брат мать отец сын дочь семья община
центр исламский мусульманин ненависть кампания платформа аккаунт сообщение письмо адрес
поездка граница аэропорт паспорт досмотр задержание тюрьма удар рана кровь страх крик бегство
помощь скорая аренда помещение договор""")
EN = _words("""
mosque school police assault witness woman man child headscarf prayer friday district
town council permit construction refusal ban pupil headteacher door stairs street car phone
video photo wall cemetery graffiti insult threat arson fire smoke work job name interview
company hospital clinic treatment doctor appointment court lawyer complaint report law
government ministry minister decision meat halal canteen meal week day hour evening morning
night neighbour friend brother mother father son daughter family association centre islamic
muslim hatred campaign platform account post message email address travel border airport
passport search detention prison beating wound blood fear shouting escape help ambulance""")

ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
CYRILLIC_LETTERS = "абвгдежзиклмнопрстуфхцчшщыэюя"
LATIN_SYLLABLES = ["ba", "ri", "lo", "ne", "ta", "mu", "sa", "ko", "de", "vi", "ga", "pe", "zu"]
TAIL_SIZE = 3000  # rare words (names, places) per language


def _tail(rng: random.Random, lang: str) -> list[str]:
    words: set[str] = set()
    while len(words) < TAIL_SIZE:
        if lang == "ar":
            words.add("".join(rng.choices(ARABIC_LETTERS, k=rng.randint(3, 7))))
        elif lang == "ru":
            words.add("".join(rng.choices(CYRILLIC_LETTERS, k=rng.randint(4, 9))))
        else:
            words.add("".join(rng.choices(LATIN_SYLLABLES, k=rng.randint(2, 4))))
    return sorted(words)


class Language:
    def __init__(self, rng: random.Random, code: str, head: list[str]) -> None:
        self.code = code
        self.head = head
        self.tail = _tail(rng, code)
        self.vocab = head + self.tail
        self.cum_weights = list(itertools.accumulate(1.0 / (r + 1) ** 1.05
                                                     for r in range(len(self.vocab))))

    def words(self, rng: random.Random, k: int) -> list[str]:
        out = rng.choices(self.vocab, cum_weights=self.cum_weights, k=k)
        if self.code == "ar":
            out = [rng.choice(AR_PREFIXES) + w + rng.choice(AR_MARKS) for w in out]
        return out


def make_incident(rng: random.Random, lang: Language) -> tuple[str, str]:
    title = " ".join(lang.words(rng, rng.randint(4, 9)))
    sentences = []
    for _ in range(rng.randint(3, 10)):
        sentences.append(" ".join(lang.words(rng, rng.randint(6, 16))) + ".")
    if rng.random() < 0.3:
        sentences.append(f"{rng.randint(1, 2026)}/{rng.randint(1, 999)}")
    return title, " ".join(sentences)


def build(conn: Any, n: int, rng: random.Random,
          langs: list[Language]) -> tuple[float, float]:
    ix = SearchIndex(conn)
    weights = [0.4, 0.2, 0.2, 0.2]
    t_gen = 0.0
    t0 = time.perf_counter()
    batch = 2000
    for lo in range(0, n, batch):
        g0 = time.perf_counter()
        rows = []
        for rowid in range(lo + 1, min(n, lo + batch) + 1):
            lang = rng.choices(langs, weights=weights)[0]
            rows.append((rowid, *make_incident(rng, lang)))
        t_gen += time.perf_counter() - g0
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO docs(rowid, title, body) VALUES (?, ?, ?)",
                         rows)
        for rowid, title, body in rows:
            ix.put(rowid, title=title, body=body)
        conn.execute("COMMIT")
        print(f"\r  indexed {min(n, lo + batch):,}/{n:,}", end="", flush=True)
    print()
    return time.perf_counter() - t0 - t_gen, t_gen


def make_queries(rng: random.Random, langs: list[Language], count: int) -> list[str]:
    queries: list[str] = []
    kinds = ["common", "rare", "prefix", "two", "three", "article", "mixed_prefix"]
    for i in range(count):
        lang = langs[i % len(langs)]
        kind = kinds[(i // len(langs)) % len(kinds)]
        common = lang.head
        if kind == "common":
            q = rng.choice(common[:20])
        elif kind == "rare":
            q = rng.choice(lang.tail[TAIL_SIZE // 2:])
        elif kind == "prefix":
            w = rng.choice(common)
            q = w[: rng.randint(2, max(2, min(4, len(w))))]
        elif kind == "two":
            q = " ".join(rng.sample(common, 2))
        elif kind == "three":
            q = " ".join([*rng.sample(common[:40], 2), rng.choice(lang.vocab)])
        elif kind == "article":
            w = rng.choice(common)
            q = ("ال" + w) if lang.code == "ar" else w.upper()
        else:
            w = rng.choice(common)
            q = rng.choice(common[:30]) + " " + w[: rng.randint(2, max(2, len(w) - 1))]
        queries.append(q)
    return queries


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))
    return ordered[k]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=100_000, help="number of incidents (100000)")
    ap.add_argument("--queries", type=int, default=300, help="number of queries (300)")
    ap.add_argument("--seed", type=int, default=20260313)
    args = ap.parse_args()

    rng = random.Random(args.seed)
    langs = [Language(rng, "ar", AR), Language(rng, "fr", FR), Language(rng, "ru", RU),
             Language(rng, "en", EN)]
    with tempfile.TemporaryDirectory(prefix="fk-bench-search-") as tmp:
        path = Path(tmp) / "vault.db"
        conn = sqlcipher3.connect(str(path), isolation_level=None)
        conn.execute("PRAGMA key = \"x'" + "ab" * 32 + "'\"")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("CREATE TABLE docs (rowid INTEGER PRIMARY KEY, title TEXT, body TEXT)")
        for statement in SCHEMA.strip().split(";\n"):
            conn.execute(statement)

        print(f"Building {args.n:,} incidents (ar 40%, fr/ru/en 20% each) in a keyed "
              "SQLCipher file, WAL…")
        t_index, t_gen = build(conn, args.n, rng, langs)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = path.stat().st_size
        print(f"  index+store {t_index:.1f} s ({args.n / t_index:,.0f} incidents/s; "
              f"generation {t_gen:.1f} s not counted); file {size / 2**20:.0f} MiB")

        ix = SearchIndex(conn)
        queries = make_queries(rng, langs, args.queries)
        for q in queries[:20]:  # warm the page cache like a session that has searched before
            ix.search(q)
        totals: list[float] = []
        searches: list[float] = []
        slow: list[tuple[float, str, int]] = []
        for q in queries:
            t0 = time.perf_counter()
            hits = ix.search(q, limit=50)
            t1 = time.perf_counter()
            if hits:
                marks = ",".join("?" * len(hits))
                rows = dict(conn.execute(f"SELECT rowid, body FROM docs WHERE rowid IN ({marks})",
                                         [r for r, _ in hits]).fetchall())
                for rowid, _ in hits:
                    snippet(rows[rowid], q)
            t2 = time.perf_counter()
            searches.append((t1 - t0) * 1000)
            totals.append((t2 - t0) * 1000)
            slow.append(((t2 - t0) * 1000, q, ix.count(q)))
        conn.close()

    print(f"\n{len(queries)} queries (1–3 words: common, rare, prefixes, Arabic article forms):")
    for name, values in (("search+snippets", totals), ("search only", searches)):
        print(f"  {name:16s} p50 {pct(values, 50):6.1f} ms   p95 {pct(values, 95):6.1f} ms   "
              f"p99 {pct(values, 99):6.1f} ms   max {max(values):6.1f} ms   "
              f"mean {statistics.fmean(values):5.1f} ms")
    print("  slowest:")
    for ms, q, matches in sorted(slow, reverse=True)[:5]:
        print(f"    {ms:6.1f} ms  {matches:7,} matches  {q!r} -> {match_expression(q)}")
    p95 = pct(totals, 95)
    verdict = "OK" if p95 <= TARGET_P95_MS else "OVER TARGET"
    print(f"target: p95 ≤ {TARGET_P95_MS:.0f} ms (search + 50 snippets) -> {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
