// expect-none
/* ui.c's own `tick` runs on the main thread only. */
static int frames;

static void tick(void) { frames++; }

void ui_loop(int n) {
  for (int i = 0; i < n; i++) tick();
  frames = 0;
}
