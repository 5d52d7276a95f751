// expect-none
// `&` in JSX attribute strings (JavaScript grammar).
export const Link = () => <a href="/a?x=1&y=2" title="a & b" alt='q&a'>x</a>;
const both = 1 & 3;
export { both };
