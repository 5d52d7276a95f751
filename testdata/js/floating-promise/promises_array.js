// A property named `promises` that holds an array of promises (typeorm's
// Broadcaster collects listener results this way): push() returns a number.
// expect-none
class Broadcaster {
  broadcastBeforeInsertEvent(result, metadata, entity) {
    metadata.beforeInsertListeners.forEach((listener) => {
      const executionResult = listener.execute(entity);
      if (executionResult instanceof Promise)
        result.promises.push(executionResult);
      result.count++;
    });
  }
  collect(state, p) {
    state.promises.unshift(p);
    this.promises.splice(0, 1);
  }
}
module.exports = { Broadcaster };
