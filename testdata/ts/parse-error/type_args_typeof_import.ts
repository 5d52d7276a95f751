// expect-none
// Explicit type arguments holding `typeof import('m')`.
const real = loadActual<typeof import('./store')>('./store');
const member = loadActual<typeof import('./store').Store>();
const mocked = vi.importActual<typeof import('./store')>('./store');
export { real, member, mocked };
