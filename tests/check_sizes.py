#!/usr/bin/env python3
"""check_sizes.py - the size limits of issue 15 (docs/ARCHITECTURE.md):
no C source file of the analyzer or the rules over 1,000 lines and no
function over 150 lines (generated tables excepted: they are not in the
tree). Prints every file and function over the limit, with its length,
and exits 1 if there is one not listed in ALLOWED below (each entry there
is a known debt with its reason; remove it when it is paid).

A function is found the way the code is laid out (STYLE.md): a
definition's signature starts at column 0 and ends in `{` after a `)`
(possibly over a few lines), and its body ends at the next `}` in
column 0.

  SRC_DIR=. python3 tests/check_sizes.py [--list]
"""
import os
import re
import sys

FILE_LIMIT = 1000
FUNC_LIMIT = 150
ROOTS = ("analyzer", "rules")

# (path, function or None for the file): why it is still over
ALLOWED = {
}

HEAD = re.compile(r"^[A-Za-z_][A-Za-z0-9_ \t*]*\b([A-Za-z_][A-Za-z0-9_]*)\s*\(")


def functions(lines):
    """(name, first line, length) of each function definition."""
    i = 0
    while i < len(lines):
        m = HEAD.match(lines[i])
        if not m or lines[i].rstrip().endswith(";"):
            i += 1
            continue
        # the signature may span lines: up to the first line ending in `{`
        # (a definition) or `;` (a declaration)
        j = i
        while j < len(lines) and j - i < 12 and not lines[j].rstrip().endswith(("{", ";")):
            j += 1
        if j >= len(lines) or not lines[j].rstrip().endswith("{") or "=" in "".join(lines[i:j + 1]):
            i += 1
            continue
        k = j + 1
        while k < len(lines) and not lines[k].startswith("}"):
            k += 1
        yield m.group(1), i + 1, k - i + 1
        i = k + 1


def main():
    top = os.environ.get("SRC_DIR", os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    over, unknown = [], []
    for root in ROOTS:
        for d, _, files in os.walk(os.path.join(top, root)):
            for f in sorted(files):
                if not f.endswith(".c"):
                    continue
                path = os.path.join(d, f)
                rel = os.path.relpath(path, top)
                lines = open(path, encoding="utf-8", errors="replace").read().split("\n")
                n = len(lines) - (1 if lines and lines[-1] == "" else 0)
                if n > FILE_LIMIT:
                    over.append((rel, None, n))
                for name, first, length in functions(lines):
                    if length > FUNC_LIMIT:
                        over.append((rel, name, length))
    for rel, name, n in sorted(over, key=lambda o: (o[0], o[1] or "", o[2])):
        key = (rel, name)
        what = "%s:%s()" % (rel, name) if name else rel
        limit = FUNC_LIMIT if name else FILE_LIMIT
        tag = "allowed: " + ALLOWED[key] if key in ALLOWED else "OVER"
        print("%-60s %5d lines (limit %d) %s" % (what, n, limit, tag))
        if key not in ALLOWED:
            unknown.append(what)
    stale = [k for k in ALLOWED if k not in {(r, nm) for r, nm, _ in over}]
    for rel, name in stale:
        print("stale ALLOWED entry (now within the limit, remove it): %s %s" % (rel, name or ""))
    print("%d over the limits, %d not allowed, %d stale allowances" % (len(over), len(unknown), len(stale)))
    return 1 if unknown or stale else 0


if __name__ == "__main__":
    sys.exit(main())
