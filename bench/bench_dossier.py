"""Dossier speed and memory: 200 incidents with 600 testimonies and 200 photos.

    .venv/bin/python bench/bench_dossier.py [--incidents 200] [--photo-px 2400x1600]
                                            [--language ar] [--dir /tmp]

Builds a vault (not timed): 200 sealed incidents, each with three testimonies (Arabic,
English, French; consent internal / partners / public), four persons and one real JPEG photo
(made with Pillow, a few hundred KiB, 3.8 MP by default, each different). Then, each in a
fresh subprocess that reports its own peak RSS (``VmHWM`` from /proc/self/status, not
``ru_maxrss``):

* pdf: ``export_dossier`` for audience ``partners`` without a bundle (selection, thumbnails
  decrypted in memory, two layout passes, the write, the export-log row);
* pdf+bundle: the same with the verification bundle (photos included);
* verify: ``verify_bundle`` of that bundle against the PDF.

Targets: PDF ≤ 20 s and ≤ 500 MB peak RSS. MB is 10**6 bytes.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

PASS = "a long enough passphrase"

AR = ("وصلتُ قبل صلاة الفجر بقليل فوجدتُ الباب مخلوعاً وكلّ ما بالمسجد مقلوباً رأساً على عقب. "
      "كانت المصاحف ممزّقة ومرميّة على السجّاد، وقد كُتبت على الجدار كلمة بطلاء أسود. "
      "صوّرتُ كلّ شيء قبل أن ألمس أيّ شيء، ثم ذهبتُ إلى مركز الشرطة وقدّمتُ شكوى رقم {n}.")
EN = ("I woke up because of the smell, I thought it was my own kitchen. From the window I saw "
      "the flames at the school door and a scooter going off towards the ring road. I called "
      "the fire brigade at 03:12 and went down with a bucket; report number {n}.")
FR = ("Vers deux heures du matin, j'ai entendu du verre se briser puis deux voix d'hommes qui "
      "riaient. Par la fenêtre, j'ai vu une voiture claire repartir tous feux éteints vers la "
      "départementale. Je n'ai pas osé appeler la police sur le moment (dossier {n}).")

_CHILD = r"""
import json, re, sys, time
from pathlib import Path
def peak_mb():
    with open("/proc/self/status") as f:
        return int(re.search(r"VmHWM:\s+(\d+) kB", f.read()).group(1)) * 1024 / 1e6
mode, vault_dir, out, lang = sys.argv[1:5]
t0 = time.perf_counter()
if mode == "verify":
    from fieldkit.export.verify import verify_bundle
    report = verify_bundle(Path(out + ".zip"), dossier=Path(out + ".pdf"))
    print(json.dumps({"seconds": time.perf_counter() - t0, "peak_mb": peak_mb(),
                      "records": len(report.records), "files": report.files_verified}))
    sys.exit(0)
from fieldkit.export.job import export_dossier
from fieldkit.service import VaultService
from fieldkit.storage.vault import Vault
vault = Vault.open(Path(vault_dir), sys.argv[5])
service = VaultService(vault)
t_open = time.perf_counter() - t0
t0 = time.perf_counter()
result = export_dossier(service, audience="partners", language=lang, out_pdf=Path(out + ".pdf"),
                        out_bundle=Path(out + ".zip") if mode == "bundle" else None)
elapsed = time.perf_counter() - t0
vault.lock()
print(json.dumps({"seconds": elapsed, "open_s": t_open, "peak_mb": peak_mb(),
                  "pages": result.pages, "pdf_mb": Path(out + ".pdf").stat().st_size / 1e6,
                  "bundle_mb": (Path(out + ".zip").stat().st_size / 1e6
                                if mode == "bundle" else None)}))
"""


def make_photo(path: Path, i: int, size: tuple[int, int]) -> None:
    """A JPEG that compresses like a photograph: gradients, noise and shapes, unique per i."""
    from PIL import Image, ImageDraw, ImageFilter

    rnd = random.Random(i)
    w, h = size
    small = Image.effect_noise((w // 8, h // 8), 60).convert("RGB")
    img = small.resize((w, h), Image.Resampling.BICUBIC)
    draw = ImageDraw.Draw(img, "RGBA")
    for _ in range(12):
        x, y = rnd.randrange(w), rnd.randrange(h)
        r = rnd.randrange(40, w // 4)
        draw.ellipse((x - r, y - r, x + r, y + r),
                     fill=(rnd.randrange(256), rnd.randrange(256), rnd.randrange(256), 110))
    draw.text((40, 40), f"photo {i}", fill=(255, 255, 255, 255))
    img = img.filter(ImageFilter.GaussianBlur(1))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=85)
    path.write_bytes(buf.getvalue())


def build(root: Path, n: int, size: tuple[int, int]) -> None:
    from fieldkit.service import VaultService
    from fieldkit.storage.vault import Vault

    photos = root / "photos"
    photos.mkdir()
    items = []
    for i in range(n):
        name = f"photo-{i:03d}.jpg"
        make_photo(photos / name, i, size)
        items.append({
            "key": f"i{i}", "title": f"اعتداء رقم {i} على مدخل المسجد / Attack {i} at the door",
            "category": "hate_crime.desecration",
            "occurred": f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "country": ("FR", "DE", "SE", "NL")[i % 4], "place": f"Rue des Tilleuls {i}",
            "description": EN.format(n=i), "confidentiality": ("partners", "public")[i % 2],
            "persons": [{"ref": "v", "pseudonym": f"الضحية {i}", "roles": ["victim"]},
                        {"ref": "a", "pseudonym": f"Witness A{i}", "roles": ["witness"]},
                        {"ref": "b", "pseudonym": f"Témoin B{i}", "roles": ["witness"]},
                        {"ref": "p", "pseudonym": f"Unknown man {i}", "roles": ["perpetrator"]}],
            "acts": [{"type": "desecration", "victims": ["v"],
                      "perpetrators": [{"ref": "p", "involvement": "direct"}],
                      "description": "Door forced, books torn."}],
            "testimonies": [
                {"witness": "v", "language": "ar", "consent": "partners", "text": AR.format(n=i)},
                {"witness": "a", "language": "en", "consent": "public", "text": EN.format(n=i)},
                {"witness": "b", "language": "fr", "consent": "internal",
                 "text": FR.format(n=i)}],
            "evidence": [{"file": name, "description": "photo of the door",
                          "captured_at": "2026-03-10T10:00:00Z"}],
        })
    vault, _ = Vault.create(root / "vault", PASS)
    VaultService(vault).import_incidents(items, base_dir=photos, seal=True)
    vault.lock()


def child(mode: str, root: Path, lang: str) -> dict[str, float]:
    out = root / ("dossier-bundle" if mode == "verify" else f"dossier-{mode}")
    proc = subprocess.run([sys.executable, "-c", _CHILD, mode, str(root / "vault"), str(out),
                           lang, PASS],
                          capture_output=True, text=True, cwd=REPO_ROOT, check=False)
    if proc.returncode != 0:
        raise SystemExit(proc.stdout + proc.stderr)
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--incidents", type=int, default=200)
    ap.add_argument("--photo-px", default="2400x1600")
    ap.add_argument("--language", default="ar", choices=["ar", "en"])
    ap.add_argument("--dir", default=None)
    args = ap.parse_args()
    w, h = (int(x) for x in args.photo_px.split("x"))
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        root = Path(tmp)
        t = time.perf_counter()
        build(root, args.incidents, (w, h))
        photos = sum(p.stat().st_size for p in (root / "photos").iterdir())
        print(f"built {args.incidents} sealed incidents, {3 * args.incidents} testimonies, "
              f"{args.incidents} JPEG photos ({photos / 1e6:.0f} MB, {w}x{h}) in "
              f"{time.perf_counter() - t:.0f} s")
        pdf = child("pdf", root, args.language)
        print(f"pdf ({args.language}, partners): {pdf['seconds']:.1f} s, peak RSS "
              f"{pdf['peak_mb']:.0f} MB, {pdf['pages']} pages, {pdf['pdf_mb']:.1f} MB "
              f"(vault open {pdf['open_s']:.1f} s, not counted)   targets: <= 20 s, <= 500 MB")
        both = child("bundle", root, args.language)
        print(f"pdf + bundle: {both['seconds']:.1f} s, peak RSS {both['peak_mb']:.0f} MB, "
              f"bundle {both['bundle_mb']:.1f} MB")
        ver = child("verify", root, args.language)
        print(f"verify bundle + dossier: {ver['seconds']:.1f} s, peak RSS "
              f"{ver['peak_mb']:.0f} MB ({ver['records']} records, {ver['files']} files)")
        ok = pdf["seconds"] <= 20 and pdf["peak_mb"] <= 500
        print("PASS" if ok else "OVER TARGET")


if __name__ == "__main__":
    main()
