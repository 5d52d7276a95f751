// expect-none
// TypeScript 5.2 explicit resource management: `using` and `await using`
// declarations, also in for-of heads, are valid syntax.
declare function open(p: string): Disposable & { read(): string };
declare function connect(): Promise<AsyncDisposable & { query(q: string): Promise<void> }>;
declare const handles: Iterable<Disposable>;
declare const streams: AsyncIterable<AsyncDisposable>;

export function readConfig(path: string): string {
  using file = open(path);
  return file.read();
}

export async function migrate(): Promise<void> {
  await using db = await connect();
  await db.query('select 1');
  for (using h of handles) void h;
  for await (using s of streams) void s;
  for (await using s of streams) void s;
}

// (`using` as a plain name, `let using = 0`, is not read as a declaration;
// the pinned grammar does not parse it as a name either: not tested here.)
