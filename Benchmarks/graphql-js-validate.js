#!/usr/bin/env node
// The graphql-js side of Benchmarks/run-validation-benchmarks: validate(schema, document) with
// graphql-js 16.6's specifiedRules on a document parsed once. Prints operations per
// CPU-second (process.cpuUsage: user + system).
//
// Usage: NODE_PATH=/usr/share/nodejs node graphql-js-validate.js WORKLOAD [SECONDS] [QUERY_FILE]
//        node graphql-js-validate.js output WORKLOAD [QUERY_FILE]   the error messages (one a line)
//   W3     the standard introspection query against the GitHub schema
//   LARGE  the generated large query (QUERY_FILE, from generate-large-query.js) against the GitHub schema
'use strict';
const fs = require('fs');
const graphql = require('graphql');
const { readGithubSchema } = require('./github-schema.js');


function workload(name, queryFile) {
  const schema = graphql.buildSchema(readGithubSchema());
  graphql.assertValidSchema(schema);
  let text;
  if (name === 'W3') text = graphql.getIntrospectionQuery();
  else if (name === 'LARGE') text = fs.readFileSync(queryFile, 'utf8');
  else throw new Error(`unknown workload ${name}`);
  const document = graphql.parse(text);
  return () => graphql.validate(schema, document);
}

const args = process.argv.slice(2);
if (args[0] === 'output') {
  const errors = workload(args[1], args[2])();
  process.stdout.write(errors.map((e) => e.message + '\n').join('') + `errors: ${errors.length}\n`);
} else {
  const seconds = Number(args[1] || '2');
  const run = workload(args[0], args[2]);
  const cpuSeconds = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
  let sink = 0;
  const warmUpEnd = cpuSeconds() + 0.5;
  while (cpuSeconds() < warmUpEnd) sink += run().length + 1;
  const start = cpuSeconds();
  let operations = 0;
  let now = start;
  while (now - start < seconds) {
    sink += run().length + 1;
    operations++;
    now = cpuSeconds();
  }
  if (sink === 0) throw new Error('nothing ran');
  console.log((operations / (now - start)).toFixed(1));
}
