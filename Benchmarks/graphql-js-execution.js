#!/usr/bin/env node
// The graphql-js side of Benchmarks/run-execution-benchmarks: the same workloads as
// graphql-execution-benchmarks (Swift), the same data, graphql-js 16.6's natural way to serve
// it (plain objects read by the default resolvers). Prints operations per CPU-second
// (process.cpuUsage: user + system, so garbage collection counts as it does for GraphQLKit).
//
// Usage: NODE_PATH=/usr/share/nodejs node graphql-js-execution.js WORKLOAD [SECONDS] [--no-stringify]
//        node graphql-js-execution.js output WORKLOAD     the response JSON
//
// By default an operation ends with JSON.stringify of the result, so both sides produce the
// same response bytes; --no-stringify stops at execute()'s result object.
'use strict';
// Functions are called as methods of the module object (a destructured call was measured
// much slower in this V8 for parse; keep all calls alike).
const graphql = require('graphql');
const { readGithubSchema } = require('./github-schema.js');


const items = [];
for (let i = 0; i < 1000; i++) items.push({ id: String(i), name: 'Item ' + i, price: i * 1.5, inStock: i % 2 === 0, tags: ['a' + i, 'b', 'c'] });

const users = [];
for (let u = 0; u < 100; u++) {
  const posts = [];
  for (let p = 0; p < 10; p++) {
    const comments = [];
    for (let c = 0; c < 5; c++) comments.push({ id: `c${u}-${p}-${c}`, text: `text ${c}`, author: `a${c}` });
    posts.push({ id: `p${u}-${p}`, title: `title ${p}`, body: `body ${p}`, comments });
  }
  users.push({ id: `u${u}`, name: `name ${u}`, email: `u${u}@x.org`, posts });
}

const nestedSDL = `
  type Query { users: [User!]! }
  type User { id: ID! name: String! email: String! posts: [Post!]! }
  type Post { id: ID! title: String! body: String! comments: [Comment!]! }
  type Comment { id: ID! text: String! author: String! }`;

/// Each workload: a function running one operation and returning the result (object or text).
function workload(name, stringify) {
  const finish = stringify ? (result) => JSON.stringify(result) : (result) => result;
  switch (name) {
    case 'W2': {
      const sdl = readGithubSchema();
      return () => graphql.buildSchema(sdl);
    }
    case 'W4': {
      const schema = graphql.buildSchema(readGithubSchema());
      const document = graphql.parse(graphql.getIntrospectionQuery());
      return () => finish(graphql.execute({ schema, document }));
    }
    case 'W5': {
      const schema = graphql.buildSchema('type Query { items: [Item!]! } type Item { id: ID! name: String! price: Float! inStock: Boolean! tags: [String!]! }');
      const document = graphql.parse('{ items { id name price inStock tags } }');
      const rootValue = { items };
      return () => finish(graphql.execute({ schema, document, rootValue }));
    }
    case 'W6': {
      const schema = graphql.buildSchema(nestedSDL);
      const document = graphql.parse('{ users { id name email posts { id title body comments { id text author } } } }');
      const rootValue = { users };
      return () => finish(graphql.execute({ schema, document, rootValue }));
    }
    case 'W7': {
      const schema = graphql.buildSchema(`
        type Query { user(id: ID!): User }
        type User { id: ID! name: String! email: String! posts(first: Int = 10): [Post!]! }
        type Post { id: ID! title: String! body: String! comments: [Comment!]! }
        type Comment { id: ID! text: String! author: String! }`);
      const byID = new Map(users.map((u) => [u.id, u]));
      const rootValue = {
        user: ({ id }) => {
          const user = byID.get(id);
          return user && { ...user, posts: ({ first }) => user.posts.slice(0, first) };
        },
      };
      const text = 'query($id: ID!) { user(id: $id) { id name posts(first: 3) { title } } }';
      const variableValues = { id: 'u42' };
      return () => {
        const document = graphql.parse(text);
        const errors = graphql.validate(schema, document);
        if (errors.length) throw errors[0];
        return finish(graphql.execute({ schema, document, rootValue, variableValues }));
      };
    }
    default:
      throw new Error(`unknown workload ${name}`);
  }
}

const args = process.argv.slice(2);
if (args[0] === 'output') {
  // No process.exit() after writing: on a pipe, stdout is written asynchronously.
  const run = workload(args[1], true);
  process.stdout.write(args[1] === 'W2' ? graphql.printSchema(run()) + '\n' : run() + '\n');
} else {
  measure(args);
}

function measure(args) {
  const seconds = Number(args[1] && !args[1].startsWith('--') ? args[1] : '2');
  const run = workload(args[0], !args.includes('--no-stringify'));
  const cpuSeconds = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
  let sink = 0;
  const warmUpEnd = cpuSeconds() + 0.5;
  while (cpuSeconds() < warmUpEnd) { if (run()) sink++; }
  const start = cpuSeconds();
  let operations = 0;
  let now = start;
  while (now - start < seconds) {
    if (run()) sink++;
    operations++;
    now = cpuSeconds();
  }
  if (sink === 0) throw new Error('the workload produced nothing');
  console.log((operations / (now - start)).toFixed(1));
}
