// racelint:strict reports a promise that cannot reject, too
export class Refresher {
  private ticker: ReturnType<typeof setInterval> | null = null

  constructor(private logger: (...args: unknown[]) => void) {}

  private debug(...args: unknown[]): void {
    this.logger(...args)
  }

  private async stop(): Promise<void> {
    this.debug('stop')
    if (this.ticker) clearInterval(this.ticker)
    this.ticker = null
  }

  async restart(): Promise<void> {
    await this.stop()
  }

  onHidden(): void {
    this.restart() // expect: [floating-promise] "'restart'"
  }
}
