#!/usr/bin/env node
// The graphql-js side of Benchmarks/run-parse-benchmarks: parses FILE repeatedly with
// graphql-js's parse() and prints operations per CPU-second (process.cpuUsage: user + system,
// all threads, so garbage collection counts as it does for GraphQLKit).
//
// Usage: NODE_PATH=/usr/share/nodejs node graphql-js-parse.js FILE [SECONDS]
//        node graphql-js-parse.js --introspection-query    prints getIntrospectionQuery()
'use strict';
const fs = require('fs');
// Called as a method of the module object: in this V8, calling a destructured `parse` was up to
// 6x slower on the GitHub schema, which would flatter GraphQLKit.
const graphql = require('graphql');

if (process.argv[2] === '--introspection-query') {
  process.stdout.write(graphql.getIntrospectionQuery());
  process.exit(0);
}
const text = fs.readFileSync(process.argv[2], 'utf8');
const seconds = Number(process.argv[3] || '2');
const cpuSeconds = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };

let sink = 0;
const warmUpEnd = cpuSeconds() + 0.5;
while (cpuSeconds() < warmUpEnd) sink += graphql.parse(text).definitions.length;
const start = cpuSeconds();
let operations = 0;
let now = start;
// The CPU clock is read every 32 parses, as in GraphQLKit's CPUClock.swift.
while (now - start < seconds) {
  for (let i = 0; i < 32; i++) sink += graphql.parse(text).definitions.length;
  operations += 32;
  now = cpuSeconds();
}
if (sink === 0) throw new Error('nothing parsed');
console.log((operations / (now - start)).toFixed(1));
