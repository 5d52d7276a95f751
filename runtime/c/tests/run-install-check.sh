#!/bin/sh
# librlrt: install the "rlrt" component into a scratch prefix and build
# and run a small consumer using only pkg-config (ctest: runtime-c-install).
# Usage: run-install-check.sh cmake build-dir scratch-dir pkg-config cc
set -eu

CMAKE=$1 BUILD=$2 SCRATCH=$3 PKG_CONFIG=$4 CC=$5
rm -rf "$SCRATCH"
mkdir -p "$SCRATCH"
"$CMAKE" --install "$BUILD" --prefix "$SCRATCH/prefix" --component rlrt >/dev/null

pcdir=$(find "$SCRATCH/prefix" -name rlrt.pc -exec dirname {} \;)
[ -n "$pcdir" ] || { echo "rlrt.pc not installed"; exit 1; }
for h in rt.h rt_common.h rt_atomic.h rt_file.h rt_lock.h rt_lockdep.h rt_once.h; do
    [ -f "$SCRATCH/prefix/include/racelint/$h" ] || { echo "missing header $h"; exit 1; }
done

cat > "$SCRATCH/consumer.c" <<'C'
#include <racelint/rt.h>
#include <stdio.h>
#include <string.h>
static RlRtCounter hits = RL_RT_COUNTER_INIT(0);
int main(void)
{
    pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER, b = PTHREAD_MUTEX_INITIALIZER;
    if (rl_rt_lock_pair(&b, &a) != 0 || rl_rt_unlock_pair(&a, &b) != 0)
        return 1;
    rl_rt_counter_inc(&hits);
    if (strcmp(rl_rt_version(), RL_RT_VERSION_STRING) != 0)
        return 2;
    printf("consumer ok: librlrt %s, hits=%lld\n", rl_rt_version(),
           (long long)rl_rt_counter_get(&hits));
    return rl_rt_counter_get(&hits) == 1 ? 0 : 3;
}
C
export PKG_CONFIG_PATH="$pcdir"
cflags=$("$PKG_CONFIG" --cflags rlrt)
libs=$("$PKG_CONFIG" --libs rlrt)
echo "pkg-config: --cflags '$cflags' --libs '$libs'"
# shellcheck disable=SC2086
"$CC" -std=c11 -Wall -Wextra -Werror -Wpedantic $cflags "$SCRATCH/consumer.c" -o "$SCRATCH/consumer" $libs
libdir=$("$PKG_CONFIG" --variable=libdir rlrt)
LD_LIBRARY_PATH="$libdir" "$SCRATCH/consumer"
rm -rf "$SCRATCH"
