#!/usr/bin/env bash
# select.sh - the selection query of the fixed-concurrency-bug evaluation
# (issue 18), run exactly as committed: which projects, which keywords,
# every match taken, none picked by hand.
#
#   bench/fixedbugs/select.sh [WORK]      (WORK default /work/fixedbugs or /tmp)
#
# For each project of PROJECTS (threaded C code in Debian whose upstream
# version differs between bookworm and trixie; the list was written before
# any changelog was read, and leaves out the code bases of the precision
# issues' held-out sets), fetches both source packages with apt-get source
# (trixie through a private apt state: the system's sources are not
# touched), takes the upstream changelog files named in the row, keeps the
# entries added between the two versions (lines of the trixie file that are
# not in the bookworm file), and prints every entry that matches KEYWORDS.
# Output: WORK/candidates.tsv  (id, project, file, entry's first line),
# where id = first 10 hex of sha1(project + entry text), and the half
# assignment: ids whose last hex digit is even are DEVELOPMENT, odd are
# HELD OUT (a rule fixed before any candidate was read).
set -euo pipefail
work=${1:-$( [ -w /work ] && echo /work/fixedbugs || echo /tmp/racelint-fixedbugs )}
mkdir -p "$work/src" "$work/apt/lists/partial"

# project  bookworm-version  trixie-version  changelog files (comma)
PROJECTS="
memcached     1.6.18-1+deb12u1          1.6.38-1               ChangeLog,NEWS
redis         5:7.0.15-1~deb12u10        5:8.0.2-3+deb13u3      00-RELEASENOTES
libuv1        1.44.2-1+deb12u1          1.50.0-2               ChangeLog
unbound       1.17.1-2+deb12u4          1.26.2-0+deb13u1       doc/Changelog
rsyslog       8.2302.0-1+deb12u2        8.2504.0-1+deb13u2     ChangeLog
lighttpd      1.4.69-1                  1.4.79-2               NEWS
haproxy       2.6.12-1+deb12u4          3.0.11-1+deb13u4       CHANGELOG
varnish       7.1.1-2+deb12u1           7.7.0-3+deb13u2        doc/changes.rst
libzstd       1.5.4+dfsg2-5+deb12u1     1.5.7+dfsg-1           CHANGELOG
curl          7.88.1-10+deb12u15        8.14.1-2+deb13u5       RELEASE-NOTES,CHANGES,CHANGES.md
libevent      2.1.12-stable-8+deb12u1   2.1.13-stable-1~deb13u1 ChangeLog
nng           1.5.2-2                   1.10.1-2               CHANGELOG.adoc,docs/RELEASE_NOTES.md
lmdb          0.9.24-1                  0.9.31-1               libraries/liblmdb/CHANGES
pulseaudio    16.1+dfsg1-2              17.0+dfsg1-2           NEWS
glib2.0       2.74.6-2+deb12u9          2.84.4-3~deb13u5       NEWS
libwebsockets 4.1.6-3                   4.3.5-1+deb13u3        changelog
openldap      2.5.13+dfsg-5             2.6.10+dfsg-1          CHANGES
nfs-utils     1:2.6.2-4+deb12u1         1:2.8.3-1              ChangeLog,NEWS
tor           0.4.9.11-0+deb12u1        0.4.9.15-0+deb13u1     ChangeLog
bind9         1:9.18.49-1~deb12u3       1:9.20.30-1~deb13u1    CHANGES,doc/notes/changelog.rst
"
KEYWORDS='data race|race condition|\brace\b|\bracy\b|deadlock|thread[- ]saf|mutex|\block(ing)? order|double[- ]lock|TOCTOU|time[- ]of[- ]check|use[- ]after[- ]free.*thread|concurrent(ly)? (access|modif|writ)'

apt_trixie=(-o Dir::Etc::SourceList="$work/apt/sources.list" -o Dir::Etc::SourceParts=/dev/null
            -o Dir::State::Lists="$work/apt/lists")
if [ ! -f "$work/apt/.updated" ]; then
  echo 'deb-src http://deb.debian.org/debian trixie main' >"$work/apt/sources.list"
  apt-get "${apt_trixie[@]}" update -qq >/dev/null && touch "$work/apt/.updated"
fi

# fetch PKG VERSION SUITE -> prints the unpacked directory
fetch() {
  local pkg=$1 ver=$2 suite=$3 dir tmp
  dir="$work/src/$pkg-${ver//:/_}"
  if [ ! -f "$dir/.fetched" ]; then
    rm -rf "$dir"; tmp=$(mktemp -d "$work/src/tmp.XXXXXX")
    local opts=(); [ "$suite" = trixie ] && opts=("${apt_trixie[@]}")
    # The archive reached here answers 404 for some revisions (often the
    # security pocket's): any Debian revision of the same upstream version
    # has the same .orig tarball, so try those too, newest first.
    local up=${ver#*:} v; up=${up%-*}
    for v in "$ver" $(apt-cache "${opts[@]}" showsrc "$pkg" 2>/dev/null |
                      awk '/^Version:/{print $2}' | sort -rV | uniq); do
      local vu=${v#*:}; vu=${vu%-*}
      [ "$v" = "$ver" ] || [ "$vu" = "$up" ] || continue
      (cd "$tmp" && apt-get "${opts[@]}" source -qq --download-only "$pkg=$v" >/dev/null 2>&1) || true
      ls "$tmp"/*.orig.tar.* >/dev/null 2>&1 && break
    done
    local orig; orig=$(ls "$tmp"/*.orig.tar.* 2>/dev/null | grep -v '\.asc$' | head -1 || true)
    if [ -z "$orig" ]; then echo "select.sh: could not fetch $pkg=$ver" >&2; rm -rf "$tmp"; return 1; fi
    mkdir -p "$dir" && tar -xf "$orig" -C "$dir" --strip-components=1 && rm -rf "$tmp"
    touch "$dir/.fetched"
  fi
  echo "$dir"
}

out="$work/candidates.tsv"
: >"$out"
echo "$PROJECTS" | while read -r pkg old new files; do
  [ -n "$pkg" ] || continue
  d_old=$(fetch "$pkg" "$old" bookworm) || continue
  d_new=$(fetch "$pkg" "$new" trixie) || continue
  IFS=, read -r -a fl <<<"$files"
  for f in "${fl[@]}"; do
    [ -f "$d_new/$f" ] || continue
    # entries: paragraphs or list items of the new file whose text is not in the old one
    python3 - "$pkg" "$f" "$d_old/$f" "$d_new/$f" "$KEYWORDS" >>"$out" <<'PY'
import hashlib, re, sys
pkg, name, old, new, kw = sys.argv[1:6]
def entries(path):
    try:
        text = open(path, encoding="utf-8", errors="replace").read()
    except OSError:
        return []
    out, cur = [], []
    for line in text.splitlines():
        starts = re.match(r"\s*([-*+o]|\d+[.)]|\[\w+\]|- )\s", line) or not line.strip()
        if starts and cur:
            out.append(" ".join(s.strip() for s in cur)); cur = []
        if line.strip():
            cur.append(line)
    if cur:
        out.append(" ".join(s.strip() for s in cur))
    return out
seen = set(entries(old))
rx = re.compile(kw, re.I)
for e in entries(new):
    if e in seen or not rx.search(e):
        continue
    ident = hashlib.sha1((pkg + "\0" + e).encode()).hexdigest()[:10]
    half = "dev" if int(ident[-1], 16) % 2 == 0 else "heldout"
    print(f"{ident}\t{half}\t{pkg}\t{name}\t{e[:300]}")
PY
  done
done
sort -u -o "$out" "$out"
echo "select.sh: $(wc -l <"$out") candidates in $out ($(grep -c $'\tdev\t' "$out" || true) dev, $(grep -c $'\theldout\t' "$out" || true) held out)"
