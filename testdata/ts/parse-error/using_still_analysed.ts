// A file with `using` declarations is analysed past them (no parse error,
// the later finding is still reported), and a broken one still errs.
declare function lock(): Disposable;
declare function save(id: number): Promise<void>;

export function apply(ids: number[]) {
  using guard = lock();
  ids.forEach(async (id) => { await save(id); }); // expect: [callback-promise-mix]
  return guard;
}

export function broken() {
  using = ; // expect: [parse-error] "syntax error"
}
