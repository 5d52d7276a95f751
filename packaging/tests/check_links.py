#!/usr/bin/env python3
"""check_links.py BINARY SOURCE_DIR REPO_URL DOCS_URL - every link racelint
ships resolves to a file of this repository at the version that made it:
SARIF helpUri (one per rule) and informationUri, the config schema's $id,
links into REPO_URL (blob/tree/raw) in the docs, and relative links in the
Markdown files. A link at a ref names the release tag v<VERSION>."""
import json, os, re, subprocess, sys

binary, src, repo, docs_url = sys.argv[1:5]
binary = os.path.abspath(binary)
repo = repo.rstrip("/")
version = open(os.path.join(src, "VERSION")).read().split()[0]
tag = "v" + version
owner_repo = "/".join(repo.split("/")[-2:])
fails = []


def in_repo(path, what):
    if not os.path.exists(os.path.join(src, path)):
        fails.append(f"{what}: {path} is not a file of the repository")


def check_repo_url(url, what):
    """A link into the repository: REPO/blob|tree/REF/path or raw."""
    m = re.match(re.escape(repo) + r"/(?:blob|tree|raw)/([^/]+)/(.*)$", url) or \
        re.match(r"https://raw\.githubusercontent\.com/" + re.escape(owner_repo) + r"/([^/]+)/(.*)$", url)
    if not m:
        return False
    ref, path = m.group(1), m.group(2).split("#")[0]
    if ref != tag:
        fails.append(f"{what}: {url} is at '{ref}', not the release tag {tag}")
    in_repo(path, what)
    return True


# 1. SARIF from the binary: helpUri of every rule, informationUri.
out = subprocess.run([binary, "--no-cache", "--format", "sarif", "--exit-zero", "."],
                     cwd=os.path.join(src, "tests", "golden", "input"),
                     capture_output=True, text=True, check=True).stdout
driver = json.loads(out)["runs"][0]["tool"]["driver"]
if driver.get("informationUri") != repo:
    fails.append(f"SARIF informationUri {driver.get('informationUri')} is not {repo}")
rules = driver["rules"]
if len(rules) < 5:
    fails.append(f"SARIF lists only {len(rules)} rules")
for r in rules:
    uri = r.get("helpUri", "")
    if not uri.startswith(docs_url):
        fails.append(f"helpUri of {r['id']}: {uri} is not under {docs_url}")
        continue
    if docs_url.startswith(repo + "/") or docs_url.startswith("https://raw.githubusercontent.com/"):
        if not check_repo_url(uri, f"helpUri of {r['id']}"):
            fails.append(f"helpUri of {r['id']}: {uri} is not a repository link")
    if uri != docs_url + r["id"] + ".md":
        fails.append(f"helpUri of {r['id']}: {uri}")
    in_repo(f"rules/{r['id']}.md", f"rule doc of {r['id']}")

# 2. The config schema's $id: the raw file at the tag (what "$schema" names).
schema = json.load(open(os.path.join(src, "docs", "racelint.schema.json")))
want = f"https://raw.githubusercontent.com/{owner_repo}/{tag}/docs/racelint.schema.json"
if schema.get("$id") != want:
    fails.append(f"schema $id {schema.get('$id')}, want {want}")

# 3. Links in the docs.
skip_dirs = {".git", "node_modules", "testdata", "bench"}
files = []
for d, dirs, names in os.walk(src):
    dirs[:] = [x for x in dirs if x not in skip_dirs and not x.startswith("build")
               and not (d == src and x in ("dist",))]
    for n in names:
        if n.endswith((".md", ".yml", ".yaml", ".json", ".1.in")) and "node_modules" not in d:
            files.append(os.path.join(d, n))
url_re = re.compile(r"https?://[^\s)\"'<>`\]]+")
md_link = re.compile(r"\]\(([^)\s]+)\)")
nlinks = 0
for f in sorted(files):
    rel = os.path.relpath(f, src)
    text = open(f, encoding="utf-8", errors="replace").read()
    for url in url_re.findall(text):
        url = url.rstrip(".,;:")
        if re.match(re.escape(repo) + r"(\.git|/issues|/releases|/pulls|/discussions)\b", url):
            continue  # GitHub pages of the repository, not files
        if url.startswith(repo + "/") or url.startswith(f"https://raw.githubusercontent.com/{owner_repo}/"):
            nlinks += 1
            if not check_repo_url(url, rel):
                fails.append(f"{rel}: {url} is not a file link (REPO/blob/{tag}/path)")
    # pins of the Action and of the pre-commit hooks name this version
    for pin in re.findall(re.escape(owner_repo) + r"@(v[0-9][0-9A-Za-z.+-]*)", text) + \
            re.findall(r"\brev: (v[0-9][0-9A-Za-z.+-]*)", text):
        nlinks += 1
        if pin.rstrip(".") != tag:
            fails.append(f"{rel}: pin {pin}, want {tag} (packaging/bump-version.sh)")
    if f.endswith(".md"):
        for target in md_link.findall(text):
            if re.match(r"[a-z]+:", target) or target.startswith("#"):
                continue
            nlinks += 1
            path = os.path.normpath(os.path.join(os.path.dirname(rel), target.split("#")[0]))
            in_repo(path, f"{rel} links {target}")

for m in fails:
    print("FAIL:", m)
print(f"{len(rules)} helpUri, {nlinks} doc links checked, {len(fails)} broken")
sys.exit(1 if fails else 0)
