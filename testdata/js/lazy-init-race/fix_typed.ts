// fix-enable: lazy-init-race
// Fix in TypeScript: the new `xInit` is typed after `x`, and the EEXIST
// catch of check-then-act's fix types its variable `any`, so both still
// compile under --strict (tsc 5.4.5: noImplicitAny, unknown catch
// variables).
import { existsSync, writeFileSync } from 'node:fs';

interface Client {
  n: number;
}

let client: Client | undefined;

async function connect(): Promise<Client> {
  return { n: 1 };
}

export async function getClient(): Promise<Client> {
  if (!client) {
    client = await connect(); // expect: [lazy-init-race]
  }
  return client;
}

export function save(file: string, data: string): void {
  if (!existsSync(file)) writeFileSync(file, data); // expect: [check-then-act]
}
