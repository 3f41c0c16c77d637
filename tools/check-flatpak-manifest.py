#!/usr/bin/env python3
"""Check the Flatpak manifest: it parses, names the app and the GNOME runtime,
builds this tree with meson, and grants no network access."""
import json
import sys

path = sys.argv[1]
with open(path, encoding="utf-8") as f:
    manifest = json.load(f)

errors = []
if manifest.get("app-id") != "io.github.sonae.Sonae":
    errors.append("app-id is not io.github.sonae.Sonae")
if manifest.get("runtime") != "org.gnome.Platform":
    errors.append("runtime is not org.gnome.Platform")
if manifest.get("sdk") != "org.gnome.Sdk":
    errors.append("sdk is not org.gnome.Sdk")
if manifest.get("command") != "sonae":
    errors.append("command is not sonae")
if any("network" in arg for arg in manifest.get("finish-args", [])):
    errors.append("the manifest grants network access")
modules = manifest.get("modules", [])
if not modules or modules[-1].get("name") != "sonae" or modules[-1].get("buildsystem") != "meson":
    errors.append("the last module must build sonae with meson")
for e in errors:
    print("not ok:", e)
print("1..1")
print("ok 1 flatpak manifest" if not errors else "not ok 1 flatpak manifest")
sys.exit(1 if errors else 0)
