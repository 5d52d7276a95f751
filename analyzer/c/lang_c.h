/* lang_c.h - C in the language table (lang.h, lang_c.c). */
#ifndef RL_ANALYZER_LANG_C_H_
#define RL_ANALYZER_LANG_C_H_

#include "lang.h"

extern const RlLangOps rl_lang_c;

#endif
