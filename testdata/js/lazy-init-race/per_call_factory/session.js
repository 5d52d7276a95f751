// A Session lives for one request: the only `new Session` of the project
// is returned at once by Client#session (client.js) or stays in a local
// below, so the lazy connection is not shared between concurrent calls.
// expect-none
class Session {
  constructor(client, request) {
    this.client = client;
    this.request = request;
  }

  async withConn(work) {
    if (!this.conn) {
      this.conn = await this.client.checkout();
    }
    return work(this.conn);
  }

  async retry() {
    const again = new Session(this.client, this.request);
    again.conn = this.conn;
    return again.withConn((c) => c.send(this.request));
  }
}

module.exports = Session;
