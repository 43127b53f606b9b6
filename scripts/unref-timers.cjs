// Preloaded into the Prisma CLI (node --require): the wasm engine and pg leave long timers behind
// after the work is done, which keeps the CLI alive for up to a minute. Unref the long ones so the
// process exits when its real work ends.
const original = global.setTimeout;
global.setTimeout = function patchedSetTimeout(fn, ms, ...args) {
  const t = original(fn, ms, ...args);
  if (typeof ms === 'number' && ms >= 5000 && t && typeof t.unref === 'function') t.unref();
  return t;
};
