// TypeScript: annotations, casts and generics do not hide the reads.
interface User { id: string; teamId: string; }
interface Repo {
  getUser(id: string): Promise<User>;
  getTeam(id: string): Promise<unknown>;
  listProjects(teamId: string): Promise<unknown[]>;
  countIssues(teamId: string): Promise<number>;
  findSettings(id: string): Promise<Record<string, string>>;
  exists(key: string): Promise<boolean>;
  headObject(key: string): Promise<{ size: number }>;
  searchDocs(q: string): Promise<string[]>;
  lookupHost(name: string): Promise<string>;
  selectRows(table: string): Promise<unknown[]>;
}

export class Service {
  constructor(private readonly repo: Repo) {}

  async overview(id: string): Promise<unknown> {
    const user: User = await this.repo.getUser(id);
    const team = await this.repo.getTeam(user.teamId);
    const projects = await this.repo.listProjects(user.teamId); // expect: [sequential-await] "'listProjects'"
    const issues = (await this.repo.countIssues(user.teamId)) as number;
    return { team, projects, issues };
  }

  async settings(id: string): Promise<unknown> {
    const settings = await this.repo.findSettings(id);
    const cached: boolean = await this.repo.exists(`settings:${id}`); // expect: [sequential-await] "'exists'"
    return { settings, cached };
  }

  async blob(key: string): Promise<unknown> {
    const head = await this.repo.headObject(key);
    const found = await this.repo.searchDocs(key)!; // expect: [sequential-await]
    return { head, found };
  }

  async net(name: string): Promise<string[]> {
    const a = await this.repo.lookupHost(name);
    const rows = await this.repo.selectRows('hosts'); // expect: [sequential-await]
    return [a, String(rows.length)];
  }
}

export async function generic<T>(load: <U>(k: string) => Promise<U>, k: string): Promise<[T, T]> {
  const a: T = await load(`${k}:a`);
  const b: T = await load(`${k}:b`); // expect: [sequential-await]
  return [a, b];
}

export async function fetches(): Promise<unknown[]> {
  const a = await fetch('/a', { method: 'GET' });
  const b = await fetch('/b', { method: 'HEAD' }); // expect: [sequential-await]
  let c: Response;
  let d: Response;
  c = await fetch('/c');
  d = await fetch('/d'); // expect: [sequential-await]
  return [a, b, c, d];
}

export async function kv(redis: { get(k: string): Promise<string | null> }, id: string): Promise<string[]> {
  const name = (await redis.get(`user:${id}:name`)) ?? '';
  const mail = (await redis.get(`user:${id}:mail`)) ?? ''; // expect: [sequential-await] "'get'"
  return [name, mail];
}

export const pageData = async (slug: string): Promise<unknown> => {
  const { title } = await queryPage(slug);
  const { items } = await queryMenu('main'); // expect: [sequential-await] "'queryMenu'"
  return { title, items };
};

declare function queryPage(slug: string): Promise<{ title: string }>;
declare function queryMenu(name: string): Promise<{ items: string[] }>;
