// expect-none
// only resolves
export function settle(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// every await in a try whose catch only logs
export async function quietly(job: { run(): Promise<void> }): Promise<void> {
  try {
    await job.run();
  } catch (err) {
    console.error('job failed', err);
  }
}

// the await is outside any try
export async function loud(job: { run(): Promise<void> }): Promise<void> {
  await job.run();
}
