// expect-none
// ES2026 explicit resource management in JavaScript.
export async function run(openFile, connect, items) {
  using f = openFile('a');
  await using db = await connect();
  for (using it of items) void it;
  return [f, db];
}
