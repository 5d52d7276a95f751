#!/usr/bin/env python3
"""run.py - scores racelint on the fixed-concurrency-bug cases (issue 18).

    bench/fixedbugs/run.py [--cases FILE] [--racelint BIN] [--work DIR]
                           [--half dev|heldout|all] [--modes M,M,...]
                           [--scope project|root|file] [--project P]
                           [--check] [--jobs N]

For every row of the case file (bench/fixedbugs/cases.tsv; format in
README.md) whose status is `case`, racelint scans the bookworm source and
the trixie source that select.sh unpacked under WORK/src (pinned versions,
the columns old_version/new_version; nothing is fetched here: run select.sh
first), once per mode:

  default  no flags at all: `racelint <scan path>`
  include  the flags a user tries first: -I for the project's header
           folders (INCLUDES below, pinned per project)
  strict   include + --enable of the C rules that are strict-only
           (shared-mutable-state, lock-balance)
  strict-preset          the strict preset, no other flag:
                         `--config F` with F = {"extends":"racelint:strict"}
                         (every C rule of the strict preset: also
                         lazy-init-race and lock-order)
  strict-preset-include  strict-preset + the -I of include

and scores, per case and mode:

  found  the case's rule is reported in the bookworm file, on a line inside
         the function of the bug (old_func) - found-before-fix;
  still  the case's rule is reported in the trixie file inside one of
         new_funcs - still-flagged-after-fix;
  any    some rule other than parse-error is reported in old_func (for the
         diagnosis of misses: a finding, but not the expected one);
  parse  the bookworm file has a parse-error finding (it did not parse).

A case whose rule is `-` (no racelint rule covers its shape) counts as a
miss in every mode. --scope project (default) scans the top-level folder
of the bug's file (src/, glib/, runtime/; SCAN_DEPTH below), so cross-file
facts (thread entry points, lock wrappers) are available; --scope file
scans the single file; --scope root scans the whole unpacked tree (what
`racelint .` in a checkout does: slower, and the only scope in which the
default mode's include discovery sees a top-level include/). Each scan's JSON is kept in WORK/out, keyed by the
racelint binary's hash, version folder, path and mode, and reused.
--check only verifies that each case's lines lie inside the functions it
names and prints them (no racelint run).
"""
import argparse
import hashlib
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# The header folders a user would pass first (-I), per project, relative to
# the unpacked source. Written from each tree's layout, not from findings.
INCLUDES = {
    "haproxy": ["include"],
    "glib2.0": [".", "glib", "gmodule", "gio"],
    "libuv1": ["include", "src"],
    "rsyslog": [".", "runtime", "grammar"],
    "redis": ["src", "deps/hiredis", "deps/lua/src", "deps/hdr_histogram"],
    "openldap": ["include", "servers/slapd", "servers/lloadd"],
    "lmdb": ["libraries/liblmdb"],
}
# How many leading folders of the bug's path make the scanned folder in
# --scope project (1: src/, glib/, runtime/; openldap's servers/<daemon>/ and
# libraries/<lib>/ are separate programs).
SCAN_DEPTH = {"openldap": 2, "lmdb": 2}
STRICT_RULES = "shared-mutable-state,lock-balance"
STRICT_PRESET = '{"extends": "racelint:strict"}\n'
MODES = ("default", "include", "strict", "strict-preset", "strict-preset-include")
DEFAULT_MODES = ("default", "include", "strict-preset", "strict-preset-include")


def src_dir(work, project, version):
    """The folder select.sh unpacks PROJECT=VERSION into."""
    return os.path.join(work, "src", f"{project}-{version.replace(':', '_')}")


def read_cases(path):
    with open(path, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if l.strip()]
    head = lines[0].split("\t")
    return [dict(zip(head, l.split("\t"))) for l in lines[1:]]


def function_range(path, name):
    """(first, last) line of the definition of function NAME in PATH, by
    brace matching from the line that names it; None when not found."""
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read().split("\n")
    except OSError:
        return None
    head = re.compile(r"^(?:[A-Za-z_].*[^A-Za-z0-9_])?" + re.escape(name) + r"\s*\(")
    for i, line in enumerate(text):
        if not head.match(line) or line.rstrip().endswith(";"):
            continue
        depth, started = 0, False
        for j in range(i, len(text)):
            # a declaration (prototype) ends with ';' before any '{'
            if not started and ";" in text[j] and "{" not in text[j]:
                break
            for c in text[j]:
                if c == "{":
                    depth += 1
                    started = True
                elif c == "}":
                    depth -= 1
            if started and depth == 0:
                return (i + 1, j + 1)
    return None


def binary_hash(path):
    h = hashlib.sha1()
    with open(path, "rb") as f:
        h.update(f.read())
    return h.hexdigest()[:12]


def scan(args, root, target, project, mode, bhash):
    """Runs racelint on TARGET (relative to ROOT) in MODE; returns the
    findings, their paths made relative to ROOT."""
    key = hashlib.sha1(f"{bhash}\0{root}\0{target}\0{mode}".encode()).hexdigest()[:16]
    out = os.path.join(args.work, "out", key + ".json")
    if not os.path.exists(out):
        cmd = [args.racelint, "--format", "json", "--exit-zero", "-q",
               "--cache-dir", os.path.join(args.work, "cache"), "-j", str(args.jobs)]
        if mode in ("include", "strict", "strict-preset-include"):
            for d in INCLUDES.get(project, []):
                cmd += ["-I", d]
        if mode == "strict":
            cmd += ["--enable", STRICT_RULES]
        if mode.startswith("strict-preset"):
            cfg = os.path.join(args.work, "strict-preset.json")
            if not os.path.exists(cfg):
                with open(cfg, "w", encoding="utf-8") as f:
                    f.write(STRICT_PRESET)
            cmd += ["--config", cfg]
        cmd.append(target)
        os.makedirs(os.path.dirname(out), exist_ok=True)
        print(f"  scan {os.path.basename(root)}/{target} [{mode}]", file=sys.stderr, flush=True)
        r = subprocess.run(cmd, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if r.returncode not in (0, 1):
            sys.exit(f"run.py: racelint failed ({r.returncode}) on {root}/{target}: "
                     f"{r.stderr.decode(errors='replace')[-400:]}")
        tmp = out + ".tmp"
        with open(tmp, "wb") as f:
            f.write(r.stdout)
        os.replace(tmp, out)
    with open(out, encoding="utf-8") as f:
        d = json.load(f)
    base = os.path.join(root, target) if os.path.isdir(os.path.join(root, target)) \
        else os.path.dirname(os.path.join(root, target))
    rep_root = d.get("root") or base
    res = []
    for f in d.get("findings", []):
        p = os.path.relpath(os.path.join(rep_root, f["path"]), root)
        res.append((f["ruleId"], p, f["range"]["start"]["line"], f.get("function", "")))
    return res


def in_funcs(findings, path, ranges, rule=None, exclude=("parse-error",)):
    for rid, p, line, _fn in findings:
        if p != path or rid in exclude:
            continue
        if rule is not None and rid != rule:
            continue
        for r in ranges:
            if r and r[0] <= line <= r[1]:
                return True
    return False


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cases", default=os.path.join(HERE, "cases.tsv"))
    ap.add_argument("--racelint", default=os.path.join(HERE, "..", "..", "build", "racelint"))
    ap.add_argument("--work", default="/work/fixedbugs" if os.access("/work", os.W_OK)
                    else "/tmp/racelint-fixedbugs")
    ap.add_argument("--half", default="dev", choices=("dev", "heldout", "all"))
    ap.add_argument("--modes", default=",".join(DEFAULT_MODES))
    ap.add_argument("--scope", default="project", choices=("project", "root", "file"))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--project", help="only the cases of this project")
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    args.racelint = os.path.abspath(args.racelint)
    modes = [m for m in args.modes.split(",") if m]
    for m in modes:
        if m not in MODES:
            sys.exit(f"run.py: unknown mode {m}")

    rows = [c for c in read_cases(args.cases) if args.half == "all" or c["half"] == args.half]
    if args.project:
        rows = [c for c in rows if c["project"] == args.project]
    cases = [c for c in rows if c["status"] == "case"]
    others = [c for c in rows if c["status"] != "case"]
    bhash = None if args.check else binary_hash(args.racelint)

    table = []
    bad = 0
    for c in cases:
        old_root = src_dir(args.work, c["project"], c["old_version"])
        new_root = src_dir(args.work, c["project"], c["new_version"])
        old_rng = function_range(os.path.join(old_root, c["old_file"]), c["old_func"])
        new_rngs = [function_range(os.path.join(new_root, c["new_file"]), fn)
                    for fn in c["new_funcs"].split(",")]
        ol, nl = int(c["old_line"]), int(c["new_line"])
        ok = old_rng and old_rng[0] <= ol <= old_rng[1] and \
            any(r and r[0] <= nl <= r[1] for r in new_rngs)
        if args.check or not ok:
            print(f"{c['id']} {c['project']} {c['old_file']}:{ol} in {c['old_func']} {old_rng}; "
                  f"{c['new_file']}:{nl} in {c['new_funcs']} {new_rngs}"
                  + ("" if ok else "  <-- LINE NOT IN FUNCTION"))
        if not ok:
            bad += 1
        if args.check:
            continue
        res = {}
        for m in modes:
            def tgt(f):
                if args.scope == "file":
                    return f
                if args.scope == "root":
                    return "."
                parts = f.split("/")
                return "/".join(parts[:min(SCAN_DEPTH.get(c["project"], 1), len(parts) - 1)])
            fo = scan(args, old_root, tgt(c["old_file"]), c["project"], m, bhash)
            fn = scan(args, new_root, tgt(c["new_file"]), c["project"], m, bhash)
            rule = c["rule"]
            found = rule != "-" and in_funcs(fo, c["old_file"], [old_rng], rule)
            still = rule != "-" and in_funcs(fn, c["new_file"], new_rngs, rule)
            anyf = in_funcs(fo, c["old_file"], [old_rng])
            parse = any(r == "parse-error" and p == c["old_file"] for r, p, _l, _f in fo)
            res[m] = (found, still, anyf, parse)
        table.append((c, res))
    if args.check:
        print(f"{len(cases)} cases, {bad} with a line outside its function")
        return 1 if bad else 0

    def yn(b):
        return "yes" if b else "-"
    print(f"racelint {args.racelint} ({bhash}), half={args.half}, scope={args.scope}")
    print(f"{len({c['id'][:10] for c in rows})} candidates ({len(rows)} rows): {len(cases)} cases, "
          + ", ".join(f"{n} {s}" for s, n in sorted(
              {s: sum(1 for o in others if o['status'] == s) for s in
               {o['status'] for o in others}}.items())))
    print()
    hdr = f"{'id':<12} {'project':<8} {'rule':<21} {'file:line (function)':<58}"
    for m in modes:
        hdr += f" | {m:<22}"
    print(hdr)
    print(" " * 102 + "".join(" | found still any  parse" for _ in modes))
    for c, res in table:
        loc = f"{c['old_file']}:{c['old_line']} ({c['old_func']})"
        line = f"{c['id']:<12} {c['project'][:8]:<8} {c['rule']:<21} {loc[:58]:<58}"
        for m in modes:
            f, s, a, p = res[m]
            line += f" | {yn(f):<5} {yn(s):<5} {yn(a):<4} {yn(p):<5}"
        print(line)
    n = len(table)
    print()
    for m in modes:
        found = sum(1 for _c, r in table if r[m][0])
        still = sum(1 for _c, r in table if r[m][1])
        still_f = sum(1 for _c, r in table if r[m][0] and r[m][1])
        anyf = sum(1 for _c, r in table if r[m][2])
        parse = sum(1 for _c, r in table if r[m][3])
        pct = (lambda a, b: f"{100.0 * a / b:.0f}%" if b else "n/a")
        print(f"{m:<8} found-before-fix {found}/{n} ({pct(found, n)}); "
              f"still-flagged-after-fix {still}/{n} ({pct(still, n)}) of all cases, "
              f"{still_f}/{found} ({pct(still_f, found)}) of those found; "
              f"any finding in the function {anyf}/{n}; bug's file did not parse {parse}/{n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
