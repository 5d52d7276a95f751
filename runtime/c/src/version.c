/*
 * racelint runtime: library version query (rt.h).
 */
#include "racelint/rt.h"

const char *rl_rt_version(void)
{
    return RL_RT_VERSION_STRING;
}
