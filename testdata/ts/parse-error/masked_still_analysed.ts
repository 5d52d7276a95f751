// The rest of a file with such a construct is analysed as before.
export type * from './types';
interface Row { id: number }
export async function refresh(sql: any, ids: number[]) {
  const rows = await sql<Row[]>`select * from t`;
  ids.forEach(async (id) => { await sql<Row[]>`delete from t where id = ${id}`; }); // expect: [callback-promise-mix]
  return rows;
}
