#!/bin/bash
# Take the AppStream screenshots (data/screenshots/*.png) of a built tree:
# Home, an incident's Now tab, the manual, contacts and the BCP, in English
# and in Japanese, 1280×800, the window alone, then optimised.
#   tools/screenshots/take.sh [BUILD_DIR]        (needs Xvfb, openbox, xdotool,
#                                                 ImageMagick, pngquant, optipng)
# The clicks are at the places of the 1280×800 window: check every picture.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=$(cd "${1:-$ROOT/build}" && pwd)
WORK=$(mktemp -d)
DISPLAY_NUM=${SONAE_SCREENSHOT_DISPLAY:-57}
export DISPLAY=:$DISPLAY_NUM

cleanup () {
  [ -n "${SONAE_PID:-}" ] && kill "$SONAE_PID" 2>/dev/null || true
  [ -n "${WM_PID:-}" ] && kill "$WM_PID" 2>/dev/null || true
  [ -n "${X_PID:-}" ] && kill "$X_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

cc -o "$WORK/make-incident" "$ROOT/tools/screenshots/make-incident.c" -I"$BUILD" \
  $(for d in "$ROOT"/app/core/*/; do printf -- '-I%s ' "$d"; done) \
  -DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74 -DG_LOG_DOMAIN='"Sonae"' \
  "$BUILD/app/core/libsonae-core.a" $(pkg-config --cflags --libs glib-2.0 gio-2.0 gobject-2.0 sqlite3) -lm

"$BUILD/app/sonae" --data-dir "$WORK/calm" --demo >/dev/null
"$BUILD/app/sonae" --data-dir "$WORK/crisis" --demo >/dev/null
"$WORK/make-incident" "$WORK/crisis" "受付PCに脅迫文、ファイルが開けない"

mkdir -p "$WORK/config/glib-2.0/settings"
printf "[io/github/sonae/Sonae]\nwindow-width=1280\nwindow-height=800\nresponder-name='佐藤 由美'\n" \
  > "$WORK/config/glib-2.0/settings/keyfile"

Xvfb ":$DISPLAY_NUM" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 & X_PID=$!
sleep 2
openbox >/dev/null 2>&1 & WM_PID=$!
sleep 1

start () {   # LANGUAGE DATA → the window id in $W
  local env=(XDG_CONFIG_HOME="$WORK/config" GSETTINGS_BACKEND=keyfile GSETTINGS_SCHEMA_DIR="$BUILD/data"
             SONAE_LOCALEDIR="$BUILD/po" NO_AT_BRIDGE=1)
  if [ "$1" = ja ]; then env+=(LANG=ja_JP.UTF-8 LANGUAGE=ja LC_ALL=ja_JP.UTF-8); else env+=(LANG=C.UTF-8 LANGUAGE=en LC_ALL=C.UTF-8); fi
  env "${env[@]}" "$BUILD/app/sonae" --data-dir "$WORK/$2" >/dev/null 2>&1 & SONAE_PID=$!
  W=
  for _ in $(seq 1 60); do
    W=$(xdotool search --onlyvisible --class sonae 2>/dev/null | head -1 || true)
    [ -n "$W" ] && break
    sleep 0.5
  done
  sleep 3
  xdotool windowmove "$W" 0 0
  sleep 1
}
stop () { kill "$SONAE_PID"; wait "$SONAE_PID" 2>/dev/null || true; SONAE_PID=; sleep 1; }
click () { xdotool mousemove "$1" "$2"; sleep 0.3; xdotool click 1; sleep 2.5; xdotool mousemove 1400 880; sleep 0.8; }
shot () { import -window "$W" "$WORK/$1.png"; }

for lang in en ja; do
  suffix=; [ "$lang" = ja ] && suffix=-ja
  start "$lang" calm
  shot "home$suffix"
  click 70 151; click 340 236; shot "manual$suffix"      # the manual, chapter 4
  click 70 190; click 450 400; shot "contacts$suffix"    # contacts, one person open
  click 70 228; shot "bcp$suffix"                        # continuity
  stop
  start "$lang" crisis                                   # opens on the incident's Now tab
  shot "incident-now$suffix"
  stop
done

for f in "$WORK"/*.png; do
  pngquant --quality=85-98 --speed 1 --strip --force --output "$ROOT/data/screenshots/$(basename "$f")" "$f"
done
optipng -quiet -o5 "$ROOT"/data/screenshots/*.png
ls -l "$ROOT/data/screenshots"
