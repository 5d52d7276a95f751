// expect-none
// `&` that starts no character reference in a JSX attribute string.
export const Links = () => (
  <nav>
    <a href="/search?q=a&page=2" title="Tom & Jerry">next</a>
    <a href="/x" data-note="R&D" aria-label="&amp; &#38;">x</a>
  </nav>
);
