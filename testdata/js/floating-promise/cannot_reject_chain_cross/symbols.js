// expect-none
module.exports = { kStop: Symbol('stop') };
