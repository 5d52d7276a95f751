// Re-exports, so that app.ts imports through an index.
// expect-none
export { Bus, Hub, SafeBus, SerialBus } from './bus';
export * from './typed';
