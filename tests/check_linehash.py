#!/usr/bin/env python3
"""primaryLocationLineHash: racelint's C implementation agrees with an
independent Python implementation of GitHub's documented algorithm (rolling
hash, multiplier 37 mod 2^64, 100 UTF-16 code units from the line start,
spaces/tabs skipped, CR/CRLF as LF, ':n' for the n-th equal hash).

usage: check_linehash.py RACELINT
"""
import json, os, subprocess, sys, tempfile

M = (1 << 64) - 1
BLOCK = 100

def line_hashes(text):
    units = []
    for ch in text:
        cp = ord(ch)
        if cp >= 0x10000:
            cp -= 0x10000
            units += [0xD800 + (cp >> 10), 0xDC00 + (cp & 0x3FF)]
        else:
            units.append(cp)
    window = [0] * BLOCK
    starts = [-1] * BLOCK
    h, index, line, line_start, prev_cr = 0, 0, 0, True, False
    first = pow(37, BLOCK, 1 << 64)
    seen, out = {}, {}
    def emit():
        key = format(h, "x")
        seen[key] = seen.get(key, 0) + 1
        out[starts[index]] = f"{key}:{seen[key]}"
        starts[index] = -1
    def update(c):
        nonlocal h, index
        begin = window[index]
        window[index] = c
        h = (37 * h + c - first * begin) & M
        index = (index + 1) % BLOCK
    def char(c):
        nonlocal prev_cr, line, line_start
        if c in (32, 9) or (prev_cr and c == 10):
            prev_cr = False
            return
        if c == 13:
            c, prev_cr = 10, True
        else:
            prev_cr = False
        if starts[index] != -1:
            emit()
        if line_start:
            line_start = False
            line += 1
            starts[index] = line
        if c == 10:
            line_start = True
        update(c)
    for u in units:
        char(u)
    char(65535)
    for _ in range(BLOCK):
        if starts[index] != -1:
            emit()
        update(0)
    return out

src = ("// caf\u00e9 \U0001F600 \t tabs\r\n"
       "const xs = [1];\r\n"
       "xs.forEach(async (x) => { await x; });\r\n"
       "\txs.forEach(async (x) => { await x; });\n"
       "\n"
       "xs.forEach(async (x) => { await x; });\r"
       "xs.forEach(async (x) => { await x; });\n"
       + "// filler line\n" * 3 +
       "xs.forEach(async (x) => { await x; }); // last, near EOF\n")
fails = passes = 0
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "h.js")
    open(path, "w", encoding="utf-8", newline="").write(src)
    r = subprocess.run([sys.argv[1], "--format", "sarif", "--fail-on", "none", "--root", d, path],
                       capture_output=True, text=True)
    results = json.loads(r.stdout)["runs"][0]["results"]
    want = line_hashes(src)
    for res in results:
        line = res["locations"][0]["physicalLocation"]["region"]["startLine"]
        got = res["partialFingerprints"].get("primaryLocationLineHash")
        if got == want.get(line):
            passes += 1
        else:
            fails += 1
            print(f"FAIL: line {line}: racelint {got}, expected {want.get(line)}")
if passes < 5:
    fails += 1
    print(f"FAIL: expected 5 results, got {passes + fails - 1}")
print(f"{passes} passed, {fails} failed")
sys.exit(1 if fails else 0)
