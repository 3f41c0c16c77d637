#!/usr/bin/env python3
"""The user guide (help/), as yelp reads it. Prints TAP:
- every page of help/C is installed (listed in help/meson.build);
- every page can be reached from the index by topic and guide links alone
  (no orphan), also as `yelp-check orphans` sees it when it is installed;
- every page is valid Mallard (`yelp-check validate`), in English and in each
  language of help/LINGUAS once merged with itstool, when yelp-tools and
  itstool are installed;
- each translation (help/LANG/LANG.po) is complete for the pages as they are
  now: nothing untranslated or fuzzy (msgfmt --statistics), and nothing of
  the pages missing from it (the pages' messages, from itstool, merged in).
usage: check-help.py HELP_DIR"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

MAL = "{http://projectmallard.org/1.0/}"

help_dir = os.path.abspath(sys.argv[1])
c_dir = os.path.join(help_dir, "C")
pages = sorted(glob.glob(os.path.join(c_dir, "*.page")))
names = [os.path.basename(p) for p in pages]
results = []


def result(name, ok, detail=""):
    results.append((name, ok, detail, False))


def skip(name, why):
    results.append((name, True, why, True))


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


result("the guide has pages", len(pages) > 1, "no page in %s" % c_dir)

# --- every page is installed ---------------------------------------------------
with open(os.path.join(help_dir, "meson.build"), encoding="utf-8") as f:
    listed = re.findall(r"'([^']+\.page)'", f.read())
missing = sorted(set(names) - set(listed))
unknown = sorted(set(listed) - set(names))
result("help/meson.build installs every page of help/C, and only those",
       not missing and not unknown,
       "not listed: %s; listed but absent: %s" % (", ".join(missing), ", ".join(unknown)))

# --- no orphan -----------------------------------------------------------------
ids = {}
edges = {}
parse_errors = []
for path in pages:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        parse_errors.append("%s: %s" % (os.path.basename(path), e))
        continue
    page_id = root.get("id")
    ids[page_id] = os.path.basename(path)
    edges.setdefault(page_id, set())
    info = root.find(MAL + "info")
    for link in (info.findall(MAL + "link") if info is not None else []):
        xref = (link.get("xref") or "").split("#")[0]
        if not xref:
            continue
        if link.get("type") == "guide":
            # This page is a topic of the guide it names.
            edges.setdefault(xref, set()).add(page_id)
        elif link.get("type") == "topic":
            edges[page_id].add(xref)
result("every page is well-formed XML", not parse_errors, "\n".join(parse_errors))
result("each page's id is its file name",
       all(ids.get(os.path.splitext(n)[0]) == n for n in names),
       "\n".join("%s has id %s" % (n, i) for i, n in ids.items() if i + ".page" != n))

reached = set()
todo = ["index"]
while todo:
    page = todo.pop()
    if page in reached:
        continue
    reached.add(page)
    todo.extend(edges.get(page, ()))
orphans = sorted(set(ids) - reached)
result("every page is reached from the index by topic and guide links (no orphan)",
       "index" in ids and not orphans, "orphans: " + ", ".join(orphans))

yelp_check = shutil.which("yelp-check")
if yelp_check:
    r = run([yelp_check, "orphans"] + pages)
    result("yelp-check orphans finds none", r.returncode == 0 and not r.stdout.strip(), r.stdout + r.stderr)
else:
    skip("yelp-check orphans finds none", "yelp-check is not installed (Debian: yelp-tools)")

# --- valid Mallard, in English ----------------------------------------------------
if yelp_check:
    r = run([yelp_check, "validate"] + pages)
    result("yelp-check validate: every English page", r.returncode == 0 and not r.stdout.strip(),
           r.stdout + r.stderr)
else:
    skip("yelp-check validate: every English page", "yelp-check is not installed (Debian: yelp-tools)")

# --- the translations ---------------------------------------------------------------
with open(os.path.join(help_dir, "LINGUAS"), encoding="utf-8") as f:
    languages = [w for line in f for w in line.split("#")[0].split()]
result("help/LINGUAS names a language", bool(languages))

itstool = shutil.which("itstool")
with tempfile.TemporaryDirectory() as tmp:
    pot = os.path.join(tmp, "sonae-help.pot")
    if itstool:
        r = run([itstool, "-o", pot] + pages)
        result("itstool reads every English page", r.returncode == 0, r.stderr)
    for lang in languages:
        po = os.path.join(help_dir, lang, lang + ".po")
        if not os.path.exists(po):
            result("%s: %s exists" % (lang, os.path.relpath(po, help_dir)), False)
            continue
        r = run(["msgfmt", "--check", "--statistics", "-o", os.devnull, po], env=dict(os.environ, LC_ALL="C"))
        stats = r.stderr.strip()
        result("%s: msgfmt --check --statistics: nothing untranslated or fuzzy" % lang,
               r.returncode == 0 and "untranslated" not in stats and "fuzzy" not in stats, stats)
        if not itstool:
            skip("%s: the translation covers every page as it is now" % lang,
                 "itstool is not installed")
            skip("yelp-check validate: every %s page" % lang, "itstool is not installed")
            continue
        merged = os.path.join(tmp, lang + "-merged.po")
        r = run(["msgmerge", "--quiet", "--no-fuzzy-matching", "-o", merged, po, pot])
        missing_text = ""
        if r.returncode == 0:
            u = run(["msgattrib", "--untranslated", "--no-obsolete", merged])
            missing_text = u.stdout
        untranslated = [l for l in missing_text.splitlines() if l.startswith("msgid ")][1:]
        result("%s: the translation covers every page as it is now (%d message(s) missing)"
               % (lang, len(untranslated)), r.returncode == 0 and not untranslated,
               r.stderr + missing_text[:6000])

        mo = os.path.join(tmp, lang + ".mo")
        out = os.path.join(tmp, lang)
        os.makedirs(out)
        r = run(["msgfmt", "-o", mo, po])
        if r.returncode == 0:
            r = run([itstool, "-m", mo, "--lang", lang, "-o", out] + pages)
        result("%s: itstool merges the translation into every page" % lang,
               r.returncode == 0 and len(glob.glob(os.path.join(out, "*.page"))) == len(pages), r.stderr)
        if yelp_check:
            merged_pages = sorted(glob.glob(os.path.join(out, "*.page")))
            r = run([yelp_check, "validate"] + merged_pages)
            result("yelp-check validate: every %s page" % lang, r.returncode == 0 and not r.stdout.strip(),
                   r.stdout + r.stderr)
        else:
            skip("yelp-check validate: every %s page" % lang, "yelp-check is not installed (Debian: yelp-tools)")

print("1..%d" % len(results))
failed = 0
for i, (name, ok, detail, skipped) in enumerate(results, 1):
    if skipped:
        print("ok %d - %s # SKIP %s" % (i, name, detail))
        continue
    print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
    if not ok:
        failed += 1
        for line in str(detail).strip().splitlines():
            print("# " + line)
sys.exit(1 if failed else 0)
