# chroot.sh - sourced by test-install.sh: fresh Debian chroots for install
# tests. A pristine minimal system per suite is debootstrapped once into
# $CHROOTS/base/<suite> (minutes, from the mirror) and reused; every test run
# works on a copy in $CHROOTS/run/<suite>, so each starts from a clean
# system. Needs root (debootstrap, chroot, mount).
# Functions: rl_chroot_fresh SUITE (prints the root), rl_chroot_run SUITE
# CMD..., rl_chroot_cleanup (unmounts; test-install.sh traps it on EXIT).
: "${CHROOTS:?set CHROOTS to a directory outside the repository}"
: "${DEBIAN_MIRROR:=http://deb.debian.org/debian}"

rl_chroot_fresh() {
  suite=$1 base=$CHROOTS/base/$1 run=$CHROOTS/run/$1
  if [ ! -x "$base/bin/sh" ]; then
    echo "== debootstrap $suite (once; reused from $base afterwards)" >&2
    rm -rf "$base.tmp"; mkdir -p "$CHROOTS/base"
    debootstrap --variant=minbase "$suite" "$base.tmp" "$DEBIAN_MIRROR" > "$CHROOTS/$suite.log" 2>&1 ||
      { tail -20 "$CHROOTS/$suite.log" >&2; return 1; }
    mv "$base.tmp" "$base"
  fi
  rl_chroot_umount "$run"
  rm -rf "$run"; mkdir -p "$CHROOTS/run"
  cp -a "$base" "$run"
  cp /etc/resolv.conf "$run/etc/resolv.conf"
  echo "deb $DEBIAN_MIRROR $suite main" > "$run/etc/apt/sources.list"
  mount -t proc proc "$run/proc"
  echo "$run"
}

rl_chroot_run() {
  run=$CHROOTS/run/$1; shift
  chroot "$run" /usr/bin/env -i PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin HOME=/root \
    LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"
}

rl_chroot_umount() {
  if mountpoint -q "$1/proc" 2>/dev/null; then umount "$1/proc"; fi
}

rl_chroot_cleanup() { # rl_chroot_fresh runs in $(...): find the mounts anew
  for m in "$CHROOTS"/run/*/proc; do
    if mountpoint -q "$m" 2>/dev/null; then umount "$m" || umount -l "$m"; fi
  done
}
