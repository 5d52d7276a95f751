// expect-none
// A tagged template with type arguments (postgres.js, slonik, drizzle).
interface User { id: number }
export async function users(sql: any) {
  const rows = await sql<User[]>`select * from users`;
  const one = await sql<{ id: number }>`select ${1} as id`;
  return [rows, one];
}
