# chroot.sh - sourced by test-install.sh: fresh Debian chroots for install
# tests. A pristine minimal system per suite is debootstrapped once into
# $CHROOTS/base/<suite> (minutes, from the mirror) and reused; every test run
# works on a copy in $CHROOTS/run/<suite>, so each starts from a clean
# system. Needs root (debootstrap, chroot, mount).
# Ubuntu suites (jammy, noble: the systems of GitHub's ubuntu-22.04 and
# ubuntu-24.04 runners) come from UBUNTU_MIRROR, main and universe, checked
# with Ubuntu's archive keyring taken once from Debian's ubuntu-keyring
# package (installed in a fresh trixie: this machine's bookworm lacks it).
# Functions: rl_chroot_fresh SUITE (prints the root), rl_chroot_run SUITE
# CMD..., rl_chroot_cleanup (unmounts; test-install.sh traps it on EXIT).
: "${CHROOTS:?set CHROOTS to a directory outside the repository}"
: "${DEBIAN_MIRROR:=http://deb.debian.org/debian}"
: "${UBUNTU_MIRROR:=http://archive.ubuntu.com/ubuntu}"

rl_chroot_is_ubuntu() { case $1 in jammy|noble) return 0;; esac; return 1; }

# Ubuntu's archive keyring, from Debian's ubuntu-keyring (prints its path)
rl_chroot_ubuntu_keyring() {
  kr=$CHROOTS/ubuntu-archive-keyring.gpg
  if [ ! -s "$kr" ]; then
    r=$(rl_chroot_fresh trixie) || return 1
    rl_chroot_run trixie apt-get update -qq >&2 &&
      rl_chroot_run trixie apt-get install -y -qq --no-install-recommends ubuntu-keyring >/dev/null 2>&1 ||
      { echo "chroot: cannot install ubuntu-keyring in trixie" >&2; return 1; }
    cp "$r/usr/share/keyrings/ubuntu-archive-keyring.gpg" "$kr.tmp" && mv "$kr.tmp" "$kr"
    rl_chroot_umount "$r"
  fi
  echo "$kr"
}

rl_chroot_fresh() {
  suite=$1 base=$CHROOTS/base/$1 run=$CHROOTS/run/$1
  if [ ! -x "$base/bin/sh" ]; then
    echo "== debootstrap $suite (once; reused from $base afterwards)" >&2
    rm -rf "$base.tmp"; mkdir -p "$CHROOTS/base"
    if rl_chroot_is_ubuntu "$suite"; then
      kr=$(rl_chroot_ubuntu_keyring) || return 1
      # gutsy: the script of every Ubuntu suite (older debootstraps lack noble)
      debootstrap --variant=minbase --components=main,universe --keyring="$kr" "$suite" "$base.tmp" \
        "$UBUNTU_MIRROR" /usr/share/debootstrap/scripts/gutsy > "$CHROOTS/$suite.log" 2>&1 ||
        { tail -20 "$CHROOTS/$suite.log" >&2; return 1; }
    else
      debootstrap --variant=minbase "$suite" "$base.tmp" "$DEBIAN_MIRROR" > "$CHROOTS/$suite.log" 2>&1 ||
        { tail -20 "$CHROOTS/$suite.log" >&2; return 1; }
    fi
    mv "$base.tmp" "$base"
  fi
  rl_chroot_umount "$run"
  rm -rf "$run"; mkdir -p "$CHROOTS/run"
  cp -a "$base" "$run"
  cp /etc/resolv.conf "$run/etc/resolv.conf"
  if rl_chroot_is_ubuntu "$suite"; then
    echo "deb $UBUNTU_MIRROR $suite main universe" > "$run/etc/apt/sources.list"
  else
    echo "deb $DEBIAN_MIRROR $suite main" > "$run/etc/apt/sources.list"
  fi
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
