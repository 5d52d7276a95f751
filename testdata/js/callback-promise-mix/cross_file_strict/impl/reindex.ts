// expect-none
export const reindex = async (u: { id: string }): Promise<void> => {
  await fetch(`/reindex/${u.id}`);
};
