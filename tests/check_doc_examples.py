#!/usr/bin/env python3
"""Doc examples are tests: in rules/<id>.md, a fenced block whose info string
is `<lang> incorrect` must trigger rule <id>, and `<lang> correct` must not.
`<lang> incorrect strict` / `<lang> correct strict`: the same under
racelint:strict (a shape the default preset leaves out).

usage: check_doc_examples.py RACELINT RULES_DIR
"""
import json, os, re, subprocess, sys, tempfile

EXT = {"js": ".js", "javascript": ".js", "ts": ".ts", "typescript": ".ts",
       "tsx": ".tsx", "jsx": ".jsx", "c": ".c"}

def blocks(text):
    for m in re.finditer(r"^```(\w+) (incorrect|correct)( strict)?\n(.*?)^```", text, re.M | re.S):
        yield m.group(1), m.group(2), bool(m.group(3)), m.group(4)

def main():
    racelint, rules_dir = sys.argv[1], sys.argv[2]
    passes = fails = 0
    for name in sorted(os.listdir(rules_dir)):
        if not name.endswith(".md"):
            continue
        rule = name[:-3]
        text = open(os.path.join(rules_dir, name), encoding="utf-8").read()
        for i, (lang, kind, strict, code) in enumerate(blocks(text)):
            if lang not in EXT:
                print(f"FAIL: {name}: block {i}: unknown language '{lang}'"); fails += 1
                continue
            with tempfile.TemporaryDirectory() as d:
                path = os.path.join(d, f"example{i}{EXT[lang]}")
                open(path, "w", encoding="utf-8").write(code)
                if strict:
                    open(os.path.join(d, ".racelint.json"), "w").write(
                        '{ "extends": "racelint:strict" }\n')
                r = subprocess.run([racelint, "--format", "json", "--fail-on", "none",
                                    "--enable", rule, path],
                                   capture_output=True, text=True)
                if r.returncode != 0:
                    print(f"FAIL: {name}: block {i}: exit {r.returncode}: {r.stderr}"); fails += 1
                    continue
                found = [f for f in json.loads(r.stdout)["findings"] if f["ruleId"] == rule]
                if (kind == "incorrect") != bool(found):
                    print(f"FAIL: {name}: block {i} ({kind}) gave {len(found)} finding(s) of {rule}")
                    fails += 1
                else:
                    passes += 1
    print(f"{passes} passed, {fails} failed")
    return 1 if fails or not passes else 0

sys.exit(main())
