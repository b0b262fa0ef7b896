#!/usr/bin/env bash
# The wheel works outside the checkout (issue 13, item 3). Builds dist/fieldkit-*.whl, installs
# it into a FRESH venv under /tmp (dependencies from requirements/app.lock, hashes required),
# then, from a directory outside the checkout and with no PYTHONPATH:
#   - the resources come from the installed package (fieldkit/_resources), not the checkout;
#   - `fieldkit demo --no-app` runs the whole demo end to end;
#   - `fieldkit-registry --help` and `fieldkit-app --help` answer;
#   - `fieldkit-app` starts offscreen to its first screen (create vault) in English and Arabic,
#     and that screen matches packaging/expected/unlock-{en,ar}.json (scripts/check_layout.py).
# Then the same venv takes an editable install of the checkout and finds resources/ there.
#
#   scripts/check_wheel.sh            (./dev test runs it when CI is set)
#   PYTHON=/path/to/python3.11 scripts/check_wheel.sh
#   KEEP=1 scripts/check_wheel.sh     (leave the venv and outputs in /tmp to look at)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PY=${PYTHON:-$ROOT/.venv/bin/python}
WORK=$(mktemp -d /tmp/fieldkit-wheel.XXXXXX)
[ -n "${KEEP:-}" ] || trap 'rm -rf "$WORK"' EXIT
log() { printf '\033[1m[check_wheel]\033[0m %s\n' "$*" >&2; }
# pip, minus the warnings some machines' pip.conf adds about absent local index folders
pip_q() { "$@" 2> >(grep -v "^WARNING: Location 'file:" >&2); }
t0=$SECONDS

log "building the wheel"
# setuptools packs whatever build/lib holds: a module deleted since the last build would ship
rm -rf "$ROOT/build/lib" "$ROOT"/build/bdist.*
pip_q "$PY" -m pip wheel --no-deps -q --disable-pip-version-check -w "$WORK/dist" "$ROOT"
WHEEL=$(ls "$WORK"/dist/fieldkit-*.whl)
mkdir -p "$ROOT/dist" && cp "$WHEEL" "$ROOT/dist/"

log "fresh venv in $WORK/venv: dependencies from requirements/app.lock (--require-hashes)"
"$PY" -m venv "$WORK/venv"
VPY=$WORK/venv/bin/python
pip_q "$VPY" -m pip install -q --disable-pip-version-check --require-hashes \
    -r "$ROOT/requirements/app.lock"
pip_q "$VPY" -m pip install -q --disable-pip-version-check --no-deps "$WHEEL"
"$VPY" -m pip check  # the lock satisfies every pin the wheel declares

# From here on: outside the checkout, nothing from it on the path.
mkdir -p "$WORK/elsewhere" && cd "$WORK/elsewhere"
unset PYTHONPATH
export PATH="$WORK/venv/bin:$PATH"
ROOT="$ROOT" "$VPY" - <<'PY'
import os, fieldkit
from fieldkit.resources import resource_path
root = resource_path()
assert os.environ["ROOT"] not in fieldkit.__file__, fieldkit.__file__
assert root.parts[-2:] == ("fieldkit", "_resources"), root
for part in (("taxonomy.json",), ("fonts", "Amiri-Regular.ttf"), ("translations", "fieldkit_ar.qm"),
             ("demo", "incidents.json"), ("demo", "files"), ("samples", "incidents.json")):
    assert resource_path(*part).exists(), part
print(f"   resources from {root}")
PY

log "fieldkit demo --no-app (installed wheel, outside the checkout)"
fieldkit demo --no-app --out "$WORK/demo" > "$WORK/demo.log" 2>&1 \
    || { tail -n 40 "$WORK/demo.log"; log "the demo failed"; exit 1; }
# the demo's own checks: vaults verified, both dossiers' bundles verified offline
grep -q "staff vault check: OK" "$WORK/demo.log"
[ "$(grep -c "bundle verified: OK" "$WORK/demo.log")" -eq 2 ]
grep -q "Registry stopped" "$WORK/demo.log"
grep -E "bundle verified|vault check" "$WORK/demo.log" | sed 's/^/   /'

log "fieldkit-registry --help, fieldkit-app --help"
fieldkit-registry --help > /dev/null
fieldkit-app --help > /dev/null
fieldkit --version

for lang in en ar; do
    log "fieldkit-app offscreen to its first screen ($lang)"
    QT_QPA_PLATFORM=offscreen FIELDKIT_UI_SNAPSHOT="$WORK/shot-$lang" \
        timeout 120 fieldkit-app --vault "$WORK/vault" --settings "$WORK/settings.json" \
        --language "$lang" 2> "$WORK/app-$lang.log" \
        || { cat "$WORK/app-$lang.log"; log "fieldkit-app failed"; exit 1; }
    "$VPY" "$ROOT/scripts/check_layout.py" "$WORK/shot-$lang" \
        "$ROOT/packaging/expected/unlock-$lang.json"
done

log "editable install of the checkout into the same venv finds resources/ there"
pip_q "$VPY" -m pip install -q --disable-pip-version-check --no-deps -e "$ROOT"
ROOT="$ROOT" "$VPY" - <<'PY'
import os
from pathlib import Path
import fieldkit
from fieldkit.domain.taxonomy import default_taxonomy
from fieldkit.resources import resource_path
assert Path(fieldkit.__file__).is_relative_to(os.environ["ROOT"]), fieldkit.__file__
assert resource_path() == Path(os.environ["ROOT"]) / "resources", resource_path()
assert default_taxonomy()
print(f"   resources from {resource_path()}")
PY
log "wheel check passed in $((SECONDS - t0)) s"
