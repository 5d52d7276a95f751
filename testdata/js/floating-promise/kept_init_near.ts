// Look like a kept initialisation, but nothing waits on it, or it is not
// started by the constructor.
export class Loader {
  private ready: Promise<void> | null = null
  private last: Promise<Response> | null = null

  constructor(private url: string) {
    // expect: [floating-promise] "'start'"
    this.start()
    // expect: [floating-promise] "'refresh'"
    this.refresh()
  }

  // kept, but no other method awaits it
  async start(): Promise<void> {
    this.ready = fetch(this.url).then(() => undefined)
    return await this.ready
  }

  // stored, but neither awaited nor returned here
  async refresh(): Promise<void> {
    this.last = fetch(`${this.url}/refresh`)
    await fetch(`${this.url}/ping`)
  }

  async get(): Promise<Response | null> {
    await this.last
    return this.last
  }

  reload(): void {
    // expect: [floating-promise] "'start'"
    this.start()
  }
}

export class Session {
  private ready: Promise<void> | null = null

  constructor(private url: string) {
    this.begin() // the kept shape: not reported
  }

  async begin(): Promise<void> {
    this.ready = fetch(this.url).then(() => undefined)
    return await this.ready
  }

  async use(): Promise<void> {
    await this.ready
  }

  static restart(s: Session): void {
    // expect: [floating-promise] "'begin'"
    s.begin()
  }
}

export class Thread {
  private root: Promise<void> | null = null
  private page: Promise<Response> | null = null

  constructor(private url: string) {
    // one kept field, but another await can reject too
    // expect: [floating-promise] "'update'"
    this.update()
  }

  private async loadRoot(): Promise<void> {
    await fetch(`${this.url}/root`)
  }

  private async update(): Promise<void> {
    if (!this.root) this.root = this.loadRoot()
    await this.root
    this.page = fetch(`${this.url}/page`)
    await this.page
  }

  async onReset(): Promise<void> {
    await this.root
  }
}
