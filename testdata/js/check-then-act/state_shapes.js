// Which in-memory writes after a check the default preset reports
// (rules/check-then-act.md, "Presets"): a constant state forced after an
// await (a stop in between is undone), a collection mutated, a counter
// updated. A field cleared, or storing another value, is
// racelint:strict only (state_shapes_strict/).
const Phase = { Idle: 'idle', Running: 'running', Stopped: 'stopped' };

export class Link {
  constructor(transport) {
    this.transport = transport;
    this.phase = Phase.Idle;
    this.socket = null;
    this.pending = [];
    this.batch = null;
  }

  async reconnect() {
    if (this.phase !== Phase.Idle) return;
    await this.transport.open();
    this.phase = Phase.Running; // expect: [check-then-act] "'this.phase'"
  }

  async resume() {
    if (this.phase === 'stopped') return;
    await this.transport.ping();
    this.phase = 'running'; // expect: [check-then-act] "'this.phase'"
  }

  async send(msg) {
    if (this.pending.length >= this.limit) return;
    await this.transport.ready();
    this.pending.push(msg); // expect: [check-then-act] "'this.pending'"
  }

  // a clear after a test: at worst a repeated event (strict only)
  async close() {
    if (this.socket && this.socket.token !== this.transport.token) {
      await this.socket.end();
      this.socket = null;
    }
  }

  // the next batch stored after a test: one consumer by contract (strict only)
  async next() {
    if ((this.batch?.length ?? 0) === 0) {
      const b = await this.transport.read();
      this.batch = b;
    }
  }
}
