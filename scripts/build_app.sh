#!/usr/bin/env bash
# Build the desktop app as a one-folder Linux bundle with PyInstaller (issue 13, item 4).
#
#   scripts/build_app.sh           build dist/fieldkit-app-<version>-linux-<arch>.tar.gz (+ .sha256)
#   scripts/build_app.sh --check   ... then start the bundle under Xvfb to its first screen in
#                                  English and Arabic and compare it with packaging/expected/
#
# The build venv (build/app/venv) gets exactly requirements/app.lock and requirements/build.lock
# (pip --require-hashes: a changed or substituted package fails the build), then the fieldkit
# wheel built from this checkout without its dependencies. PyInstaller bundles what that venv
# holds: Python, Qt with its xcb platform plugin, the shipped fonts, translations and taxonomy.
# A monitor unpacks the tarball and runs fieldkit-app/fieldkit-app (docs/install.md).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PY=${PYTHON:-$ROOT/.venv/bin/python}
BUILD=$ROOT/build/app
VENV=$BUILD/venv
log() { printf '\033[1m[build_app]\033[0m %s\n' "$*" >&2; }
pip_q() { "$@" 2> >(grep -v "^WARNING: Location 'file:" >&2); }
t0=$SECONDS

# The venv is rebuilt whenever a lock file changes (and reused otherwise: CI runs stay fast).
want=$(cat "$ROOT/requirements/app.lock" "$ROOT/requirements/build.lock" | sha256sum | cut -d' ' -f1)
if [ ! -x "$VENV/bin/python" ] || [ "$(cat "$VENV/.locked" 2>/dev/null)" != "$want" ]; then
    log "build venv from requirements/app.lock + requirements/build.lock (--require-hashes)"
    rm -rf "$VENV"
    "$PY" -m venv "$VENV"
    pip_q "$VENV/bin/python" -m pip install -q --disable-pip-version-check --require-hashes \
        -r "$ROOT/requirements/app.lock" -r "$ROOT/requirements/build.lock"
    echo "$want" > "$VENV/.locked"
fi

log "fieldkit wheel (no dependencies: they are the locked ones above)"
# setuptools packs whatever build/lib holds: a module deleted since the last build would ship
rm -rf "$ROOT/build/lib" "$ROOT"/build/bdist.*
rm -rf "$BUILD/wheel"
pip_q "$VENV/bin/python" -m pip wheel -q --disable-pip-version-check --no-deps \
    -w "$BUILD/wheel" "$ROOT"
pip_q "$VENV/bin/python" -m pip install -q --disable-pip-version-check --no-deps \
    --force-reinstall "$BUILD"/wheel/fieldkit-*.whl
"$VENV/bin/python" -m pip check

log "PyInstaller (one folder)"
rm -rf "$BUILD/dist" "$BUILD/work"
(cd "$BUILD" && "$VENV/bin/pyinstaller" --noconfirm --log-level WARN \
    --distpath "$BUILD/dist" --workpath "$BUILD/work" "$ROOT/packaging/fieldkit-app.spec")
APP=$BUILD/dist/fieldkit-app
for f in fieldkit/_resources/taxonomy.json fieldkit/_resources/fonts/Amiri-Regular.ttf \
         fieldkit/_resources/translations/fieldkit_ar.qm; do
    find "$APP" -path "*/$f" | grep -q . || { log "missing from the bundle: $f"; exit 1; }
done
find "$APP" -name "libqxcb.so" | grep -q . || { log "no xcb platform plugin in the bundle"; exit 1; }

version=$("$VENV/bin/python" -c "import fieldkit; print(fieldkit.__version__)")
name=fieldkit-app-$version-linux-$(uname -m)
mkdir -p "$ROOT/dist"
tar -C "$BUILD/dist" --sort=name --owner=0 --group=0 --numeric-owner \
    --transform "s,^fieldkit-app,$name," -czf "$ROOT/dist/$name.tar.gz" fieldkit-app
(cd "$ROOT/dist" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
log "dist/$name.tar.gz: $(du -sh "$ROOT/dist/$name.tar.gz" | cut -f1) packed," \
    "$(du -sh "$APP" | cut -f1) unpacked; built in $((SECONDS - t0)) s"
cat "$ROOT/dist/$name.tar.gz.sha256"

if [ "${1:-}" = "--check" ]; then
    "$VENV/bin/python" "$ROOT/scripts/check_bundle.py" "$APP/fieldkit-app"
fi
