// The runner must fail: a testdata file without any marker.
const y = 1;
