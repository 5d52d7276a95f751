/* The public header, outside the scanned src/ directory. */
typedef struct mylib_ctx mylib_ctx;
int mylib_run(mylib_ctx *c);
