#!/usr/bin/env bash
# Hostile cache directories (a CI cache restored from another run's
# archive can hold links, FIFOs, directories and foreign files; issue 14,
# variants beyond 03/04 and cli/cache_hostile, which forges fields):
# - a subdirectory that is a symbolic link: no entry is written through it
#   (entries hold file names and source lines);
# - an entry that is a link to a file: replaced, the file untouched;
# - an entry that is a link to /dev/zero, a FIFO or a directory, a sparse
#   file over the entry size limit, another file's entry: a miss; the run's
#   output is the uncached one, and nothing hangs.
. "$(dirname "$0")/lib.sh"
P="$T/p"
V="$T/victims"
mkdir -p "$P" "$V/dir"
bad_js "$P/a.js"
printf '%s\n' 'export async function g() {}' 'g();' >"$P/b.js"
echo precious >"$V/file"
cd "$T"
run --no-color --no-cache p
WANT_OUT=$OUT WANT_RC=$RC
same() { if [ "$RC" = "$WANT_RC" ] && [ "$OUT" = "$WANT_OUT" ]; then ok; else fail "$1: output differs from an uncached run"; fi; }
untouched() {
  if [ "$(cat "$V/file")" = precious ] && [ -z "$(ls -A "$V/dir")" ] &&
     [ "$(cd "$V" && find . -mindepth 1 | sort | tr '\n' ' ')" = "./dir ./file " ]; then ok; else
    OUT=$(cd "$V" && find . -mindepth 1); fail "$1: something was written outside the cache"; fi
}

# where the entries go: one run, then the list of entry paths
run --no-color --cache-dir "$T/c0" p
same "first cached run"
ENTRIES=$(cd "$T/c0" && find . -type f | sort)
if [ "$(wc -l <<<"$ENTRIES")" = 2 ]; then ok; else fail "two entries written (got: $ENTRIES)"; fi
fresh() { rm -rf "$T/c"; mkdir -p "$T/c"; }

# every subdirectory an entry would go in is a link to a victim directory
fresh
for i in $(seq 0 255); do ln -s "$V/dir" "$T/c/$(printf %02x "$i")"; done
run --no-color --cache-dir "$T/c" p
same "subdirectories linked elsewhere"
untouched "subdirectories linked elsewhere"
run --no-color --cache-dir "$T/c" p
same "subdirectories linked elsewhere, second run"

# each entry path holds: a link to a file, /dev/zero, a FIFO, a directory,
# a 300 MB sparse file, the other file's entry
plant() { # KIND: fills $T/c with the entry paths as KIND
  fresh
  local e k=0 other
  for e in $ENTRIES; do
    mkdir -p "$T/c/$(dirname "$e")"
    case $1 in
      link) ln -s "$V/file" "$T/c/$e" ;;
      zero) ln -s /dev/zero "$T/c/$e" ;;
      fifo) mkfifo "$T/c/$e" ;;
      dir) mkdir "$T/c/$e" ;;
      sparse) truncate -s 300M "$T/c/$e" ;;
      swapped)
        other=$(grep -vxF "$e" <<<"$ENTRIES")
        cp "$T/c0/$other" "$T/c/$e" ;;
    esac
    k=$((k + 1))
  done
}
for kind in link zero fifo dir sparse swapped; do
  plant $kind
  run --no-color --cache-dir "$T/c" p
  same "entries that are $kind"
  untouched "entries that are $kind"
  case $kind in
    link)
      # the links were replaced by real entries, which a second run uses
      n=$(cd "$T/c" && find . -type l | wc -l)
      if [ "$n" = 0 ]; then ok; else fail "entry links left in place: $n"; fi
      run --no-color --cache-dir "$T/c" p
      same "entries written over links" ;;
  esac
done
finish
