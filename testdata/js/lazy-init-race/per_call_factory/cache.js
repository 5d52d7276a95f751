// Near-miss: exported, and no file of the project makes one: the users
// are elsewhere and may share it.
class Cache {
  async value() {
    if (!this.data) {
      this.data = await loadData(); // expect: [lazy-init-race] "'this.data'"
    }
    return this.data;
  }
}

async function loadData() { return []; }

module.exports = Cache;
