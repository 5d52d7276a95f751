// expect-none
// Function-type parameters named like type keywords.
type Visit = (infer: string, unique?: symbol, never: 1) => void;
declare function walk(cb: (type: string, keyof: number) => void): void;
const labels = { never: 'n', infer: 'i' };
export { walk, labels };
export type { Visit };
