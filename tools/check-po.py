#!/usr/bin/env python3
"""Fail when po/ja.po is not complete for the current sources: every
translatable string of every file in po/POTFILES.in must have a Japanese
translation that is neither empty nor fuzzy, and msgfmt --check must pass.
Prints TAP."""
import os
import re
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

# --- the wording of the Japanese: what a checker can see ---------------------


def unquote(text):
    out = []
    i = 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            i += 1
            out.append({"n": "\n", "t": "\t", '"': '"', "\\": "\\"}.get(text[i], "\\" + text[i]))
        else:
            out.append(c)
        i += 1
    return "".join(out)


def read_messages(path):
    """The translated messages of a .po file: (msgctxt, msgid, [msgstr, …])."""
    r = subprocess.run(["msgcat", "--no-wrap", "--no-location", path], capture_output=True, text=True)
    messages = []
    current = {}
    key = None

    def flush():
        if "msgid" in current and current["msgid"]:
            strs = [v for k, v in sorted(current.items()) if k.startswith("msgstr")]
            messages.append((current.get("msgctxt"), current["msgid"], strs))

    for line in r.stdout.splitlines():
        if line.startswith("#"):
            continue
        if line.startswith(("msgctxt ", "msgid ")) and not line.startswith("msgid_plural"):
            if line.startswith("msgctxt ") or "msgctxt" not in current or "msgid" in current:
                flush()
                current = {}
        if line.startswith('"'):
            current[key] += unquote(line[1:-1])
            continue
        if " " not in line:
            continue
        key, value = line.split(" ", 1)
        current[key] = unquote(value[1:-1])
    flush()
    return messages


messages = read_messages(ja_po)

# Japanese puts the full-width colon “：” after a label, as in 「状態：対応中」.
# An ASCII colon is a mistake when it ends the text or is followed by a space,
# or when it comes right after a Japanese character; quoted text 「…」 is
# literal (a vCard's NAME:VALUE) and is left alone. The command line's
# messages may start with the program's name, "sonae: ", as every Unix
# program's do.
QUOTED = re.compile("「[^「」]*」")
colons = []
for ctxt, msgid, strs in messages:
    for msgstr in strs:
        text = QUOTED.sub("「」", msgstr)
        if text.startswith("sonae: "):
            text = text[len("sonae: "):]
        for m in re.finditer(":", text):
            before = text[m.start() - 1] if m.start() > 0 else ""
            after = text[m.end()] if m.end() < len(text) else ""
            if after in ("", " ", "\n") or (before and ord(before) > 0x7f):
                colons.append("%s\n  %s" % (msgid, msgstr))
                break
        if "： " in msgstr:
            colons.append("%s\n  %s" % (msgid, msgstr))
results.append(("the Japanese separates a label with a full-width colon (%d with an ASCII one)" % len(colons),
                not colons, "\n".join(colons)))

# A mnemonic: Japanese writes it as “(_X)” after the label (before “…”),
# with the letter of the English label, so that a menu whose English
# mnemonics differ has different ones in Japanese too.
MNEMONIC = re.compile(r"(?:^|[^A-Za-z0-9_])_([A-Za-z0-9])|[A-Za-z]_([a-z])")
mnemonics = []
for ctxt, msgid, strs in messages:
    m = MNEMONIC.search(msgid)
    if m is None:
        continue
    letter = (m.group(1) or m.group(2)).upper()
    for msgstr in strs:
        form = re.fullmatch(r"[^_]*\(_([A-Z0-9])\)(…)?", msgstr)
        if form is None or form.group(1) != letter or "…(_" in msgstr:
            mnemonics.append("%s\n  %s (want “(_%s)” at the end, before any “…”)" % (msgid, msgstr, letter))
results.append(("every Japanese mnemonic is “(_X)” with the English letter (%d are not)" % len(mnemonics),
                not mnemonics, "\n".join(mnemonics)))

# The application is called Sonae in every language, never 備え: outside
# quotes (「備え」 may explain the name), 備え is only the verb 備える.
NOUN = re.compile("備え(?![るてたまらずなよれ])")
names = []
for ctxt, msgid, strs in messages:
    for msgstr in strs:
        if NOUN.search(QUOTED.sub("「」", msgstr)):
            names.append("%s\n  %s" % (msgid, msgstr))
results.append(("the Japanese calls the application Sonae, not 備え (%d do)" % len(names),
                not names, "\n".join(names)))

# A drill is marked 訓練 in Japanese (or 【訓練】), never with the English
# word beside it as in 「訓練（DRILL）」.
drill_words = []
for ctxt, msgid, strs in messages:
    for msgstr in strs:
        if re.search(r"DRILL|Drill\b", msgstr):
            drill_words.append("%s\n  %s" % (msgid, msgstr))
results.append(("the Japanese marks a drill 訓練, without the English word (%d do not)" % len(drill_words),
                not drill_words, "\n".join(drill_words)))

# One word for a deputy everywhere, on screen and on paper: 代理 (副 is
# left to titles such as 副院長).
deputies = []
for ctxt, msgid, strs in messages:
    for msgstr in strs:
        if re.search(r"\bdeput(y|ies)\b", msgid, re.I) and ("代理" not in msgstr or re.search("副(?!院長|作用)", msgstr)):
            deputies.append("%s\n  %s" % (msgid, msgstr))
        elif re.search(r"副\s*(%[ud]|[0-9０-９])", msgstr):
            deputies.append("%s\n  %s" % (msgid, msgstr))
results.append(("a deputy is 代理 everywhere, never 副 (%d are not)" % len(deputies),
                not deputies, "\n".join(deputies)))

# A label and its value joined in C ("%s: %s") reach the user untranslated,
# with an ASCII colon in Japanese: such a format must go through _(), as
# 「%s：%s」 is how Japanese writes it. Messages for the log and for
# developers (g_warning, g_printerr …) are left alone.
JOINED = re.compile(r'"[^"\n]*(%s: |: %s)[^"\n]*"')
LOGGED = re.compile(r"\bg_(warning|critical|error|debug|message|info|printerr|print|test_message|assert\w*)\b|"
                    r"\bg_return\w*|\bfprintf\b|(?<!\w)printf\b")
TRANSLATED = re.compile(r"(\b_|\bN_|\bC_|\bNC_|ngettext|g_dngettext|g_dpgettext2)\s*\([^()]*$")
joined = []
for dirpath, _, names_ in os.walk(os.path.join(root, "app")):
    for name in names_:
        if not name.endswith(".c"):
            continue
        path = os.path.join(dirpath, name)
        with open(path, encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
        for number, line in enumerate(lines):
            for m in JOINED.finditer(line):
                before = "\n".join(lines[max(0, number - 2):number] + [line[:m.start()]])
                if TRANSLATED.search(before.replace("\n", " ")) or LOGGED.search(before.splitlines()[-1] if before else ""):
                    continue
                if LOGGED.search(" ".join(lines[max(0, number - 2):number + 1])):
                    continue
                # the plural of a g_dngettext () a line or two above
                if re.search(r"\b(g_d?n?gettext|ngettext)\b", " ".join(lines[max(0, number - 3):number])):
                    continue
                joined.append("%s:%d: %s" % (os.path.relpath(path, root), number + 1, line.strip()))
results.append(("every label joined to its value in C is translatable (%d are not)" % len(joined),
                not joined, "\n".join(joined)))

print("1..%d" % len(results))
failed = 0
for i, (name, ok, detail) in enumerate(results, 1):
    print(("ok %d %s" if ok else "not ok %d %s") % (i, name))
    if not ok:
        failed += 1
        for line in detail.splitlines():
            print("# " + line)
sys.exit(1 if failed else 0)
