#!/bin/sh
# Run each libFuzzer target for a bounded time, seeded with the vCard corpus.
#   fuzz/run-fuzzers.sh BUILD_DIR SECONDS
# BUILD_DIR was configured with -Dfuzzing=true (see fuzz/meson.build).
# Exits non-zero when a target crashes; the input that crashed it is kept
# in BUILD_DIR/fuzz/crashes/.
set -u

if [ $# -ne 2 ]; then
  echo "usage: $0 BUILD_DIR SECONDS" >&2
  exit 2
fi
build=$(cd "$1" && pwd) || exit 2
seconds=$2
here=$(cd "$(dirname "$0")" && pwd)
corpus=${SONAE_CORPUS_DIR:-$here/../../shared/corpus}
seeds=$corpus/vcard/ez-vcard

ninja -C "$build" fuzz/fuzz-vcard fuzz/fuzz-csv || exit 2

# The seeds are copied: the fuzzer writes new inputs into its corpus folder,
# and ../shared is never written.
work=$(mktemp -d "${TMPDIR:-/tmp}/sonae-fuzz-XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT INT TERM

status=0
for target in vcard csv; do
  dir=$work/$target
  mkdir -p "$dir" "$work/artifacts-$target"
  if [ -d "$seeds" ]; then
    cp "$seeds"/*.vcf "$dir"/
  else
    echo "warning: no seed corpus at $seeds" >&2
  fi
  # a few CSV seeds in the layouts the reader knows
  printf '氏名,ふりがな,会社名,電話番号,携帯電話,メールアドレス,区分,役割,確認日\r\n山田 太郎,やまだ たろう,さくら内科,03-1234-5678,090-1111-2222,a@example.jp,院内,lead:1,2026/4/1\r\n"鈴木, ""花子""","す\nずき",,,,,委託先,,\r\n' > "$dir/seed-ja.csv"
  printf 'First Name,Last Name,Phonetic Last Name,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value\nJohn,Doe,doe,* Work,j@d.example,Mobile,090 ::: 080\n' > "$dir/seed-google.csv"
  printf 'Title\tFirst Name\tLast Name\tCompany\tJob Title\tBusiness Phone\tMobile Phone\tE-mail Address\tBusiness Street\tBusiness City\nMr.\tJohn\tSmith\tAcme\tCEO\t555\t556\tj@a.example\t1 Main\tX\n' > "$dir/seed-outlook.tsv"

  echo "== fuzz-$target for $seconds s"
  "$build/fuzz/fuzz-$target" \
    -max_total_time="$seconds" \
    -max_len=65536 \
    -timeout=20 \
    -rss_limit_mb=2048 \
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
