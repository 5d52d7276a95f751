// The contracts the other files of this case fill in: members written to
// return exactly void, and near misses (a promise allowed, no written
// return type, a plain field).
// expect-none
export type Done = () => void;

export interface Sink {
  onChunk(chunk: string): void;
  onEnd: Done;
  onError: (err: Error) => void;
  onDrain(): Promise<void> | void;
  onFlush(): Promise<void>;
  label: string;
}

export interface LoudSink extends Sink {
  onShout(text: string): unknown;
}

export type Lifecycle = {
  start(): void;
  stop(): any;
};

export interface Pump {
  pull(): void;
  pull(n: number): Promise<void>;
}

export abstract class Job {
  abstract run(input: string): void;
  cancel(): void {}
  describe() {
    return 'job';
  }
}
