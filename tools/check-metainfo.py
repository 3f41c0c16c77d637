#!/usr/bin/env python3
"""Check the AppStream metainfo as Flathub reads it.

usage: tools/check-metainfo.py METAINFO.xml SCREENSHOT_DIR

METAINFO is the merged file (with its translations). Prints TAP:
 - `appstreamcli validate --pedantic --no-net` reports nothing but the
   exceptions below, each with its reason;
 - the summary is at most 35 characters, in every language;
 - each section has a screenshot with a caption and an image in English and
   in Japanese (xml:lang="ja"), at the size declared, from the repository at
   the newest release's tag, and the file is here and small;
 - the rest Flathub asks for: releases, brand colours, links, developer,
   translation, content rating, what it provides.
"""
import os
import re
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET

LANG = "{http://www.w3.org/XML/1998/namespace}lang"
REPO_RAW = "https://raw.githubusercontent.com/sonae/sonae/"
SUMMARY_MAX = 35
SCREENSHOT_MAX_BYTES = 300 * 1024
SECTIONS = ("home", "incident-now", "manual", "contacts", "bcp")


def known_exception(issue, validator_version):
    """Why an issue the validator reports is accepted, or None."""
    tag, hint = issue.get("tag"), issue.get("hint")
    if tag == "cid-contains-uppercase-letter" and hint == "io.github.sonae.Sonae":
        return "the app id is the installed name everywhere (desktop file, D-Bus, GSettings); it cannot change"
    if tag == "unknown-tag" and hint == "developer" and validator_version < (1, 0):
        return "<developer> is AppStream 1.0 (what Flathub reads); this validator is older"
    return None


def validator_issues(path):
    out = subprocess.run(["appstreamcli", "validate", "--pedantic", "--no-net", "--format", "yaml", path],
                         capture_output=True, text=True)
    text = out.stdout
    version = tuple(int(x) for x in re.search(r"^Validator: ([\d.]+)", text, re.M).group(1).split(".")[:2])
    issues = []
    current = None
    for line in text.splitlines():
        m = re.match(r"^- tag: (.*)$", line)
        if m:
            current = {"tag": m.group(1).strip()}
            issues.append(current)
            continue
        m = re.match(r"^  (severity|hint|line): (.*)$", line)
        if m and current is not None:
            current[m.group(1)] = m.group(2).strip()
    passed = re.search(r"^Passed: yes", text, re.M) is not None
    return version, issues, passed


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", head[16:24])


def main():
    path, shots_dir = sys.argv[1], sys.argv[2]
    results = []

    def check(name, problems):
        results.append((name, problems))

    version, issues, passed = validator_issues(path)
    problems = [] if passed else ["appstreamcli says the file does not validate"]
    for issue in issues:
        why = known_exception(issue, version)
        if why is None:
            problems.append(f"{issue.get('severity')}: {issue.get('tag')} ({issue.get('hint')}, line {issue.get('line')})")
    check("appstreamcli validate --pedantic reports nothing but the known exceptions", problems)

    root = ET.parse(path).getroot()

    problems = []
    summaries = root.findall("summary")
    if not any(s.get(LANG) is None for s in summaries):
        problems.append("no summary in English")
    if not any(s.get(LANG) == "ja" for s in summaries):
        problems.append("no summary in Japanese")
    for s in summaries:
        if len(s.text or "") > SUMMARY_MAX:
            problems.append(f"the summary ({s.get(LANG) or 'en'}) is {len(s.text)} characters: {s.text}")
        if (s.text or "").endswith("."):
            problems.append(f"the summary ({s.get(LANG) or 'en'}) ends with a full stop")
    check(f"the summary has at most {SUMMARY_MAX} characters in each language", problems)

    problems = []
    releases = root.findall("releases/release")
    newest = releases[0].get("version") if releases else None
    tag = f"v{newest}"
    shots = root.findall("screenshots/screenshot")
    if len(shots) != len(SECTIONS):
        problems.append(f"{len(shots)} screenshots, not one for each of the {len(SECTIONS)} sections")
    if sum(1 for s in shots if s.get("type") == "default") != 1:
        problems.append("there must be exactly one default screenshot")
    seen = []
    for shot in shots:
        captions = shot.findall("caption")
        if not any(c.get(LANG) is None and c.text for c in captions):
            problems.append("a screenshot has no caption in English")
        if not any(c.get(LANG) == "ja" and c.text for c in captions):
            problems.append("a screenshot has no caption in Japanese")
        for c in captions:
            if len(c.text or "") > 100:
                problems.append(f"a caption is longer than 100 characters: {c.text}")
        images = shot.findall("image")
        langs = sorted(i.get(LANG) or "en" for i in images)
        if langs != ["en", "ja"]:
            problems.append(f"a screenshot's images are in {langs}, not one in English and one in Japanese")
        for image in images:
            url = (image.text or "").strip()
            name = url.rsplit("/", 1)[-1]
            if not url.startswith(f"{REPO_RAW}{tag}/data/screenshots/"):
                problems.append(f"{url} is not read from the repository at the newest release's tag {tag}")
            stem = name[:-len("-ja.png")] if name.endswith("-ja.png") else name[:-len(".png")]
            if (image.get(LANG) == "ja") != name.endswith("-ja.png"):
                problems.append(f"{name}: its language and its name do not agree")
            seen.append(stem)
            local = os.path.join(shots_dir, name)
            if not os.path.exists(local):
                problems.append(f"{name} is not in {shots_dir}")
                continue
            size = png_size(local)
            declared = (int(image.get("width", 0)), int(image.get("height", 0)))
            if size != declared:
                problems.append(f"{name} is {size}, the metainfo says {declared}")
            elif not (1.4 <= size[0] / size[1] <= 1.8 and size[0] >= 1000):
                problems.append(f"{name} is {size}: Flathub wants about 16:9 or 16:10, at least 1000 wide")
            if os.path.getsize(local) > SCREENSHOT_MAX_BYTES:
                problems.append(f"{name} is {os.path.getsize(local)} bytes: optimise it")
    for section in SECTIONS:
        if seen.count(section) != 2:
            problems.append(f"the section {section} has no screenshot in both languages")
    check("each section has a screenshot in English and in Japanese, with captions", problems)

    problems = []
    if not releases:
        problems.append("no release")
    for r in releases:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", r.get("date", "")):
            problems.append(f"release {r.get('version')} has no date")
        if r.find("description") is None:
            problems.append(f"release {r.get('version')} has no notes")
    dates = [r.get("date", "") for r in releases]
    if dates != sorted(dates, reverse=True):
        problems.append("the releases are not newest first")
    check("releases are listed newest first, each with a date and notes", problems)

    problems = []
    colours = {c.get("scheme_preference"): c.text for c in root.findall("branding/color") if c.get("type") == "primary"}
    for scheme in ("light", "dark"):
        if not re.fullmatch(r"#[0-9a-fA-F]{6}", colours.get(scheme) or ""):
            problems.append(f"no {scheme} brand colour")
    urls = {u.get("type"): u.text for u in root.findall("url")}
    for kind in ("homepage", "bugtracker", "vcs-browser"):
        if not (urls.get(kind) or "").startswith("https://"):
            problems.append(f"no {kind} link")
    translation = root.find("translation")
    if translation is None or translation.get("type") != "gettext" or translation.text != "sonae":
        problems.append('no <translation type="gettext">sonae</translation>')
    developer = root.find("developer")
    if developer is None or not developer.get("id") or developer.find("name") is None:
        problems.append("no developer with an id and a name")
    if root.find("content_rating[@type='oars-1.1']") is None:
        problems.append("no OARS content rating")
    if [b.text for b in root.findall("provides/binary")] != ["sonae"]:
        problems.append("it does not say it provides the binary sonae")
    if root.find("launchable[@type='desktop-id']") is None:
        problems.append("no launchable desktop file")
    check("brand colours, links, developer, translation, content rating, binary", problems)

    problems = []
    description = root.find("description")
    text = " ".join(e.text or "" for e in (description.iter() if description is not None else [])
                    if e.tag in ("p", "li") and e.get(LANG) is None)
    words = ("clinic", "small business", "what to do now", "whom to call", "checklist", "manual",
             "report", "business-continuity", "print", "without a network")
    for w in words:
        if w not in text.lower():
            problems.append(f"the description does not say “{w}”")
    check("the description says what Sonae does for a clinic and a small business", problems)

    print(f"1..{len(results)}")
    for i, (name, problems) in enumerate(results, 1):
        for p in problems:
            print(f"# {p}")
        print(f"{'ok' if not problems else 'not ok'} {i} {name}")
    for issue in issues:
        why = known_exception(issue, version)
        if why is not None:
            print(f"# accepted: {issue.get('tag')} ({issue.get('hint')}): {why}")
    return 1 if any(p for _, p in results) else 0


if __name__ == "__main__":
    sys.exit(main())
