#!/usr/bin/env python3
"""docs/racelint.schema.json lists every rule in rules.def, accepts a full
example config, and rejects a typo (as racelint does)."""
import json, re, sys
import jsonschema

src = sys.argv[1]
schema = json.load(open(f"{src}/docs/racelint.schema.json"))
# entries only: the file's header comment shows the form RL_RULE(c_name, "id")
ids = re.findall(r'^RL_RULE\([a-z_]+, "([a-z-]+)"\)', open(f"{src}/rules/rules.def").read(), re.M)
fails = passes = 0
def check(ok, what):
    global fails, passes
    if ok: passes += 1
    else: fails += 1; print("FAIL:", what)
listed = set(schema["definitions"]["rules"]["properties"])
check(listed == set(ids), f"schema rules {sorted(listed ^ set(ids))} differ from rules.def")
good = {"rules": {ids[0]: "warning"}, "ignore": ["vendor/"],
        "overrides": [{"files": ["tests/**"], "rules": {ids[0]: "off"}}],
        "c": {"includeDirs": ["inc"], "lockFunctions": [{"name": "l", "arg": 0}]},
        "js": {"promiseFunctions": ["query"]}}
v = jsonschema.Draft7Validator(schema)
check(not list(v.iter_errors(good)), "a full config validates")
check(bool(list(v.iter_errors({"rulez": {}}))), "a typo is rejected")
check(bool(list(v.iter_errors({"rules": {ids[0]: "warnn"}}))), "a bad severity is rejected")
check(not list(v.iter_errors({"rules": {ids[0]: "warn"}})), "\"warn\" is accepted (as racelint does)")
check("id" not in ids and bool(list(v.iter_errors({"rules": {"id": "off"}}))),
      "no rule named 'id' (racelint rejects it)")
check(not list(v.iter_errors({"extends": "racelint:strict",
        "overrides": [{"files": ["e2e/**"], "context": "test"}]})), "a preset and a context validate")
check(bool(list(v.iter_errors({"extends": "racelint:strictest"}))), "an unknown preset is rejected")
check(bool(list(v.iter_errors({"overrides": [{"files": ["x"], "context": "tests"}]}))),
      "an unknown context is rejected")
print(f"{passes} passed, {fails} failed")
sys.exit(1 if fails else 0)
