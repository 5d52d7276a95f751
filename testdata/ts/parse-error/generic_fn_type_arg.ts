// expect-none
// A generic function type as a type argument: `<<T>...`.
declare function expectType<T>(v: T): void;
declare const done: (err?: Error | null) => void;
expectType<<E extends Error = Error>(err?: E | null) => void>(done);
expectType<<C extends number>(code: C) => C>((c) => c);
