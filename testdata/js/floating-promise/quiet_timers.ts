// expect-none
// Async methods that only move timers and log: they cannot reject short
// of a throwing logger.
export class Refresher {
  private ticker: ReturnType<typeof setInterval> | null = null
  private verbose = false
  private hook: (() => void) | null = null

  constructor(private logger: (...args: unknown[]) => void) {}

  private debug(...args: unknown[]): this {
    if (this.verbose) {
      this.logger(`Refresher ${new Date().toISOString()}`, ...args)
    }
    return this
  }

  private dropHook(): void {
    this.debug('dropHook')
    const hook = this.hook
    this.hook = null
    try {
      if (hook) window.removeEventListener('focus', hook)
    } catch (e) {
      console.error('removing the focus hook failed', e)
    }
  }

  private async stop(): Promise<void> {
    this.debug('stop')
    const ticker = this.ticker
    this.ticker = null
    if (ticker) clearInterval(ticker)
  }

  private async tick(): Promise<void> {
    await fetch('/refresh')
  }

  private async start(): Promise<void> {
    await this.stop()
    this.debug('start')
    const ticker = setInterval(() => this.tick().catch(() => undefined), 1000)
    this.ticker = ticker
    if (typeof ticker === 'object' && typeof ticker.unref === 'function') {
      ticker.unref()
    }
  }

  async resume(): Promise<void> {
    this.dropHook()
    await this.start()
  }

  onVisible(): void {
    this.start()
    this.resume()
  }
}
