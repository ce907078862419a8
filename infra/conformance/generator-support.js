// What the corpus generators (generate-*-cases.js) share: their command-line options, the
// GitHub schema lookup (Benchmarks/github-schema.js) and the seedable PRNG that makes every run produce the same corpus.
'use strict';
const { readGithubSchema } = require('../../Benchmarks/github-schema.js');

const args = process.argv.slice(2);

/** The value after `name` on the command line, or `fallback` when it is not given. */
function option(name, fallback) {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
}

/** `--scale N`: multiplies the number of generated cases (default 1). */
const scale = Number(option('--scale', '1'));

/** The GitHub schema SDL: `--github PATH`, else the lookup shared with the benchmarks. */
function findGithubSchema() {
  return readGithubSchema(option('--github', null));
}

/** mulberry32: a small seedable PRNG, so every run produces the same corpus. */
function rng(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return {
    next, int,
    chance: (p) => next() < p,
    pick: (list) => list[int(list.length)],
    range: (lo, hi) => lo + int(hi - lo + 1),
    shuffle: (list) => { const out = list.slice(); for (let i = out.length - 1; i > 0; i--) { const j = int(i + 1); [out[i], out[j]] = [out[j], out[i]]; } return out; },
  };
}

module.exports = { option, scale, findGithubSchema, rng };
