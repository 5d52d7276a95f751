/* lang_js.h - JavaScript and TypeScript in the language table (lang.h, lang_js.c). */
#ifndef RL_ANALYZER_LANG_JS_H_
#define RL_ANALYZER_LANG_JS_H_

#include "lang.h"

extern const RlLangOps rl_lang_js;

#endif
