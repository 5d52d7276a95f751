#!/usr/bin/env python3
"""LSP latency: open a ~5,000-line TS file in `racelint lsp`, make N one-character
incremental edits (didChange), wait for each publishDiagnostics of that version,
print JSON {p50_ms, p95_ms, ...}. Usage: lsp_latency.py RACELINT WORKDIR [N]"""
import json, os, statistics, sys, time
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "lsp"))
from lsp_client import Client, uri  # noqa: E402

racelint, work = sys.argv[1], os.path.abspath(sys.argv[2])
n = int(sys.argv[3]) if len(sys.argv) > 3 else 100
os.makedirs(work, exist_ok=True)

# a realistic 5,000-line TS file: async service code with promises, loops and
# one forEach(async ...) (a racelint finding) per block
block = """export class Service{i} {{
  private cache = new Map<string, number>();
  constructor(private readonly db: {{ get(k: string): Promise<number>; put(k: string, v: number): Promise<void> }}) {{}}
  async load(keys: string[]): Promise<number> {{
    let total = 0;
    for (const k of keys) {{
      const v = this.cache.get(k) ?? (await this.db.get(k));
      this.cache.set(k, v);
      total += v;
    }}
    return total;
  }}
  async saveAll(items: Array<[string, number]>): Promise<void> {{
    items.forEach(async ([k, v]) => {{
      await this.db.put(k, v);
    }});
  }}
  async retry<T>(fn: () => Promise<T>, n = 3): Promise<T> {{
    let last: unknown;
    for (let i = 0; i < n; i++) {{
      try {{ return await fn(); }} catch (e) {{ last = e; }}
    }}
    throw last;
  }}
  toString(): string {{ return `Service{i}(${{this.cache.size}})`; }}
}}
"""
lines = []
i = 0
while len(lines) < 5000:
    lines += block.format(i=i).splitlines()
    i += 1
lines = lines[:5000]
text = "\n".join(lines) + "\n"
path = os.path.join(work, "big.ts")
open(path, "w").write(text)

c = Client(racelint, cwd=work)
c.request("initialize", {"processId": None, "rootUri": uri(work), "capabilities": {}}, timeout=30)
c.notify("initialized", {})
u = uri(path)
c.notify("textDocument/didOpen", {"textDocument": {"uri": u, "languageId": "typescript", "version": 1, "text": text}})
t0 = time.perf_counter()
first = c.diagnostics(u, timeout=60)
open_ms = (time.perf_counter() - t0) * 1000
lat = []
# edit: insert then delete one character inside an identifier in the middle of the file
line_no = 2500
for k in range(n):
    ver = k + 2
    if k % 2 == 0:
        change = {"range": {"start": {"line": line_no, "character": 2}, "end": {"line": line_no, "character": 2}}, "text": "x"}
    else:
        change = {"range": {"start": {"line": line_no, "character": 2}, "end": {"line": line_no, "character": 3}}, "text": ""}
    t0 = time.perf_counter()
    c.notify("textDocument/didChange", {"textDocument": {"uri": u, "version": ver}, "contentChanges": [change]})
    c.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
           and m["params"]["uri"] == u and m["params"].get("version", ver) == ver, timeout=30)
    lat.append((time.perf_counter() - t0) * 1000)
c.close()
lat_sorted = sorted(lat)
p = lambda q: lat_sorted[min(len(lat_sorted) - 1, int(round(q * (len(lat_sorted) - 1))))]
print(json.dumps({"lines": len(lines), "edits": n, "open_ms": round(open_ms, 1),
                  "first_diagnostics": len(first),
                  "p50_ms": round(p(0.50), 1), "p95_ms": round(p(0.95), 1),
                  "max_ms": round(max(lat), 1), "mean_ms": round(statistics.mean(lat), 1)}))
