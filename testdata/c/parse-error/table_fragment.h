/* A header that is not C on its own: a table fragment the .c file
 * includes inside an initialiser. Parsed alone it has errors, but they
 * are the missing context's, not the file's. No finding. */
// expect-none
0x00000000, 0x77073096, 0xee0e612c, 0x990951ba,
0x076dc419, 0x706af48f, 0xe963a535, 0x9e6495a3,
