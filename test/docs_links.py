#!/usr/bin/env python3
# Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
"""Checks every relative link of the repository's Markdown: the file must exist and a
#fragment must name one of its headings, spelled as GitHub spells heading anchors.

Usage: docs_links.py ROOT. Checks ROOT/*.md and ROOT/docs/*.md; prints each broken link as
file:line: target and exits 1 if there is any. Links to http(s) and mailto are not
followed: the check must not depend on the network.

The guides link to each other's sections by anchor; a renamed heading or a moved section
breaks such a link silently on GitHub, so the test suite (docs.links) runs this.
"""

import re
import sys
from pathlib import Path

FENCE = re.compile(r"^\s*(```|~~~)")
CODE_SPAN = re.compile(r"(`+)(.+?)\1")
# [text](target) or [text](target "title"); text may hold one level of brackets.
LINK = re.compile(r"\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def prose_lines(text):
    """(line number, line) outside fenced code blocks, with code spans blanked."""
    in_fence = None
    for number, line in enumerate(text.splitlines(), 1):
        fence = FENCE.match(line)
        if fence:
            if in_fence is None:
                in_fence = fence.group(1)
            elif fence.group(1) == in_fence:
                in_fence = None
            continue
        if in_fence is None:
            yield number, line


def slug(heading):
    """GitHub's anchor for a heading: its text, lower case, spaces as hyphens, and only
    letters, digits, hyphens and underscores kept."""
    text = LINK.sub(lambda m: m.group(0)[1 : m.group(0).index("](")], heading)
    text = CODE_SPAN.sub(lambda m: m.group(2), text)
    text = text.replace("*", "")
    out = []
    for ch in text.strip().lower():
        if ch.isalnum() or ch in "-_":
            out.append(ch)
        elif ch == " ":
            out.append("-")
    return "".join(out)


def anchors(path, cache={}):
    if path not in cache:
        seen = {}
        found = set()
        for _, line in prose_lines(path.read_text(encoding="utf-8")):
            m = HEADING.match(line)
            if not m:
                continue
            base = slug(m.group(2))
            # A repeated heading gets -1, -2, ... in order, as on GitHub.
            count = seen.get(base, 0)
            seen[base] = count + 1
            found.add(base if count == 0 else f"{base}-{count}")
        cache[path] = found
    return cache[path]


def check(root, path, counted):
    problems = []
    text = path.read_text(encoding="utf-8")
    for number, line in prose_lines(text):
        line = CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
        for m in LINK.finditer(line):
            target = m.group(1)
            if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I):
                continue  # http:, https:, mailto:
            counted.append(target)
            file_part, _, fragment = target.partition("#")
            dest = (path.parent / file_part).resolve() if file_part else path
            where = f"{path.relative_to(root)}:{number}: {target}"
            if not dest.exists():
                problems.append(f"{where}: no such file")
            elif fragment:
                if dest.suffix != ".md" or dest.is_dir():
                    problems.append(f"{where}: an anchor into a file that is not Markdown")
                elif fragment not in anchors(dest):
                    problems.append(f"{where}: no heading with this anchor in {dest.name}")
    return problems


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    root = Path(sys.argv[1]).resolve()
    files = sorted(root.glob("*.md")) + sorted((root / "docs").glob("*.md"))
    links = []
    problems = [p for f in files for p in check(root, f, links)]
    for p in problems:
        print(p)
    print(f"docs_links: {len(links)} relative links in {len(files)} files, {len(problems)} broken")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
