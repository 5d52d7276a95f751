// query() comes from an untyped client; the config says it returns a promise.
import { query, enqueue, format } from 'legacy-db';

export function cleanup() {
  query('DELETE FROM sessions WHERE expired'); // expect: [floating-promise]
  enqueue({ job: 'vacuum' }); // expect: [floating-promise]
  format('not a promise'); // not listed: unknown, not reported
}

export async function fine() {
  await query('SELECT 1');
  void enqueue({ job: 'ping' });
  return query('SELECT 2');
}
