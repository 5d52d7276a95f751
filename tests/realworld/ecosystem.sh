#!/usr/bin/env bash
# ecosystem.sh - what a change adds and removes on pinned real code
# (the ruff ecosystem check, for racelint).
#
#   tests/realworld/ecosystem.sh [--set dev|heldout|all] [--lang c|js|all]
#                                [--base REF] [--new RACELINT] [--keep]
#                                [--fetch-only]
#
# Fetches the pinned code bases of docs/triage-c.md and docs/triage-js.md
# ("Evaluation sets") into $ECO_WORK/src (default /work/eco, else
# /tmp/racelint-eco), builds racelint at --base (default: main) in a
# scratch worktree, scans every code base with that build and with --new
# (default: ./build/racelint of this checkout), and prints, per code base
# and rule, the counts and every finding that appeared (+) or disappeared
# (-). Reports are kept in $ECO_WORK/out/<set>/<base|new>/<name>.json for
# triage (../shared/tools/triage-sample). $ECO_ARGS (split on spaces) is
# given to both scans, e.g. ECO_ARGS='--config /abs/strict.json' with a
# file holding { "extends": "racelint:strict" } to measure strict rules.
#
# The default set is `dev`: the held-out code bases are scanned only when
# asked for (`--set heldout`), at the end, by someone who did not write the
# rules. Nothing fetched is committed. Needs the npm registry and Debian's
# archive (deb-src is added when missing, as tests/realworld/scan.sh does).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
set_name=dev lang=all base=main new=$top/build/racelint keep=0 fetch_only=0
while [ $# -gt 0 ]; do
  case $1 in
    --set) set_name=$2; shift 2 ;;
    --lang) lang=$2; shift 2 ;;
    --base) base=$2; shift 2 ;;
    --new) new=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    --fetch-only) fetch_only=1; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "ecosystem.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
case $set_name in dev|heldout|all) ;; *) echo "ecosystem.sh: --set dev|heldout|all" >&2; exit 2 ;; esac
if [ -z "${ECO_WORK:-}" ]; then
  if [ -d /work ] && [ -w /work ]; then ECO_WORK=/work/eco; else ECO_WORK=/tmp/racelint-eco; fi
fi
mkdir -p "$ECO_WORK/src" "$ECO_WORK/dl"

# name  version  set  lang  directories scanned (relative to the package)
CODEBASES="
collectd      5.12.0-14            dev     c   .
rsyslog       8.2302.0-1+deb12u1   dev     c   .
libevent      2.1.12-stable-8      dev     c   .
unbound       1.17.1-2+deb12u4     dev     c   .
fio           3.33-3               dev     c   .
rrdtool       1.7.2-4              dev     c   .
knot          3.2.6-1              dev     c   .
stunnel4      3:5.68-2+deb12u1     dev     c   .
libmicrohttpd 0.9.75-6             dev     c   .
tinyproxy     1.11.1-2.1+deb12u1   dev     c   .
mosquitto     2.0.11-1.2+deb12u2   dev     c   .
xz-utils      5.4.1-1+deb12u1      dev     c   .
librdkafka    2.0.2-1              dev     c   src
freeradius    3.2.1+dfsg-4+deb12u1 dev     c   src
uwsgi         2.0.21-5.1           dev     c   core,plugins,lib,proto
h2o           2.2.5+dfsg2-7        dev     c   lib,src
pulseaudio    16.1+dfsg1-2         dev     c   src
nng           1.5.2-2              dev     c   src
coturn        4.6.1-1              dev     c   src
janus         1.1.2-1              dev     c   src
tgt           1:1.0.85-1+deb12u1   dev     c   usr
nfs-ganesha   4.3-2                dev     c   src
glusterfs     10.3-5               dev     c   libglusterfs/src,rpc
bind9         1:9.18.49-1~deb12u3  dev     c   lib/isc
tor           0.4.9.11-0+deb12u1   dev     c   src/lib,src/core
kamailio      5.6.3-2              dev     c   src/core
ntpsec        1.2.2+dfsg1-1+deb12u1 dev     c  ntpd,libntp
nginx         1.22.1-9+deb12u12    dev     c   src/core,src/event,src/os/unix
jemalloc      5.3.0-1              dev     c   src
libvirt       9.0.0-4+deb12u2      dev     c   src/util,src/rpc
spice         0.15.1-1             dev     c   server
keepalived    1:2.2.7-1            dev     c   keepalived,lib
knot-resolver 5.6.0-1+deb12u1      dev     c   daemon,lib
lldpd         1.0.16-1+deb12u1     dev     c   src
avahi         0.8-10+deb12u1       dev     c   avahi-core,avahi-daemon,avahi-common
corosync      3.1.7-1+deb12u2      dev     c   exec,lib,common_lib
dbus          1.14.10-1~deb12u1    dev     c   dbus,bus
glib2.0       2.74.6-2+deb12u9     dev     c   glib
libqb         2.0.6-2              dev     c   lib
haproxy       2.6.12-1+deb12u3     dev     c   src
pacemaker     2.1.5-1+deb12u1      dev     c   lib,daemons
lvm2          2.03.16-2            dev     c   daemons,libdm
multipath-tools 0.9.4-3+deb12u2    dev     c   libmultipath,multipathd
fuse3         3.14.0-4             dev     c   lib
syslog-ng     3.38.1-5+deb12u1     dev     c   .
pcsc-lite     1.9.9-2              dev     c   .
czmq          4.2.1-1              dev     c   .
civetweb      1.15+dfsg-4          dev     c   .
strongswan    5.9.8-5+deb12u5      dev     c   .
icecast2      2.4.4-4              dev     c   .
sane-backends 1.2.1-2              dev     c   .
libusb-1.0    2:1.0.26-1           dev     c   .
gstreamer1.0  1.22.0-2+deb12u1     dev     c   .
mongodb            6.12.0    dev     js  src
piscina            4.8.0     dev     js  src,test
kafkajs            2.2.4     dev     js  src
fastify            4.29.0    dev     js  lib,test,fastify.js
knex               3.1.0     dev     js  lib,bin
@grpc/grpc-js      1.14.7    dev     js  src
pg-boss            9.0.3     dev     js  src
mysql2             3.26.1    dev     js  lib,index.js,promise.js
generic-pool       3.9.0     dev     js  lib,index.js
puppeteer-core     23.11.1   dev     js  src
@temporalio/worker 1.11.6    dev     js  src
mqtt               5.10.3    dev     js  src
moleculer          0.14.35   dev     js  src
amqplib            0.10.5    dev     js  lib,test,callback_api.js,channel_api.js
tedious            18.6.1    dev     js  lib
mongoose           8.24.10   dev     js  lib
bull               4.16.5    dev     js  lib,index.js
cacache            18.0.4    dev     js  lib
undici             6.29.1    dev     js  lib
discord.js         14.28.1   dev     js  src
bee-queue          2.0.0     dev     js  lib,index.js
telegraf           4.16.3    dev     js  src
@trpc/server       11.25.2   dev     js  src
@supabase/realtime-js 2.119.2 dev     js src
matrix-js-sdk      37.5.0    dev     js  src
agenda             5.0.0     dev     js  lib
@microsoft/signalr 8.0.7     dev     js  src
mssql              11.0.1    dev     js  lib,index.js,msnodesqlv8.js,tedious.js
cassandra-driver   4.8.0     dev     js  lib,index.js
pg-promise         11.15.0   dev     js  lib
@hapi/hapi         21.4.0    dev     js  lib
sequelize          6.37.7    dev     js  lib
winston            3.17.0    dev     js  lib
fs-extra           11.3.0    dev     js  lib
pm2                6.0.8     dev     js  lib
nodemailer         7.0.5     dev     js  lib
pino               9.7.0     dev     js  lib
node-fetch         3.3.2     dev     js  src
bottleneck         2.19.5    dev     js  lib
http-proxy         1.18.1    dev     js  lib,index.js
proper-lockfile    4.1.2     dev     js  lib,index.js
archiver           7.0.1     dev     js  lib,index.js
@tanstack/query-core 5.80.7  dev     js  src
postgres           3.4.5     dev     js  src
mariadb            3.4.0     dev     js  lib,callback.js,promise.js
imapflow           1.0.171   dev     js  lib
nodemon            3.1.9     dev     js  lib
rascal             20.1.1    dev     js  lib,index.js
objection          3.1.5     dev     js  lib
multer             2.5.0     dev     js  lib,storage,index.js
express-session    1.19.0    dev     js  session,index.js
@google-cloud/pubsub 6.3.2   dev     js  build/src
workerpool         10.0.3    dev     js  src
lowdb              7.0.1     dev     js  lib
node-persist       4.0.4     dev     js  src
@seald-io/nedb     4.1.2     dev     js  lib,index.js
formidable         3.5.4     dev     js  src
rotating-file-stream 4.0.0   dev     js  dist/cjs
chokidar           6.0.0     dev     js  .
pacote             22.0.1    dev     js  lib,bin
basic-ftp          6.2.6     dev     js  dist
ssh2-sftp-client   12.1.1    dev     js  src
keyv               6.1.0     dev     js  dist/index.cjs
cron               4.4.0     dev     js  dist
@nestjs/microservices 12.1.1 dev     js  .
winston-daily-rotate-file 5.0.0 dev     js .
cache-manager      7.2.9     dev     js  dist/index.cjs
session-file-store 1.5.0     dev     js  lib,index.js
@azure/service-bus 7.9.5     dev     js  dist-esm/src
node-telegram-bot-api 0.66.0 dev     js  src
socket.io          4.8.1     dev     js  dist
ws                 8.18.0    dev     js  lib,index.js
@supabase/auth-js  2.70.0    dev     js  src
aedes              1.2.0     dev     js  lib,aedes.js
log4js             6.9.1     dev     js  lib
dockerode          5.0.1     dev     js  lib
rate-limiter-flexible 11.4.0 dev     js  lib
restify            12.0.0    dev     js  lib
@feathersjs/feathers 5.0.50  dev     js  src
node-schedule      2.1.1     dev     js  lib
nano               11.0.7    dev     js  lib
opossum            10.0.0    dev     js  lib
ioredis            5.4.2     dev     js  built
bullmq             5.34.0    dev     js  dist/cjs
amqp-connection-manager 4.1.14 dev     js dist/cjs
@redis/client      1.6.0     dev     js  dist/lib
pg                 8.13.1    dev     js  lib
got                14.4.5    dev     js  dist/source
@slack/bolt        4.1.1     dev     js  dist
execa              9.5.2     dev     js  lib,index.js
@elastic/transport 8.9.1     dev     js  lib
"

selected() { # prints the selected rows
  echo "$CODEBASES" | while read -r name version set l dirs; do
    [ -n "$name" ] || continue
    [ "$set_name" = all ] || [ "$set" = "$set_name" ] || continue
    [ "$lang" = all ] || [ "$l" = "$lang" ] || continue
    echo "$name $version $set $l $dirs"
  done
}

ensure_deb_src() {
  grep -rqsE '^(deb-src |Types:.*deb-src)' /etc/apt/sources.list /etc/apt/sources.list.d/ && return 0
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] && sed 's/^Types: deb$/Types: deb-src/' "$f" >"/etc/apt/sources.list.d/racelint-src-$(basename "$f")"
  done
  [ -f /etc/apt/sources.list ] && sed -n 's/^deb /deb-src /p' /etc/apt/sources.list \
    >/etc/apt/sources.list.d/racelint-src.list
  apt-get update -qq >/dev/null 2>&1 || true
}

# fetch NAME VERSION LANG -> prints the source directory
fetch() {
  local name=$1 version=$2 l=$3 dir
  dir="$ECO_WORK/src/$(echo "$name" | tr '/@' '__')-${version//:/_}"
  # a directory someone unpacked by hand at the same place is kept as it is
  if [ ! -f "$dir/.fetched" ] && [ -n "$(ls -A "$dir" 2>/dev/null)" ]; then touch "$dir/.fetched"; fi
  if [ ! -f "$dir/.fetched" ]; then
    rm -rf "$dir"; mkdir -p "$dir"
    if [ "$l" = js ]; then
      (cd "$ECO_WORK/dl" && tgz=$(npm pack --silent "$name@$version" | tail -1) &&
        tar -xzf "$tgz" -C "$dir" --strip-components=1) >&2
    else
      ensure_deb_src
      local tmp; tmp=$(mktemp -d "$ECO_WORK/dl/deb.XXXXXX")
      # The archive reached here sometimes lacks a package's Debian tarball
      # (404): then the upstream (.orig) tarball alone is scanned.
      if ! (cd "$tmp" && apt-get source -qq "$name=$version" >/dev/null 2>&1); then
        (cd "$tmp" && apt-get source -qq --download-only "$name=$version" >/dev/null 2>&1) || true
        local orig; orig=$(ls "$tmp"/*.orig.tar.* 2>/dev/null | grep -v '\.asc$' | head -1)
        [ -n "$orig" ] && mkdir -p "$tmp/orig" && tar -xf "$orig" -C "$tmp/orig" --strip-components=1 ||
          { echo "ecosystem.sh: could not fetch $name=$version" >&2; rm -rf "$tmp" "$dir"; return 1; }
      fi
      local unpacked; unpacked=$(find "$tmp" -mindepth 1 -maxdepth 1 -type d | head -1)
      rm -rf "$dir"; mv "$unpacked" "$dir"; rm -rf "$tmp"
    fi
    touch "$dir/.fetched"
  fi
  echo "$dir"
}

# build_base REF -> prints the path of a racelint built at REF
build_base() {
  local ref=$1 sha wt
  sha=$(git -C "$top" rev-parse --verify "$ref^{commit}")
  wt="$ECO_WORK/base-$sha"
  if [ ! -x "$wt/build/racelint" ]; then
    [ -d "$wt" ] || git -C "$top" worktree add --detach "$wt" "$sha" >&2
    if [ -d "$top/grammars/node_modules" ] && [ ! -e "$wt/grammars/node_modules" ]; then
      cp -a "$top/grammars/node_modules" "$wt/grammars/" && touch "$wt/grammars/node_modules/.installed"
    fi
    make -C "$wt" build >&2
  fi
  echo "$wt/build/racelint"
}

# scan RACELINT SRC LANG DIRS OUT
scan() {
  local rl=$1 src=$2 l=$3 dirs=$4 out=$5 args=() extra=()
  read -r -a extra <<<"${ECO_ARGS:-}"
  IFS=, read -r -a parts <<<"$dirs"
  for p in "${parts[@]}"; do [ -e "$src/$p" ] && args+=("$src/$p"); done
  # quilt keeps pre-patch copies of patched files in .pc/: they would
  # double every finding of those files
  "$rl" --no-cache --fail-on none --format json -o "$out" --exclude "$src/.pc" ${extra[@]+"${extra[@]}"} "${args[@]}" \
    2>"$out.stderr" || { echo "ecosystem.sh: racelint failed on $src (see $out.stderr)" >&2; return 1; }
}

if [ "$fetch_only" = 1 ]; then # fetch now, scan later (nothing is scanned or read)
  selected | while read -r name version set l dirs; do fetch "$name" "$version" "$l" >/dev/null && echo "fetched $name $version"; done
  exit 0
fi
base_rl=$(build_base "$base")
[ -x "$new" ] || { echo "ecosystem.sh: no racelint at $new (make build)" >&2; exit 2; }
out="$ECO_WORK/out/$set_name"
mkdir -p "$out/base" "$out/new"
echo "base: $base ($(git -C "$top" rev-parse --short "$base")) -> $base_rl"
echo "new:  $new"
echo
selected | while read -r name version set l dirs; do
  src=$(fetch "$name" "$version" "$l") || continue
  tag=$(echo "$name" | tr '/@' '__')
  scan "$base_rl" "$src" "$l" "$dirs" "$out/base/$tag.json" || continue
  scan "$new" "$src" "$l" "$dirs" "$out/new/$tag.json" || continue
  python3 "$here/ecosystem_diff.py" "$name@$version" "$src" "$out/base/$tag.json" "$out/new/$tag.json"
done | tee "$out/summary.txt"
[ "$keep" = 1 ] || true
