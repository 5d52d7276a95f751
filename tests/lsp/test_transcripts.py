#!/usr/bin/env python3
"""Protocol golden tests: each transcripts/*.txt is a session.
  >>> {json}        a message sent to the server (framed by the runner)
  >>>raw <text>     bytes sent as they are (\\r\\n escapes allowed)
  >>>file P <text>  writes <text> (the same escapes) to file P of the workspace
  <<< {json}        the next server message whose fields match this subset
                    (objects: listed keys must match, recursively; lists:
                    same length, element-wise), skipping others
  # ...             a comment
$ROOT in a transcript is the absolute path of a temporary workspace.

usage: test_transcripts.py RACELINT
"""
import glob, json, os, shutil, sys, tempfile
sys.path.insert(0, os.path.dirname(__file__))
from lsp_client import Client

def matches(want, got):
    if isinstance(want, dict):
        return isinstance(got, dict) and all(k in got and matches(v, got[k]) for k, v in want.items())
    if isinstance(want, list):
        return isinstance(got, list) and len(want) == len(got) and all(matches(a, b) for a, b in zip(want, got))
    return want == got

passes = fails = 0
for path in sorted(glob.glob(os.path.join(os.path.dirname(__file__), "transcripts", "*.txt"))):
    ws = tempfile.mkdtemp()
    c = Client(sys.argv[1], cwd=ws)
    ok = True
    try:
        for n, line in enumerate(open(path, encoding="utf-8"), 1):
            line = line.rstrip("\n").replace("$ROOT", ws)
            if not line or line.startswith("#"):
                continue
            if line.startswith(">>>file "):
                rel, _, text = line[8:].partition(" ")
                with open(os.path.join(ws, rel), "wb") as f:
                    f.write(text.encode().decode("unicode_escape").encode("latin-1"))
            elif line.startswith(">>>raw "):
                c.raw(line[7:].encode().decode("unicode_escape").encode("latin-1"))
            elif line.startswith(">>> "):
                c.send(json.loads(line[4:]))
            elif line.startswith("<<< "):
                want = json.loads(line[4:])
                try:
                    c.wait(lambda m: matches(want, m))
                except (TimeoutError, EOFError) as e:
                    print(f"FAIL: {os.path.basename(path)}:{n}: no message matching {line[4:]} ({e}); "
                          f"unmatched: {json.dumps(c.seen)[:600]}")
                    ok = False
                    break
        c.p.stdin.close()
        c.p.wait()
    finally:
        if c.p.poll() is None:
            c.p.kill()
        shutil.rmtree(ws, ignore_errors=True)
    if ok:
        passes += 1
    else:
        fails += 1
print(f"{passes} passed, {fails} failed")
sys.exit(1 if fails or not passes else 0)
