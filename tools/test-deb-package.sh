#!/usr/bin/env bash
# The test of the Debian package, as ./dev test runs it after the test suite:
#
#  1. build the .deb from this tree in a temporary folder outside it
#     (dpkg-buildpackage -us -uc -b with DEB_BUILD_OPTIONS=nocheck: the suite
#     has just run on the same source), and check it with lintian;
#  2. install it with apt-get (so its dependencies resolve);
#  3. run the INSTALLED /usr/bin/sonae: --version, --demo into a temporary
#     folder, --export binder in Japanese (the PDF must hold Japanese text, in
#     a Noto Sans CJK font: the installed translation and the font dependency
#     are found, with no SONAE_LOCALEDIR), the menu entry, icon and GSettings
#     schema installed and compiled, the window shown under Xvfb;
#  4. purge it and check that every file it installed is gone, and every
#     folder too unless another package owns it.
#
# Needs root (it installs a package) and the tools ./dev test installs. The
# temporary folder is kept when a check fails (SONAE_KEEP_DEB_WORK=1 keeps it
# always); the package is purged in any case. SONAE_DEB_DIR=DIR tests the
# package built before in DIR instead of building one.
set -uo pipefail

cd "$(dirname "$(readlink -f "$0")")/.."
ROOT=$PWD

failures=0
say () { printf '\033[1m==> %s\033[0m\n' "$*"; }
ok () { printf '  ok: %s\n' "$*"; }
fail () { printf '  FAILED: %s\n' "$*" >&2; failures=$((failures + 1)); }

if [ "$(id -u)" -ne 0 ]; then
  echo "tools/test-deb-package.sh installs and removes a package: run it as root." >&2
  exit 1
fi

version=$(sed -n "s/^  version: '\([^']*\)',$/\1/p" meson.build | head -n 1)
if [ -z "$version" ]; then
  echo "Cannot read the version from meson.build." >&2
  exit 1
fi

# What dpkg knows of sonae: "" or not-installed when nothing of it is there.
deb_status () { dpkg-query -W -f='${db:Status-Status}' sonae 2>/dev/null || true; }

case "$(deb_status)" in
  ""|not-installed) ;;
  *)
    echo "A sonae package is installed on this machine already; this test installs and purges its own." >&2
    echo "Remove it first: apt-get purge sonae" >&2
    exit 1
    ;;
esac

work=$(mktemp -d "${TMPDIR:-/tmp}/sonae-deb.XXXXXX")
installed=no
apt_opts=(-o DPkg::Lock::Timeout=600 -q)

cleanup () {
  if [ "$installed" = yes ] && [ -n "$(deb_status)" ] && [ "$(deb_status)" != not-installed ]; then
    DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" purge -y sonae >/dev/null 2>&1 || true
  fi
  if [ "$failures" -eq 0 ] && [ -z "${SONAE_KEEP_DEB_WORK:-}" ]; then
    rm -rf "$work"
  else
    echo "  (the package's work folder is kept: $work)"
  fi
}
trap cleanup EXIT

# 1. Build -----------------------------------------------------------------

if [ -n "${SONAE_DEB_DIR:-}" ]; then
  # While working on this script: test a package built before.
  say "Testing the package already built in $SONAE_DEB_DIR"
  cp "$SONAE_DEB_DIR"/sonae*_"$version"_* "$work"/
else
  say "Building the Debian package sonae $version in $work"
  src="$work/sonae-$version"
  mkdir -p "$src"
  # The tree as the developer sees it: tracked files and new ones not ignored
  # (in CI, a clean clone: the committed tree); outside git (an unpacked
  # tarball), everything but the build folders.
  if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git ls-files -z -co --exclude-standard | tar -cf - --null -T - | tar -xf - -C "$src"
  else
    tar -cf - --exclude='./build*' --exclude='./_build*' . | tar -xf - -C "$src"
  fi
  start=$(date +%s)
  if (cd "$src" && DEB_BUILD_OPTIONS="nocheck ${DEB_BUILD_OPTIONS:-}" \
        dpkg-buildpackage -us -uc -b -Pnocheck >"$work/build.log" 2>&1); then
    ok "built in $(( $(date +%s) - start )) s"
  else
    tail -n 40 "$work/build.log" >&2
    fail "dpkg-buildpackage failed (the whole log: $work/build.log)"
    exit 1
  fi
fi
deb="$work/sonae_${version}_$(dpkg --print-architecture).deb"
changes="$work/sonae_${version}_$(dpkg --print-architecture).changes"
if [ ! -f "$deb" ]; then
  fail "no $deb"
  exit 1
fi

# Errors and warnings fail; an override that silences nothing is stale and
# fails too (debian/sonae.lintian-overrides says why each one is there).
lintian --fail-on error,warning "$changes" >"$work/lintian.log" 2>&1
lintian_status=$?
lintian_out=$(grep -v '^running with root privileges' "$work/lintian.log")
if [ "$lintian_status" -ne 0 ]; then
  printf '%s\n' "$lintian_out" >&2
  fail "lintian found errors or warnings"
elif grep -q 'unused-override' <<<"$lintian_out"; then
  printf '%s\n' "$lintian_out" >&2
  fail "an override in debian/sonae.lintian-overrides silences nothing any more: remove it"
else
  ok "lintian: no errors or warnings"
fi

# 2. Install ---------------------------------------------------------------

say "Installing it with apt-get"
installed=yes
install_deb () {
  DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" install -y --no-install-recommends "$deb" \
    >"$work/install.log" 2>&1
}
if ! install_deb; then
  # Stale package lists: read them again once.
  apt-get "${apt_opts[@]}" update >/dev/null 2>&1 || true
  if ! install_deb; then
    cat "$work/install.log" >&2
    fail "apt-get install $deb failed"
    exit 1
  fi
fi
extra=$(grep -c '^Setting up ' "$work/install.log" || true)
ok "installed ($extra package(s) set up, sonae among them)"
dpkg -L sonae >"$work/files.txt"

# 3. Run the installed program ---------------------------------------------

say "Running the installed /usr/bin/sonae"
# A home of its own, and no variable that would point Sonae at the build tree.
run_env=(env -u SONAE_LOCALEDIR -u GSETTINGS_SCHEMA_DIR -u SONAE_DATA_DIR -u LANGUAGE -u LC_ALL
         -u XDG_DATA_DIRS -u XDG_CONFIG_HOME -u XDG_DATA_HOME -u XDG_CACHE_HOME
         HOME="$work/home" PATH=/usr/bin:/bin)
mkdir -p "$work/home"

if [ "$(command -v sonae 2>/dev/null)" != /usr/bin/sonae ] && [ ! -x /usr/bin/sonae ]; then
  fail "/usr/bin/sonae is not installed"
fi

out=$("${run_env[@]}" LANG=C.UTF-8 /usr/bin/sonae --version 2>&1)
if [ "$out" = "sonae $version" ]; then
  ok "sonae --version: $out"
else
  fail "sonae --version printed '$out', not 'sonae $version'"
fi

data="$work/data"
if "${run_env[@]}" LANG=C.UTF-8 /usr/bin/sonae --data-dir "$data" --demo >"$work/demo.log" 2>&1 \
   && [ -f "$data/sonae.db" ]; then
  ok "sonae --demo filled $data"
else
  cat "$work/demo.log" >&2
  fail "sonae --demo failed"
fi

pdf="$work/binder.pdf"
if "${run_env[@]}" LANG=ja_JP.UTF-8 /usr/bin/sonae --data-dir "$data" --export binder --output "$pdf" \
     >"$work/export.log" 2>&1; then
  pdftotext "$pdf" "$work/binder.txt" 2>/dev/null
  if grep -q '緊急時対応バインダー' "$work/binder.txt"; then
    ok "the binder in Japanese holds 緊急時対応バインダー (the installed translation is found)"
  else
    fail "the binder exported with LANG=ja_JP.UTF-8 is not in Japanese: the installed translation was not found"
  fi
  if grep -q '緊急時対応バインダー' "$work/export.log"; then
    ok "the command line speaks Japanese too"
  else
    cat "$work/export.log" >&2
    fail "the command line's message is not in Japanese"
  fi
  pdffonts "$pdf" >"$work/fonts.txt" 2>&1
  if grep -q 'NotoSansCJK' "$work/fonts.txt"; then
    ok "the binder's fonts are Noto Sans CJK (fonts-noto-cjk)"
  else
    cat "$work/fonts.txt" >&2
    fail "the binder does not use Noto Sans CJK"
  fi
else
  cat "$work/export.log" >&2
  fail "sonae --export binder failed in Japanese"
fi

desktop=/usr/share/applications/io.github.sonae.Sonae.desktop
if [ -f "$desktop" ] && desktop-file-validate "$desktop" >"$work/desktop.log" 2>&1 \
   && ! grep -Eq '^[^:]*: (error|warning):' "$work/desktop.log"; then
  exec_cmd=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop" | head -n 1)
  icon=$(sed -n 's/^Icon=//p' "$desktop" | head -n 1)
  if [ "$(command -v "$exec_cmd")" = /usr/bin/sonae ]; then
    ok "the menu entry starts /usr/bin/sonae"
  else
    fail "the menu entry's Exec ($exec_cmd) is not /usr/bin/sonae"
  fi
  if [ -n "$icon" ] && compgen -G "/usr/share/icons/hicolor/*/apps/$icon.*" >/dev/null; then
    ok "its icon $icon is installed"
  else
    fail "the menu entry's icon $icon is not installed"
  fi
else
  cat "$work/desktop.log" >&2 2>/dev/null
  fail "no valid $desktop"
fi

# The schema is compiled into the system's gschemas.compiled by glib's trigger.
if [ -f /usr/share/glib-2.0/schemas/io.github.sonae.Sonae.gschema.xml ] \
   && "${run_env[@]}" gsettings list-keys io.github.sonae.Sonae >/dev/null 2>&1; then
  ok "the GSettings schema is installed and compiled"
else
  fail "the GSettings schema io.github.sonae.Sonae is not installed and compiled"
fi

# The guide F1 opens (help:sonae, read by yelp from /usr/share/help/LANG),
# in English and in Japanese, and the manual page in both.
if [ -f /usr/share/help/C/sonae/index.page ] && [ -f /usr/share/help/ja/sonae/index.page ] \
   && grep -q 'Sonae' /usr/share/help/C/sonae/index.page \
   && grep -q '最初の10分' /usr/share/help/ja/sonae/index.page; then
  ok "the guide is installed in English and Japanese ($(ls /usr/share/help/ja/sonae/*.page | wc -l) Japanese pages)"
else
  fail "the guide (help:sonae) is not installed in /usr/share/help/C and /usr/share/help/ja"
fi
if command -v man >/dev/null 2>&1; then
  en_man=$(LANG=C.UTF-8 man -w sonae 2>/dev/null || true)
  ja_man=$(LANG=ja_JP.UTF-8 man -w sonae 2>/dev/null || true)
  if [ "$en_man" = /usr/share/man/man1/sonae.1.gz ] && [ "$ja_man" = /usr/share/man/ja/man1/sonae.1.gz ] \
     && LANG=C.UTF-8 MANPAGER=cat man sonae 2>/dev/null | grep -q -- '--export' \
     && LANG=ja_JP.UTF-8 MANWIDTH=80 MANPAGER=cat man sonae 2>/dev/null | grep -q 'バインダー'; then
    ok "man sonae works in English ($en_man) and Japanese ($ja_man)"
  else
    fail "man sonae: English '$en_man', Japanese '$ja_man' (want /usr/share/man/man1/sonae.1.gz and /usr/share/man/ja/man1/sonae.1.gz, both rendering)"
  fi
else
  fail "man (man-db) is missing: ./dev test installs it"
fi

# The window, headless: it must show (a missing schema aborts before that).
cat >"$work/start.sh" <<'EOF'
/usr/bin/sonae --data-dir "$1" >"$2" 2>&1 &
pid=$!
shown=no
for _ in $(seq 1 60); do
  if ! kill -0 "$pid" 2>/dev/null; then break; fi
  if xdotool search --onlyvisible --pid "$pid" >/dev/null 2>&1; then shown=yes; break; fi
  sleep 0.5
done
if [ "$shown" = yes ]; then
  sleep 1
  if kill -0 "$pid" 2>/dev/null; then
    for w in $(xdotool search --onlyvisible --pid "$pid"); do echo "title: $(xdotool getwindowname "$w")"; done
    kill "$pid"; wait "$pid" 2>/dev/null
    exit 0
  fi
fi
kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
exit 1
EOF
if title=$("${run_env[@]}" LANG=ja_JP.UTF-8 xvfb-run -a -s "-screen 0 1280x800x24" \
      dbus-run-session -- bash "$work/start.sh" "$data" "$work/window.log" 2>/dev/null); then
  ok "the installed Sonae opened its window headless (\"$(sed -n 's/^title: //p' <<<"$title" | head -n 1)\")"
else
  cat "$work/window.log" >&2
  fail "the installed Sonae did not show its window"
fi
if grep -Eq 'is not installed|GLib-GIO-ERROR|CRITICAL' "$work/window.log"; then
  cat "$work/window.log" >&2
  fail "the window's start printed an error"
fi

# 4. Purge -----------------------------------------------------------------

say "Purging it"
if DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" purge -y sonae >"$work/purge.log" 2>&1; then
  installed=no
  ok "apt-get purge sonae"
else
  cat "$work/purge.log" >&2
  fail "apt-get purge sonae failed"
fi
case "$(deb_status)" in
  ""|not-installed) ;;
  *) fail "dpkg still has sonae: $(deb_status)" ;;
esac

left=0
while IFS= read -r path; do
  [ "$path" = /. ] && continue
  if [ -d "$path" ] && [ ! -L "$path" ]; then
    # A folder may stay when another package owns it (/usr/share/icons, …).
    if dpkg-query -S "$path" >/dev/null 2>&1; then continue; fi
    fail "the folder $path is left and no package owns it"
    left=$((left + 1))
  elif [ -e "$path" ] || [ -L "$path" ]; then
    fail "$path is left"
    left=$((left + 1))
  fi
done <"$work/files.txt"
if [ "$left" -eq 0 ]; then
  ok "all $(wc -l <"$work/files.txt") paths of the package are gone (folders other packages own stay)"
fi
"${run_env[@]}" gsettings list-schemas >"$work/schemas.txt" 2>&1
if grep -qx io.github.sonae.Sonae "$work/schemas.txt"; then
  fail "the schema io.github.sonae.Sonae is still compiled in"
else
  ok "the schema is no longer compiled in"
fi
if [ -f /usr/share/icons/hicolor/icon-theme.cache ] \
   && grep -q 'io.github.sonae.Sonae' /usr/share/icons/hicolor/icon-theme.cache; then
  fail "the icon cache still names io.github.sonae.Sonae"
fi
if grep -rqs 'io.github.sonae.Sonae' /usr/share/applications/mimeinfo.cache; then
  fail "the desktop database still names io.github.sonae.Sonae"
fi

if [ "$failures" -eq 0 ]; then
  say "The Debian package built, installed, ran and left nothing behind ($SECONDS s in all)"
  exit 0
fi
say "The Debian package: $failures check(s) failed"
exit 1
