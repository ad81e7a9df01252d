#!/usr/bin/env python3
"""Copies the regions of docs/snippets/ into the C++ blocks of README.md and docs/*.md that name
them (<!-- snippet: FILE NAME [NAME...] --> on the line above the block). tst_doc_snippets
checks the same thing in ctest; this only saves typing after a snippet changed."""
import pathlib
import re

root = pathlib.Path(__file__).resolve().parent.parent
marker = re.compile(r"^<!-- snippet: ([\w.-]+) ([\w -]+) -->$")


def region(text, name):
    lines = text.split("\n")
    at = [i for i, line in enumerate(lines) if line.strip() == f"//! [{name}]"]
    if len(at) != 2:
        raise SystemExit(f"no region [{name}]")
    body = lines[at[0] + 1:at[1]]
    indent = min((len(l) - len(l.lstrip(" ")) for l in body if l.strip()), default=0)
    return "\n".join(l[indent:] for l in body)


for md in [root / "README.md", *sorted((root / "docs").glob("*.md"))]:
    lines = md.read_text().split("\n")
    out, i = [], 0
    while i < len(lines):
        out.append(lines[i])
        m = marker.match(lines[i].strip())
        if m and i + 1 < len(lines) and lines[i + 1].strip() == "```cpp":
            text = (root / "docs" / "snippets" / m.group(1)).read_text()
            out.append("```cpp")
            out.extend("\n\n".join(region(text, n) for n in m.group(2).split()).split("\n"))
            i += 2
            while lines[i].strip() != "```":
                i += 1
            out.append("```")
        i += 1
    md.write_text("\n".join(out))
