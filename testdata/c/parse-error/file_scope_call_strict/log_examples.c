/* Not C: lines a log-checking script greps for. Under racelint:strict the
 * first error is reported (../file_scope_call.c: the default preset
 * leaves it to the run's notice). */
log_event("queue started"); // expect: [parse-error] "expected parameter declarator"

log_event("queue stopped");
