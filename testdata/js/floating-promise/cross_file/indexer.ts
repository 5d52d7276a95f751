// expect-none
export async function reindex(account: string): Promise<void> {
  await fetch(`/reindex/${account}`);
}
