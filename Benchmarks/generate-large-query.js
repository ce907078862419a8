#!/usr/bin/env node
// Writes the large query of the validation benchmark (issue 4): an operation over the GitHub
// schema with 1000+ field selections, named fragments spread many times, inline fragments on
// interfaces and unions, aliases, arguments and variables. Deterministic (no randomness).
// graphql-js must find it valid (checked here).
//
// Usage: NODE_PATH=/usr/share/nodejs node generate-large-query.js > large-query.graphql
'use strict';
const g = require('graphql');

const { readGithubSchema } = require('./github-schema.js');
const sdl = readGithubSchema();
const schema = g.buildSchema(sdl);

// A fragment per type: every leaf field that needs no argument.
// (Fields of types that can meet in one selection set get an alias prefix, so they merge.)
function leafFragment(typeName, name, prefix = '') {
  const type = schema.getType(typeName);
  const fields = Object.values(type.getFields()).filter((f) => g.isLeafType(g.getNamedType(f.type)) && f.args.length === 0);
  return `fragment ${name} on ${typeName} {\n${fields.map((f) => '  ' + (prefix ? prefix + f.name + ': ' : '') + f.name).join('\n')}\n}`;
}

const fragments = [
  leafFragment('Repository', 'RepoLeaves'),
  leafFragment('Issue', 'IssueLeaves'),
  leafFragment('PullRequest', 'PullLeaves', 'pr_'),
  leafFragment('User', 'UserLeaves'),
  leafFragment('Organization', 'OrgLeaves', 'org_'),
  leafFragment('Commit', 'CommitLeaves'),
  `fragment ActorBits on Actor {\n  login\n  url\n  ... on User { ...UserLeaves }\n  ... on Organization { ...OrgLeaves }\n}`,
  `fragment IssueBits on Issue {\n  ...IssueLeaves\n  author { ...ActorBits }\n  labels(first: 5) { nodes { name color } totalCount }\n  comments(first: 3) { nodes { body author { login } } }\n}`,
  `fragment PullBits on PullRequest {\n  ...PullLeaves\n  author { ...ActorBits }\n  commits(first: 2) { nodes { commit { ...CommitLeaves } } }\n}`,
  `fragment RepoBits on Repository {\n  ...RepoLeaves\n  owner { ...ActorBits }\n  issues(first: 10, states: [OPEN]) { totalCount nodes { ...IssueBits } }\n  pullRequests(first: 5) { nodes { ...PullBits } }\n}`,
];

const repositoryLeaves = Object.values(schema.getType('Repository').getFields())
  .filter((f) => g.isLeafType(g.getNamedType(f.type)) && f.args.length === 0).slice(0, 20).map((f) => f.name);
const roots = [];
for (let i = 0; i < 40; i++) {
  roots.push(`  r${i}: repository(owner: $owner, name: "repo${i}") {\n    ...RepoBits\n    ${repositoryLeaves.join('\n    ')}\n    ` +
    `issueOrPullRequest(number: ${i + 1}) { __typename ... on Issue { ...IssueBits } ... on PullRequest { ...PullBits } }\n  }`);
}
roots.push('  viewer { ...UserLeaves repositories(first: 20) { nodes { ...RepoLeaves } } }');
roots.push('  search(query: $q, type: REPOSITORY, first: 10) { nodes { __typename ... on Repository { ...RepoBits } ... on Issue { ...IssueBits } } }');
const query = `query Large($owner: String!, $q: String!) {\n${roots.join('\n')}\n}\n\n${fragments.join('\n\n')}\n`;

const document = g.parse(query);
const errors = g.validate(schema, document);
if (errors.length) throw new Error('the large query is invalid: ' + errors.map((e) => e.message).join('; '));
let fields = 0;
g.visit(document, { Field() { fields++; } });
if (fields < 1000) throw new Error(`only ${fields} fields`);
process.stderr.write(`large query: ${fields} field selections, ${query.length} bytes\n`);
process.stdout.write(query);
