"""Generate the small, fictional evidence files of FieldKit's demo incidents.

Standard library only, deterministic: the same script writes the same files (PNG pixel data,
text, CSV and WAV samples) on every run. Run it from anywhere::

    python resources/demo/make_files.py            # writes resources/demo/files/
    python resources/demo/make_files.py --out DIR  # writes somewhere else

The images are simple drawings (shapes and a 5x7 pixel font), each marked FICTIONAL DEMO;
the audio note is a synthetic tone, not speech.
"""

from __future__ import annotations

import argparse
import struct
import wave
import zlib
from collections.abc import Callable
from pathlib import Path

FILES_DIR = Path(__file__).resolve().parent / "files"

Colour = tuple[int, int, int]

# --- a tiny RGB canvas and PNG writer ------------------------------------------------------

_FONT: dict[str, tuple[str, ...]] = {
    "A": ("01110", "10001", "10001", "11111", "10001", "10001", "10001"),
    "B": ("11110", "10001", "10001", "11110", "10001", "10001", "11110"),
    "C": ("01110", "10001", "10000", "10000", "10000", "10001", "01110"),
    "D": ("11110", "10001", "10001", "10001", "10001", "10001", "11110"),
    "E": ("11111", "10000", "10000", "11110", "10000", "10000", "11111"),
    "F": ("11111", "10000", "10000", "11110", "10000", "10000", "10000"),
    "H": ("10001", "10001", "10001", "11111", "10001", "10001", "10001"),
    "I": ("01110", "00100", "00100", "00100", "00100", "00100", "01110"),
    "K": ("10001", "10010", "10100", "11000", "10100", "10010", "10001"),
    "L": ("10000", "10000", "10000", "10000", "10000", "10000", "11111"),
    "M": ("10001", "11011", "10101", "10101", "10001", "10001", "10001"),
    "N": ("10001", "11001", "10101", "10011", "10001", "10001", "10001"),
    "O": ("01110", "10001", "10001", "10001", "10001", "10001", "01110"),
    "R": ("11110", "10001", "10001", "11110", "10100", "10010", "10001"),
    "S": ("01111", "10000", "10000", "01110", "00001", "00001", "11110"),
    "T": ("11111", "00100", "00100", "00100", "00100", "00100", "00100"),
    "U": ("10001", "10001", "10001", "10001", "10001", "10001", "01110"),
    "0": ("01110", "10001", "10011", "10101", "11001", "10001", "01110"),
    "1": ("00100", "01100", "00100", "00100", "00100", "00100", "01110"),
    "2": ("01110", "10001", "00001", "00010", "00100", "01000", "11111"),
    "3": ("11111", "00010", "00100", "00010", "00001", "10001", "01110"),
    "4": ("00010", "00110", "01010", "10010", "11111", "00010", "00010"),
    "5": ("11111", "10000", "11110", "00001", "00001", "10001", "01110"),
    "6": ("00110", "01000", "10000", "11110", "10001", "10001", "01110"),
    "7": ("11111", "00001", "00010", "00100", "01000", "01000", "01000"),
    "8": ("01110", "10001", "10001", "01110", "10001", "10001", "01110"),
    "9": ("01110", "10001", "10001", "01111", "00001", "00010", "01100"),
    "/": ("00001", "00010", "00010", "00100", "01000", "01000", "10000"),
    "-": ("00000", "00000", "00000", "11111", "00000", "00000", "00000"),
    " ": ("00000",) * 7,
}


class Canvas:
    """An RGB image in memory with a few drawing primitives (integer maths only)."""

    def __init__(self, width: int, height: int, background: Colour) -> None:
        self.width = width
        self.height = height
        self.rows = [bytearray(bytes(background) * width) for _ in range(height)]

    def put(self, x: int, y: int, colour: Colour) -> None:
        if 0 <= x < self.width and 0 <= y < self.height:
            self.rows[y][3 * x:3 * x + 3] = bytes(colour)

    def rect(self, x0: int, y0: int, x1: int, y1: int, colour: Colour) -> None:
        """Fill the rectangle [x0, x1) x [y0, y1)."""
        x0, x1 = max(0, x0), min(self.width, x1)
        for y in range(max(0, y0), min(self.height, y1)):
            self.rows[y][3 * x0:3 * x1] = bytes(colour) * (x1 - x0)

    def frame(self, x0: int, y0: int, x1: int, y1: int, colour: Colour, width: int = 2) -> None:
        self.rect(x0, y0, x1, y0 + width, colour)
        self.rect(x0, y1 - width, x1, y1, colour)
        self.rect(x0, y0, x0 + width, y1, colour)
        self.rect(x1 - width, y0, x1, y1, colour)

    def ellipse(self, cx: int, cy: int, rx: int, ry: int, colour: Colour, *,
                ring: int = 0) -> None:
        """Fill an ellipse, or draw a ring ``ring`` pixels thick."""
        for y in range(cy - ry, cy + ry + 1):
            for x in range(cx - rx, cx + rx + 1):
                d = (x - cx) ** 2 * ry * ry + (y - cy) ** 2 * rx * rx
                outer = rx * rx * ry * ry
                if d > outer:
                    continue
                if ring:
                    irx, iry = max(rx - ring, 1), max(ry - ring, 1)
                    if (x - cx) ** 2 * iry * iry + (y - cy) ** 2 * irx * irx < (irx * iry) ** 2:
                        continue
                self.put(x, y, colour)

    def line(self, x0: int, y0: int, x1: int, y1: int, colour: Colour, width: int = 1) -> None:
        """A line by Bresenham's algorithm, ``width`` pixels thick."""
        dx, dy = abs(x1 - x0), -abs(y1 - y0)
        sx, sy = (1 if x0 < x1 else -1), (1 if y0 < y1 else -1)
        err = dx + dy
        half = width // 2
        while True:
            self.rect(x0 - half, y0 - half, x0 - half + width, y0 - half + width, colour)
            if x0 == x1 and y0 == y1:
                return
            e2 = 2 * err
            if e2 >= dy:
                err += dy
                x0 += sx
            if e2 <= dx:
                err += dx
                y0 += sy

    def text(self, x: int, y: int, message: str, colour: Colour, scale: int = 1) -> None:
        for ch in message:
            for row, bits in enumerate(_FONT[ch]):
                for col, bit in enumerate(bits):
                    if bit == "1":
                        self.rect(x + col * scale, y + row * scale,
                                  x + (col + 1) * scale, y + (row + 1) * scale, colour)
            x += 6 * scale

    def banner(self) -> None:
        """The FICTIONAL DEMO strip every demo image carries."""
        self.rect(0, self.height - 14, self.width, self.height, (255, 214, 0))
        self.text(4, self.height - 11, "FICTIONAL DEMO - FIELDKIT", (0, 0, 0))

    def png(self, *, title: str) -> bytes:
        def chunk(kind: bytes, data: bytes) -> bytes:
            body = kind + data
            return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

        raw = b"".join(b"\x00" + bytes(row) for row in self.rows)
        return b"".join([
            b"\x89PNG\r\n\x1a\n",
            chunk(b"IHDR", struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0)),
            chunk(b"tEXt", b"Title\x00" + title.encode("latin-1")),
            chunk(b"tEXt", b"Comment\x00FieldKit demo evidence. Fictional."),
            chunk(b"IDAT", zlib.compress(raw, 9)),
            chunk(b"IEND", b""),
        ])


# --- the images ------------------------------------------------------------------------------

def prayer_room() -> bytes:
    """A prayer-room wall with a painted word, slashed carpet and scattered torn pages."""
    c = Canvas(320, 240, (228, 214, 186))
    c.rect(0, 140, 320, 240, (122, 30, 38))                 # carpet
    for x in range(0, 320, 40):                              # prayer rows on the carpet
        c.rect(x, 140, x + 3, 240, (168, 132, 60))
    c.ellipse(160, 70, 34, 44, (205, 186, 150))              # mihrab niche
    c.rect(126, 70, 195, 140, (205, 186, 150))
    c.text(88, 30, "DEHORS", (20, 20, 20), scale=4)         # painted over the qibla wall
    for x0, y0, x1, y1 in ((30, 160, 90, 210), (200, 150, 280, 200), (120, 190, 190, 232)):
        c.line(x0, y0, x1, y1, (60, 10, 14), width=3)        # slashes
    for i, (x, y) in enumerate(((40, 175), (70, 200), (230, 185), (250, 160), (150, 170),
                                (180, 210), (105, 160), (280, 215))):
        c.rect(x, y, x + 14 + i % 3 * 3, y + 10 + i % 2 * 4, (246, 244, 236))  # torn pages
    c.banner()
    return c.png(title="Prayer room, 2026-02-07 (fictional)")


def threat_letter() -> bytes:
    """A letter with blurred lines, one red underlined line and a photo of a house."""
    c = Canvas(240, 320, (250, 250, 246))
    for y in range(24, 120, 12):
        c.rect(20, y, 220 - (y * 7) % 60, y + 5, (190, 190, 190))  # blurred text
    c.rect(20, 132, 200, 140, (40, 40, 40))                           # the threat, legible
    c.line(20, 144, 200, 144, (200, 0, 0), width=2)
    c.rect(50, 165, 190, 265, (170, 190, 205))                        # photo
    c.rect(85, 205, 155, 255, (236, 228, 210))                        # house
    c.line(80, 205, 120, 180, (90, 60, 50), width=3)
    c.line(120, 180, 160, 205, (90, 60, 50), width=3)
    c.rect(125, 215, 145, 232, (80, 110, 140))                        # window
    c.ellipse(135, 223, 20, 16, (210, 0, 0), ring=3)                  # red circle
    c.frame(50, 165, 190, 265, (60, 60, 60))
    c.text(20, 280, "2026/01", (120, 120, 120))
    c.banner()
    return c.png(title="Threat letter no. 3, scan (fictional)")


def scorched_door() -> bytes:
    """A brick front with a wooden door blackened at the bottom."""
    c = Canvas(240, 320, (150, 62, 44))
    for y in range(0, 320, 14):                                       # mortar
        c.rect(0, y, 240, y + 2, (196, 180, 160))
        offset = 0 if (y // 14) % 2 else 20
        for x in range(offset, 240, 40):
            c.rect(x, y, x + 2, y + 14, (196, 180, 160))
    c.rect(70, 60, 170, 300, (120, 78, 40))                           # door
    c.frame(70, 60, 170, 300, (70, 44, 22), width=4)
    c.rect(150, 180, 158, 188, (200, 170, 60))                        # handle
    c.ellipse(120, 292, 70, 70, (60, 44, 36))                         # scorch, three shades
    c.ellipse(118, 296, 52, 56, (36, 28, 24))
    c.ellipse(116, 300, 30, 36, (14, 12, 10))
    c.rect(40, 300, 200, 306, (90, 90, 90))                           # step
    c.banner()
    return c.png(title="School door, 2026-03-28 (fictional)")


def bus_stop_sketch() -> bytes:
    """A monitor's sketch: road, shelter, stop sign, victim (blue), attacker (red), his path."""
    c = Canvas(320, 240, (245, 245, 240))
    c.rect(0, 150, 320, 200, (150, 150, 150))                         # road
    for x in range(0, 320, 30):
        c.rect(x, 173, x + 16, 177, (255, 255, 255))
    c.frame(60, 70, 160, 140, (40, 40, 40))                           # shelter
    c.rect(170, 60, 174, 140, (40, 40, 40))                           # stop pole and sign
    c.rect(150, 40, 214, 62, (0, 90, 160))
    c.text(153, 47, "BUS 12", (255, 255, 255))
    c.ellipse(110, 125, 8, 8, (0, 70, 200))                           # victim
    c.ellipse(85, 100, 8, 8, (210, 30, 30))                           # attacker
    c.line(85, 100, 110, 118, (210, 30, 30), width=2)
    c.line(110, 118, 260, 90, (210, 30, 30), width=2)                 # walked away
    c.line(260, 90, 250, 84, (210, 30, 30), width=2)
    c.line(260, 90, 252, 98, (210, 30, 30), width=2)
    c.text(290, 12, "N", (0, 0, 0), scale=2)
    c.line(296, 30, 296, 52, (0, 0, 0), width=2)
    c.banner()
    return c.png(title="Bus stop sketch, 2026-04-03 (fictional)")


# --- text, CSV and audio -----------------------------------------------------------------------

COMPLAINT_RECEIPT = """\
DOCUMENT DE DÉMONSTRATION — FICTIF — FieldKit
Récépissé de dépôt de plainte (transcription)

N° de procédure : 2026/311
Date et heure   : 07/02/2026 10:32
Service         : Brigade de proximité de Saint-Aubin-des-Prés
Plaignant       : [nom retiré], représentant de l'association Al-Nour
Faits déclarés  : dégradations et profanation d'un lieu de culte,
                  nuit du 06 au 07/02/2026, salle de prière, rue des Tilleuls
Pièces remises  : 6 photographies (clé USB)

Le présent récépissé ne préjuge pas des suites données à la plainte.
Note du moniteur : reçu photographié puis retranscrit le 07/02/2026, 10:40.
ملاحظة: البلاغ رقم 2026/311 — نسخة مطابقة محفوظة لدى الجمعية.
"""

FINE_NOTICE = """\
ДЕМО / ОЙДАН ШЫҒАРЫЛҒАН — ДЕМО / ВЫМЫШЛЕНО — FieldKit
ӘКІМШІЛІК ҚҰҚЫҚ БҰЗУШЫЛЫҚ ТУРАЛЫ ХАТТАМА
ПРОТОКОЛ ОБ АДМИНИСТРАТИВНОМ ПРАВОНАРУШЕНИИ

№ 05-12/2025-117
Күні / Дата:                05.12.2025, 14:10
Орны / Место:               Ақжол қ., колледж жатақханасы, №3 ғимарат, 214-бөлме
Құқық бұзушы / Нарушитель:  [аты-жөні алынып тасталды / ФИО удалено]
Мәні / Суть:                діни рәсімдерді арнайы белгіленбеген жерде өткізу
Айыппұл / Штраф:            10 АЕК / МРП
Хаттамаға қол қоюдан бас тартты / От подписи отказался: иә / да

Бақылаушының ескертпесі: көшірме 06.12.2025 түсірілді, түпнұсқа студентте.
"""

SCREENSHOT_ROWS = [
    ("captured_at", "platform", "url", "screenshot", "note"),
    ("2026-03-02T19:12:00+00:00", "social", "https://social.example.com/post/88120431",
     "shot-001.png", "Photo of councillor, caption \"trojan horse\""),
    ("2026-03-02T19:40:00+00:00", "social", "https://social.example.com/post/88120977",
     "shot-002.png", "Repost of shot-001 with surgery address"),
    ("2026-03-03T08:05:00+00:00", "forum", "https://forum.example.net/t/hollins-vale/5512",
     "shot-003.png", "Thread \"Who let her in?\" — 214 replies"),
    ("2026-03-03T21:22:00+00:00", "blog", "https://valewatch.example.org/2026/03/03/visit",
     "shot-004.png", "Blog post urging readers to \"pay her a visit\""),
    ("2026-03-05T12:00:00+00:00", "social", "https://social.example.com/post/88191002",
     "shot-005.png", "Account created 2026-03-01; 40 near-identical replies"),
    ("2026-03-07T17:48:00+00:00", "video", "https://video.example.com/watch?v=demo0388",
     "shot-006.png", "Video with her photo; removed 2026-03-10"),
    ("2026-03-09T10:31:00+00:00", "social", "https://social.example.com/post/88240315",
     "shot-007.png", "Surgery times + \"see you there\""),
    ("2026-03-12T22:15:00+00:00", "messaging", "https://chat.example.com/c/vale-patriots/1182",
     "shot-008.png", "Public channel forwarding the blog post, 3,400 members"),
    ("2026-03-16T20:02:00+00:00", "social", "https://social.example.com/post/88302218",
     "shot-009.png", "Still online after report; platform said no violation"),
]


def screenshots_csv() -> bytes:
    def field(value: str) -> str:
        if any(ch in value for ch in ',"\n'):
            return '"' + value.replace('"', '""') + '"'
        return value

    lines = [",".join(field(v) for v in row) for row in SCREENSHOT_ROWS]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def audio_note(path: Path) -> None:
    """Two seconds of 8 kHz 16-bit mono: three short tones (a placeholder for speech)."""
    rate = 8000
    samples = bytearray()
    for n in range(2 * rate):
        segment, pos = divmod(n, rate // 2)
        period = (20, 16, 24, 0)[segment]
        if period == 0 or pos > rate * 2 // 5:
            value = 0
        else:
            phase = n % period                                   # integer triangle wave
            tri = 4 * phase * 6000 // period
            value = tri - 6000 if phase < period // 2 else 18000 - tri
            ramp = min(pos, rate * 2 // 5 - pos, 400)            # soft edges
            value = value * ramp // 400
        samples += struct.pack("<h", value)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(bytes(samples))


# --- main --------------------------------------------------------------------------------------

def _writer(data: Callable[[], bytes]) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        path.write_bytes(data())
    return write


MAKERS: dict[str, Callable[[Path], None]] = {
    "fr-prayer-room.png": _writer(prayer_room),
    "fr-complaint-receipt.txt": _writer(lambda: COMPLAINT_RECEIPT.encode("utf-8")),
    "de-threat-letter.png": _writer(threat_letter),
    "gb-screenshots.csv": _writer(screenshots_csv),
    "kz-fine-notice.txt": _writer(lambda: FINE_NOTICE.encode("utf-8")),
    "ru-audio-note.wav": audio_note,
    "nl-scorched-door.png": _writer(scorched_door),
    "se-bus-stop.png": _writer(bus_stop_sketch),
}


def make_files(out: Path) -> list[Path]:
    """Write every demo evidence file into ``out`` and return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, make in MAKERS.items():
        make(out / name)
        written.append(out / name)
    return written


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=FILES_DIR, help="output directory")
    args = parser.parse_args(argv)
    for path in make_files(args.out):
        print(f"{path.stat().st_size:7d}  {path}")


if __name__ == "__main__":
    main()
