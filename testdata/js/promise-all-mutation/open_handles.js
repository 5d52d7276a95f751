// Opening connection pools or clients in parallel is not a write to stored
// data (typeorm's drivers open one pool per replica this way).
class PostgresDriver {
  async connect() {
    if (this.options.replication) {
      this.slaves = await Promise.all(this.options.replication.slaves.map((slave) => {
        return this.createPool(this.options, slave);
      }));
      this.master = await this.createPool(this.options, this.options.replication.master);
    }
  }
  async openAll(urls) {
    const clients = await Promise.all(urls.map((u) => redis.createClient({ url: u })));
    await Promise.all([net.createConnection(1), net.createConnection(2)]);
    return clients;
  }
  async createUsers(db, users) {
    // still a write: createUser stores a row
    await Promise.all(users.map((u) => db.createUser(u))); // expect: [promise-all-mutation]
  }
}
module.exports = { PostgresDriver };
