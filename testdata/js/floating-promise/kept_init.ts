// expect-none
// A constructor starts the object's initialisation; every method that
// needs it awaits the promise the initialiser keeps.
export class Client {
  private ready: Promise<void> | null = null

  constructor(private url: string) {
    this.start()
  }

  async start(): Promise<void> {
    if (this.ready) return await this.ready
    this.ready = (async () => {
      const r = await fetch(this.url)
      if (!r.ok) throw new Error(`init: ${r.status}`)
    })()
    return await this.ready
  }

  async get(key: string): Promise<Response> {
    await this.ready
    return fetch(`${this.url}/${key}`)
  }
}
