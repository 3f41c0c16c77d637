#!/usr/bin/env bash
# The release tarball, as ./dev test makes it after the test suite:
#   tools/test-dist.sh BUILD_DIR
# runs `meson dist --no-tests` (the suite has just run on the same source) in
# BUILD_DIR and checks that BUILD_DIR/meson-dist/sonae-VERSION.tar.xz holds
# exactly the committed files of the tree, under sonae-VERSION/, with the
# licence, the release notes and the Debian packaging among them.
#
# meson dist takes the committed tree: with changes not committed it refuses,
# and so does this script: it fails in CI (CI=true, where the checkout is a
# clean clone), and elsewhere exits 77, the usual code for a skipped test, as
# it does outside a git checkout.
set -uo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 BUILD_DIR" >&2
  exit 2
fi
cd "$(dirname "$(readlink -f "$0")")/.."
build=$1

if ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  echo "Not a git checkout: meson dist makes a tarball from a git (or hg) tree only." >&2
  exit 77
fi
if [ -n "$(git status --porcelain --untracked-files=no)" ]; then
  echo "The tree has changes that are not committed; meson dist packs the committed tree only." >&2
  echo "Commit them (or stash them) and run it again. Not committed:" >&2
  git status --short --untracked-files=no >&2
  if [ "${CI:-}" = true ]; then exit 1; fi
  exit 77
fi

version=$(meson introspect "$build" --projectinfo | python3 -c 'import json, sys; print(json.load(sys.stdin)["version"])')
tarball="$build/meson-dist/sonae-$version.tar.xz"
rm -f "$tarball" "$tarball.sha256sum"

start=$(date +%s)
if ! meson dist -C "$build" --no-tests --formats xztar >"$build/meson-dist.log" 2>&1; then
  cat "$build/meson-dist.log" >&2
  echo "FAILED: meson dist" >&2
  exit 1
fi
if [ ! -f "$tarball" ]; then
  cat "$build/meson-dist.log" >&2
  echo "FAILED: meson dist made no $tarball" >&2
  exit 1
fi
echo "  ok: $tarball in $(( $(date +%s) - start )) s, $(du -k "$tarball" | cut -f1) KiB"

failures=0
listed=$(mktemp)
committed=$(mktemp)
trap 'rm -f "$listed" "$committed"' EXIT
tar -tJf "$tarball" | grep -v '/$' | sort >"$listed"
git ls-files | sed "s|^|sonae-$version/|" | sort >"$committed"
if ! diff -u "$committed" "$listed" >&2; then
  echo "FAILED: the tarball does not hold exactly the committed files (- committed only, + tarball only)" >&2
  failures=$((failures + 1))
else
  echo "  ok: it holds the $(wc -l <"$listed") committed files under sonae-$version/"
fi
for f in COPYING NEWS README.md meson.build debian/changelog debian/control; do
  if ! grep -qx "sonae-$version/$f" "$listed"; then
    echo "FAILED: the tarball has no $f" >&2
    failures=$((failures + 1))
  fi
done
[ "$failures" -eq 0 ]
