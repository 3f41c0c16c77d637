#!/usr/bin/env bash
# Regenerate po/sonae.pot from po/POTFILES.in and merge it into po/ja.po,
# taking translations from po/fragments/*.po (if any) for new strings.
# Then `tools/check-po.py .` says whether anything is still missing.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The ITS locating rules of the bundled content (data/content/*.xml).
GETTEXTDATADIRS="$PWD/data/content${GETTEXTDATADIRS:+:$GETTEXTDATADIRS}" \
xgettext --from-code=UTF-8 --output "$tmp/sonae.pot" --package-name=sonae \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 --keyword=g_dpgettext2:2c,3 \
  --add-comments=Translators --files-from=po/POTFILES.in

sources=(po/ja.po)
if compgen -G "po/fragments/*.po" >/dev/null; then
  sources+=(po/fragments/*.po)
fi
msgcat --no-wrap --use-first --output-file "$tmp/all.po" "${sources[@]}"
msgmerge --quiet --no-wrap --no-fuzzy-matching --output-file "$tmp/ja.po" "$tmp/all.po" "$tmp/sonae.pot"
msgattrib --no-wrap --no-obsolete --output-file po/ja.po "$tmp/ja.po"
sed -i 's/^"Language: .*\\n"$/"Language: ja\\n"/; s/^"Content-Type: text\/plain; charset=.*\\n"$/"Content-Type: text\/plain; charset=UTF-8\\n"/' po/ja.po
msgfmt --check --statistics --output-file /dev/null po/ja.po
