#!/usr/bin/env python3
"""Compare a first-screen snapshot of the app with its expected layout.

The app writes the snapshot when started with ``FIELDKIT_UI_SNAPSHOT=DIR`` (``layout.json``
and ``window.png``, see fieldkit/ui/app.py). The expected layouts are committed in
``packaging/expected/unlock-<language>.json``. Not pixel-exact: the window's size, title and
direction must match; every named widget expected must be there, visible, with the same text
and its position and size within ``--tolerance`` pixels; ``window.png`` must have the window's
size and not be blank. With ``--screen PNG`` (a grab of the whole X screen, e.g. ImageMagick
``import -window root``), the window's area on the screen must look like ``window.png``
(mean difference per channel under 8 of 255): what X shows is what Qt drew.

    check_layout.py SNAPSHOT_DIR packaging/expected/unlock-en.json [--screen root.png]
    check_layout.py SNAPSHOT_DIR packaging/expected/unlock-en.json --write   # regenerate
    check_layout.py SNAPSHOT_DIR packaging/expected/unlock-vault-en.json --write \
        --any-text unlock.vaultLabel        # the label shows the (temporary) vault path

Plain standard library, plus Pillow for the image checks (the app's own dependency).
Exit 0 when everything matches; 1 with one line per difference otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

GEOMETRY = ("x", "y", "w", "h")
ANY = "*"  # an expected text that matches any text


def expected_from(layout: dict[str, Any], any_text: set[str]) -> dict[str, Any]:
    """What is committed: the window, and the named widgets (unnamed labels are left out so
    a reworded sentence elsewhere does not break the check; named ones keep their text, or
    ``"*"`` for those in ``any_text``, such as a label showing a temporary path)."""
    widgets = [{k: w[k] for k in ("name", "class", "text", *GEOMETRY)}
               for w in layout["widgets"] if w["name"]]
    for w in widgets:
        if w["name"] in any_text:
            w["text"] = ANY
    return {"title": layout["title"], "width": layout["width"], "height": layout["height"],
            "direction": layout["direction"], "widgets": widgets}


def compare(layout: dict[str, Any], expected: dict[str, Any], tolerance: int) -> list[str]:
    problems = []
    for key in ("title", "width", "height", "direction"):
        if layout.get(key) != expected[key]:
            problems.append(f"window {key}: {layout.get(key)!r}, expected {expected[key]!r}")
    actual = {w["name"]: w for w in layout["widgets"] if w["name"]}
    for want in expected["widgets"]:
        got = actual.get(want["name"])
        if got is None:
            problems.append(f"{want['name']}: not on screen")
            continue
        for key in ("class", "text"):
            if got[key] != want[key] and not (key == "text" and want[key] == ANY):
                problems.append(f"{want['name']}: {key} {got[key]!r}, expected {want[key]!r}")
        off = {k: got[k] - want[k] for k in GEOMETRY if abs(got[k] - want[k]) > tolerance}
        if off:
            problems.append(f"{want['name']}: geometry {[got[k] for k in GEOMETRY]}, expected "
                            f"{[want[k] for k in GEOMETRY]} (±{tolerance}px)")
    return problems


def check_images(snapshot: Path, layout: dict[str, Any], screen: Path | None) -> list[str]:
    from PIL import Image, ImageChops, ImageStat

    problems = []
    window = Image.open(snapshot / "window.png").convert("RGB")
    if window.size != (layout["width"], layout["height"]):
        problems.append(f"window.png is {window.size}, the window {layout['width']}x"
                        f"{layout['height']}")
    colours = window.getcolors(maxcolors=1 << 16)
    if colours is not None and len(colours) < 16:
        problems.append(f"window.png has only {len(colours)} colours: nothing drawn?")
    if screen is not None:
        shot = Image.open(screen).convert("RGB")
        x, y = layout["screen_x"], layout["screen_y"]
        area = shot.crop((x, y, x + window.width, y + window.height))
        diff = ImageStat.Stat(ImageChops.difference(area, window)).mean
        if max(diff) > 8:
            problems.append(f"the screen at ({x},{y}) differs from window.png: mean "
                            f"difference {[round(d, 1) for d in diff]} per channel (max 8)")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("snapshot", type=Path, help="the FIELDKIT_UI_SNAPSHOT directory")
    parser.add_argument("expected", type=Path, help="packaging/expected/unlock-<lang>.json")
    parser.add_argument("--screen", type=Path, help="a grab of the whole X screen")
    parser.add_argument("--tolerance", type=int, default=6, help="pixels (default 6)")
    parser.add_argument("--write", action="store_true", help="write the expected file")
    parser.add_argument("--any-text", action="append", default=[], metavar="NAME",
                        help="with --write: this widget's text may be anything")
    args = parser.parse_args(argv)
    layout = json.loads((args.snapshot / "layout.json").read_text(encoding="utf-8"))
    if args.write:
        args.expected.write_text(json.dumps(expected_from(layout, set(args.any_text)),
                                            ensure_ascii=False,
                                            indent=1) + "\n", encoding="utf-8")
        print(f"wrote {args.expected}")
        return 0
    expected = json.loads(args.expected.read_text(encoding="utf-8"))
    problems = compare(layout, expected, args.tolerance)
    problems += check_images(args.snapshot, layout, args.screen)
    for p in problems:
        print(f"layout: {p}", file=sys.stderr)
    if not problems:
        print(f"layout: {args.snapshot} matches {args.expected.name} "
              f"({len(expected['widgets'])} widgets)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
