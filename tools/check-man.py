#!/usr/bin/env python3
"""The manual pages sonae(1), in English and in Japanese. Prints TAP:
- every option that `sonae --help-all` prints is in each page;
- every document that `sonae --list-documents` names is in each page;
- each page renders without a warning: `man -l --warnings` (MANWIDTH=80) and
  `groff -ww -z -man -Kutf8 -Tutf8`, when they are installed.
usage: check-man.py SONAE_BINARY PAGE..."""
import os
import re
import shutil
import subprocess
import sys

sonae = sys.argv[1]
pages = sys.argv[2:]
results = []
env = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="en")
env.pop("DISPLAY", None)
env.pop("WAYLAND_DISPLAY", None)


def result(name, ok, detail=""):
    results.append((name, ok, detail, None))


def skip(name, why):
    results.append((name, True, "", why))


def plain(text):
    """The page's text without troff's escapes, as a reader sees the words."""
    text = re.sub(r"\\f(\[[^]]*\]|\(..|.)", "", text)
    text = text.replace("\\-", "-").replace("\\:", "").replace("\\&", "").replace("\\%", "")
    return text


help_all = subprocess.run([sonae, "--help-all"], capture_output=True, text=True, env=env)
result("sonae --help-all runs", help_all.returncode == 0, help_all.stderr)
options = []
for line in help_all.stdout.splitlines():
    m = re.match(r"^\s+((?:-\w, )?--[\w-]+)", line)
    if m:
        options.extend(o.strip() for o in m.group(1).split(","))
result("sonae --help-all prints its options", len(options) > 10, help_all.stdout)

documents = subprocess.run([sonae, "--list-documents"], capture_output=True, text=True, env=env)
names = [line.split()[0] for line in documents.stdout.splitlines() if line.strip()]
result("sonae --list-documents names the documents", documents.returncode == 0 and len(names) > 5,
       documents.stdout + documents.stderr)

for page in pages:
    label = os.path.relpath(page, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    with open(page, encoding="utf-8") as f:
        text = plain(f.read())
    missing = [o for o in options if not re.search(r"(?<![\w-])%s(?![\w-])" % re.escape(o), text)]
    result("%s: every option of sonae --help-all is described" % label, not missing,
           "missing: " + " ".join(missing))
    missing = [n for n in names if not re.search(r"(?<![\w-])%s(?![\w-])" % re.escape(n), text)]
    result("%s: every document of sonae --list-documents is described" % label, not missing,
           "missing: " + " ".join(missing))

    if shutil.which("man"):
        r = subprocess.run(["man", "-l", "--warnings", page], capture_output=True, text=True,
                           env=dict(env, MANWIDTH="80", MAN_KEEP_FORMATTING="0", MANPAGER="cat", PAGER="cat"))
        result("%s: man -l --warnings renders it without a warning" % label,
               r.returncode == 0 and not r.stderr.strip() and len(r.stdout) > 1000, r.stderr)
    else:
        skip("%s: man -l --warnings renders it without a warning" % label, "man is not installed (Debian: man-db)")
    if shutil.which("groff"):
        r = subprocess.run(["groff", "-ww", "-z", "-man", "-Kutf8", "-Tutf8", page], capture_output=True, text=True,
                           env=env)
        result("%s: groff -ww renders it without a warning" % label, r.returncode == 0 and not r.stderr.strip(),
               r.stderr)
    else:
        skip("%s: groff -ww renders it without a warning" % label, "groff is not installed (Debian: groff-base)")

print("1..%d" % len(results))
failed = 0
for i, (name, ok, detail, why) in enumerate(results, 1):
    if why is not None:
        print("ok %d - %s # SKIP %s" % (i, name, why))
        continue
    print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
    if not ok:
        failed += 1
        for line in str(detail).strip().splitlines():
            print("# " + line)
sys.exit(1 if failed else 0)
