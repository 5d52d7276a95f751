#!/usr/bin/env python3
"""examples/: every `BUG:` comment has a finding within the next 12 lines
(or on its line), every rule has an instance in the buggy examples, and
each fixed twin (examples/<name>-fixed/) scans clean.

usage: check_examples.py RACELINT SRC_DIR
"""
import json, os, re, subprocess, sys

racelint, src = sys.argv[1], sys.argv[2]
ex = os.path.join(src, "examples")
passes = fails = 0
def check(ok, what):
    global passes, fails
    if ok: passes += 1
    else: fails += 1; print("FAIL:", what)

def scan(path):
    r = subprocess.run([racelint, "--no-cache", "--format", "json", "--fail-on", "none", path],
                       capture_output=True, text=True)
    return json.loads(r.stdout)["findings"]

buggy = sorted(d for d in os.listdir(ex) if os.path.isdir(os.path.join(ex, d)) and not d.endswith("-fixed"))
seen_rules = set()
for d in buggy:
    root = os.path.join(ex, d)
    findings = scan(root)
    # primary and related locations: a cross-file finding (a lock-order
    # cycle) explains BUG comments in both files
    by_file = {}
    def where(path):
        return path if path.startswith("/") else os.path.normpath(os.path.join(src, path))
    for f in findings:
        seen_rules.add(f["ruleId"])
        by_file.setdefault(where(f["path"]), []).append(f["range"]["start"]["line"])
        for r in f.get("related", []):
            by_file.setdefault(where(r["path"]), []).append(r["range"]["start"]["line"])
    for dirpath, _, files in os.walk(root):
        for name in files:
            p = os.path.join(dirpath, name)
            if not re.search(r"\.(c|h|js|mjs|ts|tsx)$", name):
                continue
            lines = open(p, encoding="utf-8", errors="replace").read().split("\n")
            fs = [ln for k, v in by_file.items() if os.path.exists(k) and os.path.samefile(k, p) for ln in v]
            for i, line in enumerate(lines, 1):
                if "BUG:" not in line:
                    continue
                near = [ln for ln in fs if i <= ln <= i + 12]
                check(bool(near), f"{os.path.relpath(p, src)}:{i}: BUG comment without a finding in the next 12 lines")
    fixed = os.path.join(ex, d + "-fixed")
    if os.path.isdir(fixed):
        left = scan(fixed)
        check(not left, f"{d}-fixed is not clean: " + "; ".join(
            f"{f['path']}:{f['range']['start']['line']} [{f['ruleId']}]" for f in left[:10]))
registry = re.findall(r'^RL_RULE\([a-z_]+, "([a-z-]+)"\)', open(os.path.join(src, "rules/rules.def")).read(), re.M)
for rule in registry:
    if rule in ("parse-error", "unused-suppression"):
        continue
    check(rule in seen_rules, f"no example of {rule} in examples/")
print(f"{passes} passed, {fails} failed")
sys.exit(1 if fails else 0)
