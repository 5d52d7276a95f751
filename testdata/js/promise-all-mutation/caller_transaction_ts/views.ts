// A function imported by the module that runs the transaction and awaited
// inside it: its writes are covered; the local helper it calls too.
export async function syncViews(db: { save(v: string): Promise<void> }, views: string[]): Promise<void> {
  await saveViews(db, views);
}

async function saveViews(db: { save(v: string): Promise<void> }, views: string[]): Promise<void> {
  await Promise.all(views.map((v) => db.save(v)));
}

// Near-miss: exported, but nothing calls it inside a transaction.
export async function saveAll(db: { save(v: string): Promise<void> }, views: string[]): Promise<void> {
  await Promise.all(views.map((v) => db.save(v))); // expect: [promise-all-mutation] "save"
}
