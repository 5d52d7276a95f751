// expect-none
// TypeScript 4.9 / decorators: auto-accessor fields with modifiers.
export abstract class Settings {
  accessor theme = 'dark';
  static accessor instances = 0;
  private accessor secret = '';
  protected static accessor shared = new Map<string, number>();
  override accessor label = 'x';
  abstract accessor size: number;
  accessor #hidden = 1;
  static accessor ['computed'] = 2;
  // near-misses: a method named accessor and a variable named accessor
  static accessor() { return 1; }
}
let accessor = 1;
accessor = accessor + 1;
export { accessor };
