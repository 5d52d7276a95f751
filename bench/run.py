#!/usr/bin/env python3
"""racelint benchmark runner: times racelint and its peers on the corpora made
by setup.sh, interleaved, and writes BENCH.md. See bench/README.md.

Environment: BENCH_QUICK=1 (small corpora, 1 repetition), BENCH_REPS (fast
tools, default 3), BENCH_SLOW_REPS (ESLint, oxlint --type-aware, clang-tidy,
cppcheck; default 1), BENCH_WORK, RACELINT (binary), BENCH_OUT (BENCH.md path).
"""
import json, os, platform, re, resource, shlex, shutil, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
QUICK = os.environ.get("BENCH_QUICK") == "1"
WORK = os.environ.get("BENCH_WORK", os.path.join(HERE, ".work"))
CORPUS = os.path.join(WORK, "corpus-quick" if QUICK else "corpus")
JS, C = os.path.join(CORPUS, "js"), os.path.join(CORPUS, "c")
RL = os.path.abspath(os.environ.get("RACELINT", os.path.join(REPO, "build-bench", "racelint")))
REPS = 1 if QUICK else int(os.environ.get("BENCH_REPS", "3"))
SLOW_REPS = 1 if QUICK else int(os.environ.get("BENCH_SLOW_REPS", "1"))
OUT = os.environ.get("BENCH_OUT", os.path.join(REPO, "BENCH.md") if not QUICK else os.path.join(WORK, "BENCH.quick.md"))
BIN = os.path.join(HERE, "node_modules", ".bin")
RES = os.path.join(WORK, "results-quick" if QUICK else "results"); os.makedirs(RES, exist_ok=True)
CPPCHECK_CAP = int(os.environ.get("BENCH_CPPCHECK_CAP", "60"))       # seconds per cppcheck project run
SLOW_CAP = 900                             # seconds for any one peer run
T_START = time.time()

def log(*a):
    print("[bench %5.0fs]" % (time.time() - T_START), *a, file=sys.stderr, flush=True)

# ---------------------------------------------------------------- measuring
def measure(cmd, cwd, env=None, timeout=SLOW_CAP, shell=False):
    """Run cmd; return wall s, cpu s (user+sys of it and its waited-for
    descendants), peak RSS MB (largest single process), rc, timed_out."""
    e = dict(os.environ); e.update(env or {})
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=cwd, env=e, shell=shell, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)
    timed_out = False
    deadline = t0 + timeout
    while True:
        pid, status, ru = os.wait4(p.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            timed_out = True
            os.killpg(p.pid, 9)
            pid, status, ru = os.wait4(p.pid, 0)
            break
        time.sleep(0.005)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    return {"wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "rss": ru.ru_maxrss / 1024.0,
            "rc": p.returncode, "timeout": timed_out}

# ---------------------------------------------------------------- corpora
def corpus_files(root, exts):
    out = []
    for d, dirs, files in os.walk(root):
        dirs[:] = [x for x in dirs if x not in (".git", "node_modules", "_cmake")]
        out += [os.path.join(d, f) for f in files if f.endswith(exts) and not f.endswith((".d.ts",))]
    return out

JS_EXT = (".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".cts", ".tsx")
js_files = [f for f in corpus_files(JS, JS_EXT) if os.path.basename(f) != "tsconfig.json"]
js_bytes = sum(os.path.getsize(f) for f in js_files)
compdb = json.load(open(os.path.join(C, "compile_commands.json")))
c_tus = [e["file"] for e in compdb]
c_bytes = sum(os.path.getsize(f) for f in c_tus)
shutil.copy(os.path.join(HERE, "tsconfig.corpus.json"), os.path.join(JS, "tsconfig.json"))

# scaling copies of the JS corpus (x2, x4): plain copies in sibling dirs
def scaled(k):
    d = os.path.join(WORK, "scale-%s" % ("quick" if QUICK else "full"), "x%d" % k)
    if not os.path.isdir(d):
        os.makedirs(d)
        for i in range(k):
            shutil.copytree(JS, os.path.join(d, "copy%d" % i), ignore=shutil.ignore_patterns(".git"))
        subprocess.run(["git", "init", "-q", d], check=True)
    return d

# C helper scripts: one command per TU, run with xargs -P J
def write_c_scripts():
    syn, tidy, cpp = [], [], []
    for e in compdb:
        a = list(e["arguments"])
        f = e["file"]
        # drop the compiler, -c FILE, -o OUT; keep every flag
        flags, skip = [], False
        for x in a[1:]:
            if skip: skip = False; continue
            if x in ("-o",): skip = True; continue
            if x in ("-c", f) or x == os.path.relpath(f, e["directory"]): continue
            flags.append(x)
        syn.append("cd %s && clang -fsyntax-only %s %s" % (shlex.quote(e["directory"]), " ".join(map(shlex.quote, flags)), shlex.quote(f)))
        tidy.append(shlex.quote(f))
    open(os.path.join(RES, "c-syntax.cmds"), "w").write("\n".join(syn) + "\n")
    open(os.path.join(RES, "c-files.txt"), "w").write("\n".join(tidy) + "\n")
write_c_scripts()
C_SYN = lambda j: "xargs -P %d -d '\\n' -I{} sh -c {} < %s" % (j, shlex.quote(os.path.join(RES, "c-syntax.cmds")))
TIDY_CHECKS = "-*,bugprone-*,concurrency-*,cert-*"
C_TIDY = lambda j: ("xargs -P %d -n 4 -d '\\n' clang-tidy --quiet -p %s --checks=%s < %s" %
                    (j, shlex.quote(C), shlex.quote(TIDY_CHECKS), shlex.quote(os.path.join(RES, "c-files.txt"))))
# cppcheck per project (sqlite separately), each run capped
CPP_PROJECTS = sorted({os.path.relpath(f, C).split("/")[0] for f in c_tus})
def cppcheck_cmd(j):
    parts = []
    for p in CPP_PROJECTS:
        sub = [e for e in compdb if os.path.relpath(e["file"], C).startswith(p + "/")]
        cdb = os.path.join(RES, "compdb-%s.json" % p)
        json.dump(sub, open(cdb, "w"))
        parts.append("timeout %d cppcheck -q --enable=all --inconclusive --suppress=missingIncludeSystem -j%d --project=%s >/dev/null 2>&1"
                     % (CPPCHECK_CAP, j, shlex.quote(cdb)))
    return "; ".join(parts) + "; true"

rl_c_list = os.path.join(RES, "c-files.txt")
CACHE = os.path.join(WORK, "rl-cache-quick" if QUICK else "rl-cache")

def rl(args, j):
    return [RL, "-j%d" % j, "-q", "--fail-on", "none", "--format", "json", "-o", "/dev/null"] + args

def rl_c(args, j):
    # --max-file-size: the SQLite amalgamation (9.2 MB) is over the 8M default
    return ("%s -j%d -q --fail-on none --format json -o /dev/null --max-file-size 64M --compile-commands %s %s $(cat %s)" %
            (shlex.quote(RL), j, shlex.quote(os.path.join(C, "compile_commands.json")), " ".join(args), shlex.quote(rl_c_list)))

# ---------------------------------------------------------------- tasks
# (key, corpus, tool label, jobs, cmd, shell, env, reps, prepare)
tasks = []
def T(key, corpus, label, j, cmd, shell=False, env=None, slow=False, prepare=None, cwd=None):
    tasks.append(dict(key=key, corpus=corpus, label=label, jobs=j, cmd=cmd, shell=shell, env=env or {},
                      reps=SLOW_REPS if slow else REPS, prepare=prepare, cwd=cwd or (JS if corpus == "js" else C),
                      runs=[]))

def prime_cache_js(j):
    def f():
        subprocess.run(rl(["--cache-dir", CACHE + "-js", "."], j), cwd=JS, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return f
def prime_cache_c(j):
    def f():
        subprocess.run(rl_c(["--cache-dir", shlex.quote(CACHE + "-c")], j), shell=True, cwd=C, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return f

OX = os.path.join(BIN, "oxlint"); ES = os.path.join(BIN, "eslint")
for j in (1, 2):
    T("rl-parse", "js", "racelint --parse-only", j, rl(["--parse-only", "--no-cache", "."], j))
    T("rl-cold", "js", "racelint cold (--no-cache)", j, rl(["--no-cache", "."], j))
    T("rl-warm", "js", "racelint warm (cache primed)", j, rl(["--cache-dir", CACHE + "-js", "."], j), prepare=prime_cache_js(j))
    T("oxlint", "js", "oxlint (11 rules)", j, [OX, "-c", os.path.join(HERE, "oxlintrc.json"), "--threads", str(j), "--quiet", "."])
    T("oxlint-ta", "js", "oxlint --type-aware (13 rules, tsgolint)", j,
      [OX, "-c", os.path.join(HERE, "oxlintrc.json"), "--threads", str(j), "--quiet", "--type-aware", "."],
      env={"GOMAXPROCS": str(j)}, slow=True)
    es = [ES, "-c", os.path.join(HERE, "eslint.config.mjs"), "--no-config-lookup", "--quiet", "--no-cache"]
    if j > 1: es += ["--concurrency", str(j)]
    T("eslint", "js", "ESLint 9 (12 rules)", j, es + ["."], slow=True)
    if j == 1 or os.environ.get("BENCH_ESLINT_TA_J2") == "1":
        T("eslint-ta", "js", "ESLint 9 + typescript-eslint type-aware (14 rules)", j, es + ["."],
          env={"BENCH_TYPED": "1"}, slow=True)
    T("rl-c-parse", "c", "racelint --parse-only", j, rl_c(["--parse-only", "--no-cache"], j), shell=True)
    T("rl-c-cold", "c", "racelint cold (--no-cache)", j, rl_c(["--no-cache"], j), shell=True)
    T("rl-c-warm", "c", "racelint warm (cache primed)", j, rl_c(["--cache-dir", shlex.quote(CACHE + "-c")], j), shell=True, prepare=prime_cache_c(j))
    T("clang-syntax", "c", "clang -fsyntax-only (per TU)", j, C_SYN(j), shell=True)
    T("clang-tidy", "c", "clang-tidy bugprone-*,concurrency-*,cert-*", j, C_TIDY(j), shell=True, slow=True)
    T("cppcheck", "c", "cppcheck --enable=all (each project capped at %ds)" % CPPCHECK_CAP, j, cppcheck_cmd(j), shell=True, slow=True)

# scaling: racelint cold, jobs 1, x1 x2 x4
# (x1 is the "racelint cold" jobs-1 run above)
for k in (2, 4):
    T("scale-x%d" % k, "scale", "racelint cold, JS corpus x%d" % k, 1, rl(["--no-cache", "."], 1), cwd=scaled(k))

# ---------------------------------------------------------------- run, interleaved
REPORT_ONLY = "--report-only" in sys.argv   # re-write BENCH.md from results/state.json
STATE = os.path.join(RES, "state.json")
# BENCH_ONLY=key,key: re-measure only these tasks, keep the rest of state.json
ONLY = [k for k in os.environ.get("BENCH_ONLY", "").split(",") if k]
if ONLY or REPORT_ONLY:
    saved = json.load(open(STATE))
    for t, r in zip(tasks, saved["runs"]):
        t["runs"] = r if (REPORT_ONLY or t["key"] not in ONLY) else []
    for t in tasks:
        if ONLY and t["key"] not in ONLY:
            t["reps"] = 0
max_reps = 0 if REPORT_ONLY else max(t["reps"] for t in tasks)
log("racelint:", RL, "| corpus:", CORPUS, "| %d JS/TS files %.1f MB, %d C TUs %.1f MB | reps %d (slow %d)" %
    (len(js_files), js_bytes / 1e6, len(c_tus), c_bytes / 1e6, REPS, SLOW_REPS))
for rep in range(max_reps):
    for t in tasks:
        if rep >= t["reps"]:
            continue
        if t["prepare"]:
            t["prepare"]()
        r = measure(t["cmd"], t["cwd"], env=t["env"], shell=t["shell"],
                    timeout=SLOW_CAP)
        t["runs"].append(r)
        log("rep %d %-12s j%d %-48s wall %7.2fs cpu %7.2fs rss %6.0f MB rc %d%s" %
            (rep + 1, t["key"], t["jobs"], t["label"][:48], r["wall"], r["cpu"], r["rss"], r["rc"], " TIMEOUT" if r["timeout"] else ""))
    json.dump(tasks, open(os.path.join(RES, "raw.json"), "w"), default=str, indent=1)

# the repetition counts actually in the data (report-only / BENCH_ONLY runs)
REPS = max(len(t["runs"]) for t in tasks)
SLOW_REPS = min(len(t["runs"]) for t in tasks if t["runs"])
med = lambda xs: statistics.median(xs) if xs else float("nan")
def stat(key, j):
    for t in tasks:
        if t["key"] == key and t["jobs"] == j and t["runs"]:
            return {"wall": med([r["wall"] for r in t["runs"]]), "cpu": med([r["cpu"] for r in t["runs"]]),
                    "rss": max(r["rss"] for r in t["runs"]), "n": len(t["runs"]),
                    "timeout": any(r["timeout"] for r in t["runs"]), "label": t["label"], "task": t}
    return None

# ---------------------------------------------------------------- LSP latency
lsp = None
if REPORT_ONLY or ONLY:
    lsp, profile_tool, profile_txt = saved["lsp"], saved["profile_tool"], saved["profile_txt"]
    json.dump({"runs": [t["runs"] for t in tasks], "lsp": lsp, "profile_tool": profile_tool, "profile_txt": profile_txt}, open(STATE, "w"), indent=1)
else:
  log("LSP latency")
  try:
    out = subprocess.run([sys.executable, os.path.join(HERE, "lsp_latency.py"), RL, os.path.join(WORK, "lsp"),
                          "20" if QUICK else "100"], capture_output=True, text=True, timeout=600)
    lsp = json.loads(out.stdout.strip().splitlines()[-1])
  except Exception as ex:  # noqa: BLE001
    log("LSP latency failed:", ex)

# ---------------------------------------------------------------- profile
def have_perf():
    try:
        return subprocess.run(["perf", "stat", "-e", "instructions", "true"], capture_output=True, timeout=20).returncode == 0
    except Exception:  # noqa: BLE001
        return False
if not (REPORT_ONLY or ONLY):
    log("profile")
    profile_txt, profile_tool = "", ""
    prof_dir = os.path.join(RES, "profile"); os.makedirs(prof_dir, exist_ok=True)
    if have_perf():
        profile_tool = "perf record -g (racelint -j1 --no-cache on the JS corpus)"
        pd = os.path.join(prof_dir, "perf.data")
        subprocess.run(["perf", "record", "-q", "-o", pd, "-F", "499", "-g", "--"] + rl(["--no-cache", "."], 1), cwd=JS,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        rep = subprocess.run(["perf", "report", "-i", pd, "--no-children", "--sort", "dso,symbol", "--stdio", "-g", "none",
                              "--percent-limit", "1.5"], capture_output=True, text=True).stdout
        profile_txt = "\n".join(l for l in rep.splitlines() if l.strip() and not l.startswith("#"))[:6000]
    else:
        profile_tool = "valgrind --tool=callgrind (racelint -j1 --no-cache on a 150-file subset of the JS corpus)"
        sub = os.path.join(prof_dir, "subset")
        if not os.path.isdir(sub):
            os.makedirs(sub)
            for i, f in enumerate(sorted(js_files)[::max(1, len(js_files) // 150)][:150]):
                shutil.copy(f, os.path.join(sub, "%03d_%s" % (i, os.path.basename(f))))
            subprocess.run(["git", "init", "-q", sub])
        cg = os.path.join(prof_dir, "callgrind.out")
        subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + cg] + rl(["--no-cache", "."], 1), cwd=sub,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        rep = subprocess.run(["callgrind_annotate", "--inclusive=no", cg], capture_output=True, text=True).stdout
        lines = [l for l in rep.splitlines() if re.match(r"^\s*[\d,]+ \(", l)]
        profile_txt = "\n".join(lines[:30])
    json.dump({"runs": [t["runs"] for t in tasks], "lsp": lsp, "profile_tool": profile_tool, "profile_txt": profile_txt}, open(STATE, "w"), indent=1)
# where does the JS time go between phases: parse floor vs full
# ---------------------------------------------------------------- versions / machine
def sh(c):
    try:
        return subprocess.run(c, shell=True, capture_output=True, text=True, timeout=60).stdout.strip()
    except Exception:  # noqa: BLE001
        return "?"
cpu_model = sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").strip()
mem = sh("awk '/MemTotal/ {printf \"%.1f GiB\", $2/1048576}' /proc/meminfo")
versions = {
    "racelint": sh(shlex.quote(RL) + " --version") + " (git " + sh("git -C %s rev-parse --short HEAD" % shlex.quote(REPO)) + ", Release build)",
    "libtree-sitter": sh("dpkg-query -W -f='${Version}' libtree-sitter0 2>/dev/null || dpkg-query -W -f='${Version}' libtree-sitter-dev"),
    "libclang": sh("dpkg-query -W -f='${Version}' libclang-dev"),
    "ESLint": sh(ES + " --version"),
    "typescript-eslint": sh("node -p \"require('%s/node_modules/typescript-eslint/package.json').version\"" % HERE),
    "eslint-plugin-promise": sh("node -p \"require('%s/node_modules/eslint-plugin-promise/package.json').version\"" % HERE),
    "TypeScript": sh("node -p \"require('%s/node_modules/typescript/package.json').version\"" % HERE),
    "oxlint": sh(OX + " --version"),
    "oxlint-tsgolint": sh("node -p \"require('%s/node_modules/oxlint-tsgolint/package.json').version\"" % HERE),
    "clang": sh("clang --version | head -1"),
    "clang-tidy": sh("clang-tidy --version | grep -i version | head -1"),
    "cppcheck": sh("cppcheck --version"),
    "node": sh("node --version"),
}
c_versions = open(os.path.join(C, "VERSIONS")).read().split() if os.path.exists(os.path.join(C, "VERSIONS")) else []
js_pkgs = open(os.path.join(JS, "PACKAGES")).read() if os.path.exists(os.path.join(JS, "PACKAGES")) else ""

# ---------------------------------------------------------------- report
def fmt_s(x): return "%.2f" % x if x == x else "–"
def row(corpus, key, j, base):
    s = stat(key, j)
    if not s: return None
    files, nbytes = (len(js_files), js_bytes) if corpus == "js" else (len(c_tus), c_bytes)
    b = stat(base, j)
    ratio_w = s["wall"] / b["wall"] if b else float("nan")
    ratio_c = s["cpu"] / b["cpu"] if b else float("nan")
    t = " (timeout)" if s["timeout"] else ""
    return "| %s%s | %d | %d | %s | %s | %.0f | %.0f | %.2f | %.2f× | %.2f× |" % (
        s["label"], t, j, s["n"], fmt_s(s["wall"]), fmt_s(s["cpu"]), s["rss"], files / s["wall"], nbytes / 1e6 / s["wall"],
        ratio_w, ratio_c)
HDR = ("| tool | jobs | runs | median wall s | median CPU s | peak RSS MB | files/s | MB/s | wall ÷ racelint cold | CPU ÷ racelint cold |\n"
       "|---|---|---|---|---|---|---|---|---|---|")

def ratio(a, b, j, what="wall"):
    x, y = stat(a, j), stat(b, j)
    if not x or not y: return float("nan")
    return x[what] / y[what]

js_keys = ["rl-parse", "rl-cold", "rl-warm", "oxlint", "oxlint-ta", "eslint", "eslint-ta"]
c_keys = ["rl-c-parse", "rl-c-cold", "rl-c-warm", "clang-syntax", "clang-tidy", "cppcheck"]
L = []
L.append("# racelint benchmark\n")
L.append("Generated by `make bench` (bench/bench.sh → bench/setup.sh, bench/run.py, bench/lsp_latency.py) on %s UTC%s. "
         "Do not edit by hand: re-run `make bench`.\n" % (time.strftime("%Y-%m-%d %H:%M", time.gmtime()),
                                                           " — QUICK MODE (small corpora, 1 run)" if QUICK else ""))
L.append("## Machine\n")
L.append("- %s, %s logical CPUs (`nproc`), %s RAM, %s" % (cpu_model, os.cpu_count(), mem, platform.platform()))
L.append("- load average at the end of the run: %s. **The machine is shared with other engineers' builds and tests while this runs**, so wall times are noisy: every tool runs %d× (slow peers %d×), interleaved (round-robin over all tools, not tool after tool), and the tables show medians. CPU time (user+sys) is much less sensitive to the load than wall time; where they disagree, trust CPU for the single-thread comparisons.\n" % (sh("cut -d' ' -f1-3 /proc/loadavg"), REPS, SLOW_REPS))
L.append("## Versions\n")
for k, v in versions.items():
    L.append("- %s: %s" % (k, v))
L.append("\n## Corpora (assembled by bench/setup.sh from registries, never committed)\n")
L.append("- **JS/TS**: %d files (%d .ts, %d .js/.mjs/.cjs), %.1f MB, from `npm pack` of (package — directory kept):" %
         (len(js_files), sum(f.endswith(".ts") for f in js_files), sum(not f.endswith(".ts") for f in js_files), js_bytes / 1e6))
for l in js_pkgs.splitlines():
    if "@" in l: L.append("  - `%s`" % l.strip())
L.append("  Only .js/.mjs/.cjs/.ts files are kept (no .d.ts, maps, docs); typeorm ships compiled CommonJS (its browser/ ESM copy is dropped), not its TypeScript sources, which npm does not carry. A tsconfig.json (bench/tsconfig.corpus.json, allowJs) is written at the corpus root for the type-aware tools.")
L.append("- **C**: %d translation units, %.1f MB of .c (headers not counted), Debian bookworm source packages (`apt-get source`):" % (len(c_tus), c_bytes / 1e6))
for v in c_versions:
    L.append("  - `%s`" % v)
L.append("  compile_commands.json by bench/mkcompdb.py: libuv and curl from their own CMake (configure only; curl without TLS/zlib/LDAP), memcached after `./configure` with its Makefile's flags, redis src/ with its Makefile's flags (MALLOC=libc), SQLite as one TU with better-sqlite3's defines. Every C tool gets exactly these TUs and flags.\n")

L.append("## JS/TS corpus\n")
L.append(HDR)
for j in (1, 2):
    for k in js_keys:
        r = row("js", k, j, "rl-cold")
        if r: L.append(r)
L.append("\n## C corpus\n")
L.append(HDR.replace("racelint cold", "racelint C cold"))
for j in (1, 2):
    for k in c_keys:
        r = row("c", k, j, "rl-c-cold")
        if r: L.append(r)
L.append("\nPeak RSS is the largest single process (getrusage of the waited-for children): for the per-TU tools (clang, clang-tidy, run through xargs) that is one TU's process, not their sum.\n")

L.append("## Scaling (racelint -j1 on copies of the JS corpus)\n")
L.append("| corpus | files | cold median wall s | cold median CPU s | CPU ÷ (k × CPU of ×1) | parse-only CPU s | peak RSS MB |\n|---|---|---|---|---|---|---|")
base_cpu = None
for k in (1, 2, 4):
    s = stat("scale-x%d" % k if k > 1 else "rl-cold", 1)
    p = stat("rl-parse", 1) if k == 1 else None
    if not s: continue
    base_cpu = base_cpu or s["cpu"]
    L.append("| ×%d | %d | %s | %s | %.2f | %s | %.0f |" % (k, len(js_files) * k, fmt_s(s["wall"]), fmt_s(s["cpu"]), s["cpu"] / base_cpu / k, fmt_s(p["cpu"]) if p else "–", s["rss"]))

L.append("\n## Editor latency (racelint lsp)\n")
if lsp:
    L.append("A generated %d-line TypeScript file (async service classes, one finding per class) is opened in `racelint lsp`; then %d one-character incremental edits (`didChange`, insert/delete alternately at line 2500), each timed from sending the change until the `publishDiagnostics` for that version arrives.\n" % (lsp["lines"], lsp["edits"]))
    L.append("| open → first diagnostics | p50 | p95 | max | mean |\n|---|---|---|---|---|")
    L.append("| %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms |" % (lsp["open_ms"], lsp["p50_ms"], lsp["p95_ms"], lsp["max_ms"], lsp["mean_ms"]))
else:
    L.append("LSP measurement failed (see the run log).")

# ------------------------------------------------------------- targets
def yes(b): return "**met**" if b else "**not met**"
tg = []
for j in (1, 2):
    rp = ratio("rl-cold", "rl-parse", j, "cpu"); rpw = ratio("rl-cold", "rl-parse", j, "wall")
    tg.append(("JS/TS cold ≤ 1.3× parse floor (jobs %d)" % j, "CPU %.2f×, wall %.2f×" % (rp, rpw), yes(rp <= 1.3)))
for j in (1, 2):
    e = ratio("eslint", "rl-cold", j, "wall"); ec = ratio("eslint", "rl-cold", j, "cpu")
    tg.append(("JS/TS cold ≥ 10× faster than ESLint (jobs %d)" % j, "ESLint takes %.1f× racelint's wall (%.1f× CPU)" % (e, ec), yes(e >= 10 and ec >= 10) if e == e else "not run"))
for j in (1, 2):
    o = ratio("oxlint-ta", "rl-cold", j, "wall"); oc = ratio("oxlint-ta", "rl-cold", j, "cpu")
    tg.append(("JS/TS cold ≥ 5× faster than oxlint --type-aware (jobs %d)" % j, "oxlint --type-aware takes %.1f× racelint's wall (%.1f× CPU)" % (o, oc), yes(o >= 5 and oc >= 5)))
for j in (1, 2):
    w = ratio("rl-cold", "rl-warm", j, "wall"); wc = ratio("rl-cold", "rl-warm", j, "cpu")
    tg.append(("JS/TS warm ≥ 5× faster than cold (jobs %d)" % j, "cold/warm %.1f× wall, %.1f× CPU" % (w, wc), yes(w >= 5)))
for j in (1, 2):
    ox = ratio("oxlint", "rl-warm", j, "wall")
    tg.append(("JS/TS warm faster than oxlint cold (jobs %d)" % j, "oxlint wall ÷ racelint warm wall = %.2f×" % ox, yes(ox > 1)))
for j in (1, 2):
    c = ratio("rl-c-cold", "clang-syntax", j, "cpu")
    tg.append(("C ≤ 1.5× clang -fsyntax-only CPU (jobs %d)" % j, "%.2f×" % c, yes(c <= 1.5)))
for j in (1, 2):
    t = ratio("clang-tidy", "rl-c-cold", j, "wall"); tc = ratio("clang-tidy", "rl-c-cold", j, "cpu")
    tg.append(("C ≥ 2× faster than clang-tidy (jobs %d)" % j, "clang-tidy takes %.1f× racelint's wall (%.1f× CPU)" % (t, tc), yes(t >= 2 and tc >= 2)))
for key, name in (("rl-cold", "JS/TS"), ("rl-c-cold", "C")):
    a, b = stat(key, 1), stat(key, 2)
    if a and b:
        sp = a["wall"] / b["wall"]
        tg.append(("Parallel: --jobs 2 ≥ 1.7× --jobs 1 throughput (%s cold)" % name, "%.2f× (wall %.2fs → %.2fs; CPU %.2fs → %.2fs)" % (sp, a["wall"], b["wall"], a["cpu"], b["cpu"]), yes(sp >= 1.7)))
peak = max((stat(k, j)["rss"] for k in ("rl-cold", "rl-c-cold") for j in (1, 2) if stat(k, j)), default=float("nan"))
s1, s4 = stat("rl-cold", 1), stat("scale-x4", 1)
tg.append(("Memory: peak RSS ≤ 300 MB on the biggest corpus (JS and C as assembled)", "%.0f MB" % peak, yes(peak <= 300)))
if s1 and s4:
    tg.append(("Memory: independent of file count beyond the facts (JS ×4 copies vs ×1)", "%.0f MB vs %.0f MB (parse-only ×1: %.0f MB)" % (s4["rss"], s1["rss"], stat("rl-parse", 1)["rss"]), yes(s4["rss"] <= 300 and s4["rss"] <= 1.5 * s1["rss"])))
if s1 and s4:
    lin = s4["cpu"] / s1["cpu"]
    tg.append(("Scaling: time grows linearly (×4 corpus)", "×4 takes %.2f× the ×1 CPU (%.2f× wall)" % (lin, s4["wall"] / s1["wall"]), yes(3.4 <= lin <= 4.6)))
if lsp:
    tg.append(("Editor: one-character edit in a 5,000-line TS file ≤ 30 ms p95", "p95 %.1f ms (p50 %.1f ms)" % (lsp["p95_ms"], lsp["p50_ms"]), yes(lsp["p95_ms"] <= 30)))
L.append("\n## Targets (issue 8)\n")
L.append("| target | measured | status |\n|---|---|---|")
for a, b, c in tg:
    L.append("| %s | %s | %s |" % (a, b, c))

L.append("\n## Profile\n")
L.append("Tool: %s.\n" % profile_tool)
L.append("Self time per symbol (`perf report --no-children`); the inclusive breakdown is in the reading below.\n")
L.append("```\n%s\n```\n" % "\n".join(re.sub(r"(\s+-)+\s*$", "", l.rstrip()) for l in profile_txt.splitlines()))
an = os.path.join(HERE, "ANALYSIS.md")   # hand-written reading of the profile and the misses
if os.path.exists(an) and not QUICK:
    L.append(open(an).read())

L.append("## Exact commands\n")
L.append("Run from the corpus root (`%s` and `%s`); `$RL` is `%s`. Each command runs %d× (slow peers %d×), interleaved.\n" %
         (os.path.relpath(JS, REPO), os.path.relpath(C, REPO), os.path.relpath(RL, REPO), REPS, SLOW_REPS))
L.append("```sh")
seen = set()
for t in tasks:
    cmd = t["cmd"] if t["shell"] else " ".join(shlex.quote(x) for x in t["cmd"])
    cmd = cmd.replace(RL, "$RL").replace(REPO + "/", "")
    env = " ".join("%s=%s" % kv for kv in t["env"].items())
    line = "# %s, jobs %d (cwd %s)\n%s%s" % (t["label"], t["jobs"], os.path.relpath(t["cwd"], REPO), env + " " if env else "", cmd)
    if line not in seen:
        seen.add(line); L.append(line)
L.append("```")
L.append("\nTimeouts: any one peer run is killed after %d s; each cppcheck project run (memcached, redis, libuv, curl, and the SQLite amalgamation on its own) is capped at %d s with `timeout`, so cppcheck's numbers are a lower bound wherever it hit the cap. Warm runs have their cache primed by an untimed run right before." % (SLOW_CAP, CPPCHECK_CAP))
L.append("Raw per-run numbers: `%s/raw.json`; `python3 bench/run.py --report-only` rewrites this file from them.\n" % os.path.relpath(RES, REPO))
L.append("Build-free C (no compile_commands.json) against each project's own build flags: docs/buildfree.md (bench/buildfree/agree.sh, not part of `make bench`: it builds real projects).\n")
open(OUT, "w").write("\n".join(L) + "\n")
log("wrote", OUT)
