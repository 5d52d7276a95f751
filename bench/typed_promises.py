#!/usr/bin/env python3
"""typed_promises.py - compares racelint with type-aware typescript-eslint
on the code bases bench/typed_promises.sh prepared (issue 19).

    python3 bench/typed_promises.py WORKDIR NAME@VERSION...

Reads WORKDIR/out/<slug>.{rl,rlbare,tse}.{stdout,time}, matches findings
node by node (same file, line and column: typescript-eslint's
no-floating-promises reports the expression statement, racelint the call
that starts it; no-misused-promises the argument, condition or spread),
and writes WORKDIR/typed_promises.json, WORKDIR/out/<slug>.lists.txt (every
typescript-eslint finding and every racelint-only finding with its source
line, for hand triage) and a Markdown table on stdout.
"""
import json
import os
import sys

GROUPS = {
    "no-floating-promises": "floating",
    "conditional": "checksConditionals",
    "predicate": "checksConditionals",
    "spread": "checksSpreads",
}
RL_RULES = ("floating-promise", "callback-promise-mix")


def group_of(m):
    rule = (m.get("ruleId") or "").replace("@typescript-eslint/", "")
    if rule == "no-floating-promises":
        return "floating"
    if rule == "no-misused-promises":
        mid = m.get("messageId") or ""
        if mid.startswith("voidReturn"):
            return "checksVoidReturn"
        return GROUPS.get(mid, "misused-other")
    return None


def load_time(pre):
    try:
        cpu, peak, wall = open(pre + ".time").read().split()
        return {"cpu_s": float(cpu), "peak_kib": int(peak), "wall": wall}
    except (OSError, ValueError):
        return None


def slug_of(spec):
    name = spec.rsplit("@", 1)[0]
    return name.lstrip("@").replace("@", "_").replace("/", "-")


def line_of(cb, rel, line, cache={}):
    p = os.path.join(cb, rel)
    if p not in cache:
        try:
            cache[p] = open(p, encoding="utf-8", errors="replace").read().split("\n")
        except OSError:
            cache[p] = []
    ls = cache[p]
    return ls[line - 1].strip()[:140] if 0 < line <= len(ls) else ""


def main():
    w, specs = sys.argv[1], sys.argv[2:]
    report = []
    for spec in specs:
        slug = slug_of(spec)
        o = os.path.join(w, "out", slug)
        cb = os.path.join(w, "cb", slug)
        try:
            tse = json.load(open(o + ".tse.stdout"))
            rl = json.load(open(o + ".rl.stdout"))
            rlbare = json.load(open(o + ".rlbare.stdout"))
        except (OSError, ValueError) as e:
            print(f"{spec}: no output ({e})", file=sys.stderr)
            continue
        tf = []
        fatal = 0
        for f in tse:
            rel = os.path.relpath(f["filePath"], cb)
            for m in f["messages"]:
                if m.get("fatal"):
                    fatal += 1
                g = group_of(m)
                if g:
                    tf.append((rel, m["line"], m["column"], g, m.get("messageId", "")))
        rf = [(d["path"], d["range"]["start"]["line"], d["range"]["start"]["column"],
               d["ruleId"]) for d in rl["findings"]]
        rfb = [d for d in rlbare["findings"] if d["ruleId"] in RL_RULES]
        rl_nodes = {(p, l, c) for p, l, c, _ in rf}
        rl_lines = {(p, l) for p, l, _, _ in rf}
        t_nodes = {(p, l, c) for p, l, c, _, _ in tf}
        t_lines = {(p, l) for p, l, _, _, _ in tf}
        per = {}
        for p, l, c, g, _ in tf:
            e = per.setdefault(g, {"tse": 0, "rl_same_node": 0, "rl_same_line_only": 0})
            e["tse"] += 1
            if (p, l, c) in rl_nodes:
                e["rl_same_node"] += 1
            elif (p, l) in rl_lines:
                e["rl_same_line_only"] += 1
        mine = [x for x in rf if x[3] in RL_RULES]
        only = [x for x in mine if (x[0], x[1], x[2]) not in t_nodes]
        only_line = [x for x in only if (x[0], x[1]) in t_lines]
        meta = open(o + ".meta").read().split()
        entry = {
            "codebase": spec,
            "ts_files": int(meta[1]) if len(meta) > 1 else None,
            "tse_fatal_parse_errors": fatal,
            "tse": per,
            "tse_total": len(tf),
            "racelint_total": {r: sum(1 for x in rf if x[3] == r) for r in RL_RULES},
            "racelint_without_node_modules": {
                r: sum(1 for d in rfb if d["ruleId"] == r) for r in RL_RULES},
            "racelint_only": len(only),
            "racelint_only_same_line": len(only_line),
            "time": {k: load_time(o + "." + k) for k in ("rl", "rlbare", "tse")},
        }
        report.append(entry)
        with open(o + ".lists.txt", "w") as out:
            out.write(f"# {spec}: typescript-eslint findings (group messageId file:line:col)\n")
            for i, (p, l, c, g, mid) in enumerate(sorted(tf)):
                hit = "SAME" if (p, l, c) in rl_nodes else "line" if (p, l) in rl_lines else "-"
                out.write(f"T{i:03d} {hit:4} {g} {mid} {p}:{l}:{c}  {line_of(cb, p, l)}\n")
            out.write(f"\n# {spec}: racelint-only findings ({', '.join(RL_RULES)})\n")
            for i, (p, l, c, r) in enumerate(sorted(only)):
                out.write(f"R{i:03d} {r} {p}:{l}:{c}  {line_of(cb, p, l)}\n")
    json.dump(report, open(os.path.join(w, "typed_promises.json"), "w"), indent=1)
    groups = ["floating", "checksVoidReturn", "checksConditionals", "checksSpreads"]
    print("| code base | .ts files | " + " | ".join(
        f"{g}: tse / rl same node" for g in groups) +
        " | racelint fp+cpm (no node_modules) | racelint-only | CPU s rl / rl-bare / tse"
        " | peak MiB rl / tse |")
    print("|" + "---|" * (len(groups) + 6))
    for e in report:
        cells = []
        for g in groups:
            x = e["tse"].get(g, {"tse": 0, "rl_same_node": 0})
            cells.append(f"{x['tse']} / {x['rl_same_node']}")
        t = e["time"]
        cpu = " / ".join(f"{t[k]['cpu_s']:.2f}" if t[k] else "?" for k in ("rl", "rlbare", "tse"))
        mem = " / ".join(f"{t[k]['peak_kib'] / 1024:.0f}" if t[k] else "?" for k in ("rl", "tse"))
        rt = e["racelint_total"]
        rb = e["racelint_without_node_modules"]
        print(f"| {e['codebase']} | {e['ts_files']} | " + " | ".join(cells) +
              f" | {rt['floating-promise']}+{rt['callback-promise-mix']} "
              f"({rb['floating-promise']}+{rb['callback-promise-mix']})"
              f" | {e['racelint_only']} | {cpu} | {mem} |")


if __name__ == "__main__":
    main()
