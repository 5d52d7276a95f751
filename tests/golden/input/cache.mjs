export async function warm(key, label) {
  await new Promise((resolve) => setTimeout(resolve, 1, key, label));
}
