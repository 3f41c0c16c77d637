#!/usr/bin/env python3
"""Check that a release's version is the same everywhere it is written:
meson.build (given by meson as the first argument), the newest entry of
debian/changelog (its upstream part: a Debian revision such as -1 may follow)
and the newest heading of NEWS ("Sonae X.Y.Z (YYYY-MM-DD)").

    check-version.py VERSION SOURCE_ROOT

Prints TAP."""
import os
import re
import sys

if len(sys.argv) != 3:
    print("usage: check-version.py VERSION SOURCE_ROOT", file=sys.stderr)
    sys.exit(2)
version, root = sys.argv[1], sys.argv[2]


def changelog_version():
    with open(os.path.join(root, "debian", "changelog"), encoding="utf-8") as f:
        first = f.readline()
    m = re.match(r"^sonae \(([^)\s]+)\) ", first)
    if not m:
        return None, "debian/changelog does not start with an entry of the package sonae: %r" % first
    full = m.group(1)
    upstream = full.split(":", 1)[-1]
    upstream = re.sub(r"-[^-]+$", "", upstream)
    return upstream, "debian/changelog's newest entry is %s" % full


def news_version():
    with open(os.path.join(root, "NEWS"), encoding="utf-8") as f:
        for line in f:
            if line.strip():
                m = re.match(r"^Sonae (\S+) \(\d{4}-\d{2}-\d{2}\)$", line.rstrip("\n"))
                if not m:
                    return None, "NEWS does not start with a heading like 'Sonae X.Y.Z (YYYY-MM-DD)': %r" % line
                return m.group(1), "NEWS's newest heading is for %s" % m.group(1)
    return None, "NEWS is empty"


checks = [("debian/changelog", changelog_version), ("NEWS", news_version)]
print("1..%d" % len(checks))
failed = False
for n, (name, read) in enumerate(checks, start=1):
    found, said = read()
    if found == version:
        print("ok %d %s says %s, as meson.build does" % (n, name, version))
    else:
        failed = True
        print("# %s; meson.build says %s" % (said, version))
        print("not ok %d %s is not at version %s" % (n, name, version))
sys.exit(1 if failed else 0)
