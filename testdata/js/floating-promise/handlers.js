// In timers and event handlers nothing can await the promise: errors.
const { EventEmitter } = require('events');

async function refresh() {
  const res = await fetch('/feed');
  if (!res.ok) throw new Error(`feed: ${res.status}`);
}

setInterval(() => {
  refresh(); // expect: [floating-promise] "setInterval callback"
}, 60000);

setTimeout(function () {
  refresh(); // expect: [floating-promise] "setTimeout callback"
}, 0);

setTimeout(() => refresh(), 5000); // expect: [floating-promise] "setTimeout"

function tick() {
  refresh(); // expect: [floating-promise] "setInterval callback"
}
setInterval(tick, 1000);

const bus = new EventEmitter();
bus.on('order', (order) => {
  if (order.urgent) refresh(); // expect: [floating-promise] "'order' listener"
});

document.getElementById('reload').addEventListener('click', () => {
  refresh(); // expect: [floating-promise] "'click' listener"
});

window.onfocus = function () {
  refresh(); // expect: [floating-promise] "handler"
};

// Near-misses: handled, awaited, or not a promise.
setInterval(async () => {
  try {
    await refresh();
  } catch (e) {
    console.error(e);
  }
}, 60000);
bus.on('order', () => { refresh().catch(console.error); });
bus.on('order', () => console.log('order'));
setTimeout(() => void refresh(), 10);

process.nextTick(() => refresh()); // expect: [floating-promise] "nextTick callback"
queueMicrotask(() => {
  refresh(); // expect: [floating-promise] "queueMicrotask callback"
});
scheduler.nextTick(() => refresh()); // not a known handler API: the arrow returns the promise
