#!/usr/bin/env node
// npm run bench [-- --runs N] [-- plan | deploy]: both benchmarks (or the one named), one after
// the other, in this process's output format (bench/lib.mjs).
const only = ['plan', 'deploy'].filter(name => process.argv.includes(name))
for (const name of only.length > 0 ? only : ['plan', 'deploy']) await import(`./${name}.mjs`)
