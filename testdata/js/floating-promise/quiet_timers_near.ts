// Look like timer bookkeeping, but can reject: each start* may throw, so
// the resume* that awaits it rejects. (An async function with no await
// is not reported in any preset: its synchronous code is not followed.)
export class Poller {
  private ticker: ReturnType<typeof setInterval> | null = null
  private strictMode = false

  constructor(private logger: (...args: unknown[]) => void, private sink: { send(m: string): void }) {}

  // throws on a branch
  private debug(...args: unknown[]): void {
    if (this.strictMode) throw new Error(String(args[0]))
    this.logger(...args)
  }

  // sends, not only logs
  private trace(msg: string): void {
    this.sink.send(msg)
  }

  private async startChecked(): Promise<void> {
    this.debug('start')
    this.ticker = setInterval(() => undefined, 1000)
  }

  private async startTraced(): Promise<void> {
    this.trace('start')
    this.ticker = setInterval(() => undefined, 1000)
  }

  private async startHandle(handle: { unref(): void }): Promise<void> {
    // not a timer of this function: any object's unref
    handle.unref()
  }

  private async startLet(): Promise<void> {
    let ticker = setInterval(() => undefined, 1000)
    ticker = this.reuse(ticker)
    ticker.unref()
  }

  private reuse(t: ReturnType<typeof setInterval>): ReturnType<typeof setInterval> {
    return t
  }

  async resumeChecked(): Promise<void> {
    await this.startChecked()
  }

  async resumeTraced(): Promise<void> {
    await this.startTraced()
  }

  async resumeHandle(handle: { unref(): void }): Promise<void> {
    await this.startHandle(handle)
  }

  async resumeLet(): Promise<void> {
    await this.startLet()
  }

  onVisible(handle: { unref(): void }): void {
    // expect: [floating-promise] "'resumeChecked'"
    this.resumeChecked()
    // expect: [floating-promise] "'resumeTraced'"
    this.resumeTraced()
    // expect: [floating-promise] "'resumeHandle'"
    this.resumeHandle(handle)
    // expect: [floating-promise] "'resumeLet'"
    this.resumeLet()
  }
}
