"""Bundle writing and verification speed: 200 incidents with 600 testimonies and 200 photos.

    .venv/bin/python bench/bench_bundle.py [--incidents 200] [--photo-kib 1500] [--dir /tmp]

Builds a vault (not timed: import, encryption and sealing are the vault's benchmarks), then
measures ``plan_bundle`` + ``write_bundle`` for audience ``partners`` (redaction statements
signed) and ``internal`` (original envelopes), and ``verify_bundle`` of each, in this process,
with peak RSS (``VmHWM``). Target: verification in seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from fieldkit.export.bundle import plan_bundle, write_bundle  # noqa: E402
from fieldkit.export.verify import verify_bundle  # noqa: E402
from fieldkit.service import VaultService  # noqa: E402
from fieldkit.storage.vault import Vault  # noqa: E402


def peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def build(root: Path, n: int, photo_kib: int) -> tuple[VaultService, list[str]]:
    photos = root / "photos"
    photos.mkdir()
    items = []
    for i in range(n):
        name = f"photo-{i:03d}.jpg"
        (photos / name).write_bytes(os.urandom(photo_kib * 1024))
        items.append({
            "key": f"i{i}", "title": f"Incident {i}: windows broken at the centre",
            "category": "hate_crime.vandalism", "occurred": f"2026-{1 + i % 12:02d}-10",
            "country": "FR", "confidentiality": "partners",
            "persons": [{"ref": "w", "pseudonym": f"Witness {i}", "roles": ["witness"]}],
            "testimonies": [{"witness": "w", "language": "en", "consent": c,
                             "text": f"Testimony {j} of incident {i}. " * 20}
                            for j, c in enumerate(("internal", "partners", "public"))],
            "evidence": [{"file": name, "description": "photo of the door",
                          "captured_at": "2026-03-10T10:00:00Z"}],
        })
    vault, _ = Vault.create(root / "vault", "a long enough passphrase")
    service = VaultService(vault)
    views = service.import_incidents(items, base_dir=photos, seal=True)
    return service, [str(v.record_id) for v in views]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--incidents", type=int, default=200)
    ap.add_argument("--photo-kib", type=int, default=1500)
    ap.add_argument("--dir", default=None)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        root = Path(tmp)
        t = time.perf_counter()
        service, ids = build(root, args.incidents, args.photo_kib)
        print(f"built {len(ids)} sealed incidents with photos in {time.perf_counter() - t:.1f} s")
        results = {}
        for audience in ("partners", "internal"):
            pdf = root / f"{audience}.pdf"
            pdf.write_bytes(b"%PDF-1.7 stand-in")
            t = time.perf_counter()
            plan = plan_bundle(service, ids, audience=audience)
            t_plan = time.perf_counter() - t
            path = root / f"{audience}.zip"
            t = time.perf_counter()
            write_bundle(plan, path, dossier_pdf=pdf, signer=service.vault.device_key)
            t_write = time.perf_counter() - t
            t = time.perf_counter()
            report = verify_bundle(path)
            t_verify = time.perf_counter() - t
            results[audience] = {
                "records": len(report.records), "files": report.files_verified,
                "bundle_mb": round(path.stat().st_size / 1e6, 1),
                "plan_s": round(t_plan, 2), "write_s": round(t_write, 2),
                "verify_s": round(t_verify, 2)}
            print(audience, json.dumps(results[audience]))
        print(f"peak RSS {peak_rss_mb():.0f} MB")
        service.vault.lock()


if __name__ == "__main__":
    main()
