// Stand-in for the `server-only` package in Node test runs.
export {};
