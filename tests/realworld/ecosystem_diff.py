#!/usr/bin/env python3
"""ecosystem_diff.py LABEL SRC BASE.json NEW.json - the findings of a code
base that a change added (+) and removed (-), and the counts per rule, as
ruff's ecosystem check prints them. A finding is the same in both reports
when rule, path, line and message are equal (paths relative to SRC)."""
import collections
import json
import os
import sys


def load(path, src):
    with open(path, encoding="utf-8") as f:
        report = json.load(f)
    out = collections.Counter()
    # paths are absolute or relative to the report's root (the scanned
    # directory outside git; where racelint ran when the report has none):
    # make them relative to the code base so both compare
    root = report.get("root") or os.getcwd()
    for f in report["findings"]:
        rel = os.path.relpath(os.path.join(root, f["path"]), src)
        line = f["range"]["start"]["line"]
        out[(f["ruleId"], rel, line, f["message"])] += 1
    return out


def main():
    label, src, base_path, new_path = sys.argv[1:5]
    src = os.path.abspath(src)
    base, new = load(base_path, src), load(new_path, src)
    rules = sorted({k[0] for k in base} | {k[0] for k in new})
    print(f"## {label}")
    counts = []
    for r in rules:
        b = sum(v for k, v in base.items() if k[0] == r)
        n = sum(v for k, v in new.items() if k[0] == r)
        counts.append(f"{r} {b}" + (f" -> {n}" if n != b else ""))
    print("rules: " + (", ".join(counts) if counts else "no findings"))
    added = new - base
    removed = base - new
    for sign, diff in (("+", added), ("-", removed)):
        for (rule, rel, line, msg), n in sorted(diff.items()):
            for _ in range(n):
                print(f"{sign} {rel}:{line} [{rule}] {msg}")
    if not added and not removed:
        print("(no change)")
    print()


if __name__ == "__main__":
    main()
