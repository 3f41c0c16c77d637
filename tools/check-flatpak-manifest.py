#!/usr/bin/env python3
"""Check the Flatpak manifest against what Flathub asks and what Sonae needs.

usage: tools/check-flatpak-manifest.py MANIFEST [--release]

Prints TAP. Each check is one test:
 - it parses and names the app, the GNOME runtime (a version still supported:
   MIN_RUNTIME or newer) and its SDK, and the command;
 - least privilege: finish-args only from ALLOWED (every file goes through the
   file chooser portal, notifications and reminders at login through their
   portals);
 - the sources can be fetched again and checked by anyone: no type "dir";
   git sources name a tag and a commit; archives and files have a sha256;
 - the Japanese font of the PDFs is bundled with its checksum;
 - Sonae itself is the last module, built with meson, without its tests and
   with libportal.
With --release, the placeholder commit is refused too: the commit of the
release tag must be filled in once the tag exists.
"""
import json
import re
import sys

APP_ID = "io.github.sonae.Sonae"
# The GNOME runtimes are supported for a year: 49 ended with 51's release
# (2026-09), 50 is supported until 52's (2027-03).
MIN_RUNTIME = 50
# Why each one is there is said in the manifest's x-finish-args-why.
ALLOWED = {"--socket=wayland", "--socket=fallback-x11", "--share=ipc", "--device=dri"}
PLACEHOLDER_COMMIT = "0" * 40
FONT_FILES = ("NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc")


def modules_of(node):
    for module in node.get("modules", []):
        if isinstance(module, str):
            # A module in a file of its own: Flathub accepts it, but this
            # manifest keeps everything in one place so that it is checked.
            yield {"name": module, "sources": [{"type": "unchecked-file", "path": module}]}
            continue
        yield module
        yield from modules_of(module)


def run_checks(manifest, release):
    """[(check name, [problems])] for @manifest (parsed)."""
    results = []

    def check(name, problems):
        results.append((name, problems))

    problems = []
    if (manifest.get("id") or manifest.get("app-id")) != APP_ID:
        problems.append(f"the id is not {APP_ID}")
    if manifest.get("command") != "sonae":
        problems.append("the command is not sonae")
    check("the manifest names the app and its command", problems)

    problems = []
    if manifest.get("runtime") != "org.gnome.Platform":
        problems.append("the runtime is not org.gnome.Platform")
    if manifest.get("sdk") != "org.gnome.Sdk":
        problems.append("the sdk is not org.gnome.Sdk")
    version = str(manifest.get("runtime-version", ""))
    if not re.fullmatch(r"\d+", version):
        problems.append(f"runtime-version {version!r} is not a stable GNOME release")
    elif int(version) < MIN_RUNTIME:
        problems.append(f"runtime-version {version} is older than {MIN_RUNTIME}, the oldest GNOME runtime still supported")
    check(f"the GNOME runtime is {MIN_RUNTIME} or newer", problems)

    problems = []
    finish_args = manifest.get("finish-args", [])
    for arg in finish_args:
        if arg not in ALLOWED:
            if arg.startswith("--filesystem"):
                why = "files go through the file chooser portal"
            elif arg == "--talk-name=org.freedesktop.Notifications":
                why = "libnotify in the runtime uses the notification portal"
            elif arg.startswith("--share=network"):
                why = "Sonae never uses the network"
            elif arg == "--socket=x11":
                why = "use --socket=fallback-x11, so that a Wayland session gives no X11 access"
            else:
                why = "not needed"
            problems.append(f"{arg}: {why}")
    for needed in ("--socket=wayland", "--socket=fallback-x11"):
        if needed not in finish_args:
            problems.append(f"{needed} is missing: the window needs it")
    why = manifest.get("x-finish-args-why", {})
    for arg in finish_args:
        if arg not in why:
            problems.append(f"{arg} is not explained in x-finish-args-why")
    check("finish-args ask for nothing a portal gives, nor the network", problems)

    modules = list(modules_of(manifest))
    sources = [(m.get("name", "?"), s) for m in modules for s in m.get("sources", [])]

    problems = [f"{name}: a {s.get('type')} source ({s.get('path')}) cannot be fetched by Flathub"
                for name, s in sources if s.get("type") in ("dir", "unchecked-file")]
    for m in modules:
        if m.get("name") == "sonae" and not any(s.get("type") in ("git", "archive") for s in m.get("sources", [])):
            problems.append("sonae: its source is neither a release tag (git) nor a release archive")
    check("no source is a local folder", problems)

    problems = []
    for name, s in sources:
        if s.get("type") != "git":
            continue
        if not s.get("url", "").startswith("https://"):
            problems.append(f"{name}: the git url is not https")
        if not s.get("tag"):
            problems.append(f"{name}: the git source names no tag")
        commit = s.get("commit", "")
        if not re.fullmatch(r"[0-9a-f]{40}", commit):
            problems.append(f"{name}: the git source names no commit (40 hex digits)")
        elif commit == PLACEHOLDER_COMMIT and release:
            problems.append(f"{name}: the commit is still the placeholder: fill in the commit of tag {s.get('tag')}")
        if s.get("branch"):
            problems.append(f"{name}: a branch moves; name the tag and its commit")
    check("git sources name a tag and its commit", problems)

    problems = []
    for name, s in sources:
        if s.get("type") not in ("archive", "file"):
            continue
        if not s.get("url", "").startswith("https://"):
            problems.append(f"{name}: the {s.get('type')} is not fetched over https")
        if not re.fullmatch(r"[0-9a-f]{64}", s.get("sha256", "")):
            problems.append(f"{name}: the {s.get('type')} has no sha256")
    check("archives and files have a sha256", problems)

    problems = []
    fonts = [m for m in modules if any("noto-cjk" in s.get("url", "") for s in m.get("sources", []))]
    if not fonts:
        problems.append("no module bundles Noto Sans CJK (the PDFs are set in Noto Sans CJK JP)")
    for m in fonts:
        commands = " ".join(m.get("build-commands", []))
        for font in FONT_FILES:
            if font not in commands:
                problems.append(f"{m.get('name')}: {font} is not installed")
        if "/app/share/fonts" not in commands:
            problems.append(f"{m.get('name')}: the fonts are not installed under /app/share/fonts")
        for s in m.get("sources", []):
            if not re.fullmatch(r"[0-9a-f]{64}", s.get("sha256", "")):
                problems.append(f"{m.get('name')}: {s.get('url')} has no sha256")
    check("the Japanese font of the PDFs is bundled with its checksum", problems)

    problems = []
    runtime_ships_libportal = version.isdigit() and int(version) >= 43
    if not runtime_ships_libportal and not any(m.get("name") == "libportal" for m in modules):
        problems.append("the runtime has no libportal and no module builds it")
    last = (manifest.get("modules") or [{}])[-1]
    if not isinstance(last, dict) or last.get("name") != "sonae" or last.get("buildsystem") != "meson":
        problems.append("the last module must build sonae with meson")
    else:
        opts = last.get("config-opts", [])
        if "-Dtests=false" not in opts:
            problems.append("sonae is built with its tests (-Dtests=false)")
        if "-Dlibportal=enabled" not in opts:
            problems.append("sonae is built without requiring libportal (-Dlibportal=enabled): reminders at login need it")
    check("Sonae is built last, with meson and libportal", problems)
    return results


def sonae_module(m):
    return next(x for x in m["modules"] if x.get("name") == "sonae")


def font_module(m):
    return next(x for x in m["modules"] if x.get("name") != "sonae")


# Each one breaks one rule; the checks must catch every one.
BREAKAGES = {
    "an old runtime": lambda m: m.update({"runtime-version": "47"}),
    "a moving runtime": lambda m: m.update({"runtime-version": "master"}),
    "the home folder": lambda m: m["finish-args"].append("--filesystem=home"),
    "removable disks": lambda m: m["finish-args"].append("--filesystem=/media"),
    "gvfs": lambda m: m["finish-args"].append("--filesystem=xdg-run/gvfsd"),
    "the notification bus name": lambda m: m["finish-args"].append("--talk-name=org.freedesktop.Notifications"),
    "the network": lambda m: m["finish-args"].append("--share=network"),
    "plain X11": lambda m: m["finish-args"].append("--socket=x11"),
    "a local folder": lambda m: sonae_module(m).update({"sources": [{"type": "dir", "path": ".."}]}),
    "a git source without its commit": lambda m: sonae_module(m)["sources"][0].pop("commit"),
    "a git source without a tag": lambda m: sonae_module(m)["sources"][0].pop("tag"),
    "a branch": lambda m: sonae_module(m)["sources"][0].update({"branch": "main"}),
    "an archive without its sha256": lambda m: font_module(m)["sources"][0].pop("sha256"),
    "no font": lambda m: m["modules"].remove(font_module(m)),
    "the font without its bold": lambda m: font_module(m).update(
        {"build-commands": ["install -Dm644 -t /app/share/fonts NotoSansCJK-Regular.ttc"]}),
    "the tests built": lambda m: sonae_module(m)["config-opts"].remove("-Dtests=false"),
    "no libportal": lambda m: sonae_module(m)["config-opts"].remove("-Dlibportal=enabled"),
}


def self_test(manifest):
    """The names of the breakages the checks let through."""
    missed = []
    for name, breakage in BREAKAGES.items():
        broken = json.loads(json.dumps(manifest))
        breakage(broken)
        if not any(problems for _, problems in run_checks(broken, False)):
            missed.append(name)
    return missed


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    release = "--release" in sys.argv[1:]
    try:
        with open(args[0], encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        print("1..1")
        print(f"not ok 1 the manifest parses # {e}")
        return 1

    results = run_checks(manifest, release)
    try:
        missed = self_test(manifest)
    except (KeyError, StopIteration, ValueError, IndexError) as e:
        missed = [f"the manifest no longer has the shape the self-test breaks ({e!r})"]
    results.append(("the checks catch each broken manifest", [f"not caught: {m}" for m in missed]))

    print(f"1..{len(results)}")
    for i, (name, problems) in enumerate(results, 1):
        for p in problems:
            print(f"# {p}")
        print(f"{'ok' if not problems else 'not ok'} {i} {name}")
    for m in modules_of(manifest):
        for s in m.get("sources", []):
            if s.get("type") == "git" and s.get("commit") == PLACEHOLDER_COMMIT and not release:
                print(f"# note: {m.get('name')}'s commit is a placeholder until the tag {s.get('tag')} exists "
                      "(--release refuses it)")
    return 1 if any(p for _, p in results) else 0


if __name__ == "__main__":
    sys.exit(main())
