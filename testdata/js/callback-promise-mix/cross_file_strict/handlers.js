// expect-none
export async function notifyUser(u) { await fetch(`/notify/${u.id}`); }
export function formatUser(u) { return `${u.name}`; }
export default async function saveAll(u) { await fetch('/save', { body: u }); }
