// Near-misses in TypeScript.
// expect-none
interface Repo {
  getUser(id: string): Promise<{ id: string; teamId: string }>;
  getTeam(id: string): Promise<{ ownerId: string }>;
  getOwner(id: string): Promise<unknown>;
  updateUser(id: string): Promise<void>;
  getOrCreateTeam(id: string): Promise<unknown>;
  getAndSetFlag(id: string): Promise<boolean>;
  fetchNextPage(cursor: string): Promise<unknown>;
}

export async function chain(repo: Repo, id: string): Promise<unknown> {
  const user = await repo.getUser(id);
  const team = await repo.getTeam(user.teamId);
  const owner = await repo.getOwner(team.ownerId);
  return owner;
}

export async function writes(repo: Repo, id: string): Promise<unknown> {
  const u = await repo.updateUser(id);
  const t = await repo.getOrCreateTeam(id);
  const f = await repo.getAndSetFlag(id);
  return [u, t, f];
}

export async function pages(repo: Repo, cursor: string): Promise<unknown> {
  const p1 = await repo.fetchNextPage(cursor);
  const p2 = await repo.fetchNextPage(cursor);
  return [p1, p2];
}

export async function loop(repo: Repo, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i++) {
    const a = await repo.getUser(ids[i]);
    const b = await repo.getTeam(ids[i]);
    console.log(a, b);
  }
  do {
    const a = await repo.getUser('x');
    const b = await repo.getTeam('y');
    console.log(a, b);
  } while (ids.length > 10);
}

export async function typed(repo: Repo, id: string): Promise<unknown> {
  const user = await repo.getUser(id);
  const team = await repo.getTeam(user.teamId as string);
  return team;
}

export async function concurrent(repo: Repo, id: string): Promise<unknown> {
  const [user, team] = await Promise.all([repo.getUser(id), repo.getTeam(id)]);
  return { user, team };
}

export async function shorthand(repo: Repo, id: string): Promise<unknown> {
  const { teamId } = await repo.getUser(id);
  const team = await repo.getTeam(String({ teamId }));
  return team;
}

export async function logBetween(repo: Repo, id: string): Promise<unknown> {
  const user = await repo.getUser(id);
  console.log('loaded', user.id);
  const team = await repo.getTeam(id);
  return [user, team];
}

export async function guarded(api: { getAuthUser(): Promise<{ id: string }>; getSecrets(id: string): Promise<string[]> }, id: string): Promise<string[]> {
  const me = await api.getAuthUser();
  const secrets = await api.getSecrets(id);
  return me.id ? secrets : [];
}
