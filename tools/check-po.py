#!/usr/bin/env python3
"""Fail when po/ja.po is not complete for the current sources: every
translatable string of every file in po/POTFILES.in must have a Japanese
translation that is neither empty nor fuzzy, and msgfmt --check must pass.
Prints TAP."""
import os
import subprocess
import sys
import tempfile

root = sys.argv[1]
po_dir = os.path.join(root, "po")
ja_po = os.path.join(po_dir, "ja.po")

with open(os.path.join(po_dir, "POTFILES.in"), encoding="utf-8") as f:
    files = [l.strip() for l in f if l.strip() and not l.startswith("#")]

results = []

# Every source and interface file with a translatable string is listed.
unlisted = []
for top in ("app", "ui", "data"):
    for dirpath, _, names in os.walk(os.path.join(root, top)):
        for name in names:
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root)
            if not name.endswith((".c", ".ui", ".in", ".xml")):
                continue
            with open(path, encoding="utf-8", errors="replace") as f:
                text = f.read()
            # Bundled content (data/content/*.xml but the GResource list) is
            # translated through the ITS rules in data/content/its.
            content = (rel.startswith(os.path.join("data", "content") + os.sep) and name.endswith(".xml")
                       and not name.endswith(".gresource.xml"))
            if ('_("' in text or 'N_("' in text or 'C_("' in text or 'translatable="yes"' in text or content
                    or rel.endswith((".desktop.in", ".metainfo.xml.in", ".gschema.xml"))):
                if rel not in files:
                    unlisted.append(rel)
results.append(("every file with translatable strings is in POTFILES.in", not unlisted, "\n".join(unlisted)))

with tempfile.TemporaryDirectory() as tmp:
    pot = os.path.join(tmp, "sonae.pot")
    cmd = ["xgettext", "--from-code=UTF-8", "--output", pot, "--directory", root,
           "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
           "--keyword=g_dngettext:2,3", "--keyword=ngettext:1,2",
           "--keyword=g_dpgettext2:2c,3",
           "--add-comments=Translators", "--package-name=sonae"] + files
    # The ITS locating rules of the bundled content live in data/content/its.
    env = dict(os.environ)
    env["GETTEXTDATADIRS"] = os.pathsep.join(
        [os.path.join(root, "data", "content")] + [d for d in env.get("GETTEXTDATADIRS", "").split(os.pathsep) if d])
    r = subprocess.run(cmd, capture_output=True, text=True, env=env)
    results.append(("xgettext reads every file of POTFILES.in", r.returncode == 0, r.stderr))

    merged = os.path.join(tmp, "ja.po")
    r = subprocess.run(["msgmerge", "--quiet", "--no-fuzzy-matching", "--output-file", merged, ja_po, pot],
                       capture_output=True, text=True)
    results.append(("msgmerge", r.returncode == 0, r.stderr))

    r = subprocess.run(["msgattrib", "--untranslated", "--no-obsolete", merged], capture_output=True, text=True)
    untranslated = [l for l in r.stdout.splitlines() if l.startswith("msgid ")][1:]
    results.append(("every string has a Japanese translation (%d missing)" % len(untranslated),
                    r.returncode == 0 and not untranslated, r.stdout[:20000]))

    r = subprocess.run(["msgattrib", "--only-fuzzy", "--no-obsolete", ja_po], capture_output=True, text=True)
    fuzzy = [l for l in r.stdout.splitlines() if l.startswith("msgid ")]
    results.append(("nothing in ja.po is fuzzy", r.returncode == 0 and not fuzzy, r.stdout[:5000]))

    r = subprocess.run(["msgfmt", "--check", "--output-file", os.devnull, ja_po], capture_output=True, text=True)
    results.append(("msgfmt --check po/ja.po", r.returncode == 0, r.stderr))

print("1..%d" % len(results))
failed = 0
for i, (name, ok, detail) in enumerate(results, 1):
    print(("ok %d %s" if ok else "not ok %d %s") % (i, name))
    if not ok:
        failed += 1
        for line in detail.splitlines():
            print("# " + line)
sys.exit(1 if failed else 0)
