#!/bin/sh
# Run each libFuzzer target for a bounded time, seeded with the corpus kept
# in the repository (fuzz/corpus/TARGET) and the shared vCard corpus.
#   fuzz/run-fuzzers.sh BUILD_DIR [SECONDS]
# SECONDS (each target) defaults to $SONAE_FUZZ_SECONDS, else 60.
# BUILD_DIR was configured with -Dfuzzing=true (see fuzz/meson.build).
# Exits non-zero when a target crashes; the input that crashed it is kept
# in BUILD_DIR/fuzz/crashes/ (add it to tests/data/codecs/regressions/).
# To grow the kept corpus after a longer local run, merge into it (see
# fuzz/corpus/README):
#   BUILD_DIR/fuzz/fuzz-vcard -merge=1 -use_counters=0 -max_len=2048 fuzz/corpus/vcard NEW_INPUTS
set -u

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 BUILD_DIR [SECONDS]" >&2
  exit 2
fi
build=$(cd "$1" && pwd) || exit 2
seconds=${2:-${SONAE_FUZZ_SECONDS:-60}}
case $seconds in
  ''|*[!0-9]*)
    echo "$0: SECONDS must be a number, not “$seconds”" >&2
    exit 2
    ;;
esac
here=$(cd "$(dirname "$0")" && pwd)
shared=${SONAE_CORPUS_DIR:-$here/../../shared/corpus}/vcard/ez-vcard

ninja -C "$build" fuzz/fuzz-vcard fuzz/fuzz-csv || exit 2

# The seeds are copied: the fuzzer writes new inputs into its corpus folder,
# and neither the repository nor ../shared is written.
work=$(mktemp -d "${TMPDIR:-/tmp}/sonae-fuzz-XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT INT TERM
# the targets' scratch database too: libFuzzer may end without running
# atexit handlers
export TMPDIR="$work"

status=0
for target in vcard csv; do
  dir=$work/$target
  mkdir -p "$dir" "$work/artifacts-$target"
  if [ -d "$here/corpus/$target" ]; then
    cp "$here/corpus/$target"/* "$dir"/
  else
    echo "warning: no corpus at $here/corpus/$target" >&2
  fi
  if [ -d "$shared" ]; then
    cp "$shared"/*.vcf "$dir"/
  else
    echo "warning: no shared corpus at $shared" >&2
  fi

  echo "== fuzz-$target for $seconds s from $(ls "$dir" | wc -l) inputs"
  "$build/fuzz/fuzz-$target" \
    -max_total_time="$seconds" \
    -max_len=65536 \
    -timeout=20 \
    -rss_limit_mb=2048 \
    -dict="$here/$target.dict" \
    -print_final_stats=1 \
    -artifact_prefix="$work/artifacts-$target/" \
    "$dir"
  rc=$?
  if [ $rc -ne 0 ]; then
    echo "fuzz-$target failed (exit status $rc)" >&2
    mkdir -p "$build/fuzz/crashes"
    cp "$work/artifacts-$target"/* "$build/fuzz/crashes/" 2>/dev/null
    status=1
  fi
done

exit $status
