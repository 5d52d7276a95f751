// expect-none
const Session = require('./session');

class Client {
  session(request) {
    return new Session(this, request);
  }

  send(request) {
    return this.session(request).withConn((c) => c.send(request));
  }

  async checkout() { return { send: async (r) => r }; }
}

module.exports = Client;
