#!/usr/bin/env node
// Generates the differential parse corpus as NDJSON cases for ../../shared/tools/graphql-oracle.js
// and graphql-conformance. Deterministic: fixed seeds, no clock, no randomness from outside.
//
// Usage: node generate-parse-cases.js [--github PATH] [--scale N] > cases.ndjson
//   --github PATH   the GitHub schema SDL (default: search ../shared/data, $SHARED_DIR/data)
//   --scale N       multiply the number of generated cases (default 1, about 6,000 cases)
//
// Families (the case id says which): kitchen sinks and the GitHub schema as written; generated
// executable and SDL documents; truncations; random byte edits; and targeted lexer cases
// (numbers, escapes, block strings, unicode, invalid characters, keywords in odd places).
'use strict';
const fs = require('fs');
const path = require('path');

const { scale, findGithubSchema, rng } = require('./generator-support');

const cases = [];
function add(id, query) { cases.push({ id, op: 'parse', query }); }

// ---------------------------------------------------------------------------------------------
// Fixed documents.
const documentsDir = path.join(__dirname, 'documents');
const fixed = fs.readdirSync(documentsDir).filter((f) => f.endsWith('.graphql')).sort()
  .map((f) => ({ name: f, text: fs.readFileSync(path.join(documentsDir, f), 'utf8') }));
const github = findGithubSchema();
fixed.push({ name: 'github-schema.graphql', text: github });
for (const { name, text } of fixed) add(`fixed/${name}`, text);
add('fixed/introspection-query', require('graphql').getIntrospectionQuery());
add('fixed/introspection-query-all-options', require('graphql').getIntrospectionQuery({
  descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true,
}));

// ---------------------------------------------------------------------------------------------
// Generated valid documents.
const NAMES = ['a', 'b', 'id', 'name', 'user', 'lessons', 'node', 'edges', 'first', 'after', '_private', '__typename', 'x1', 'on',
  'query', 'mutation', 'subscription', 'fragment', 'type', 'schema', 'extend', 'input', 'enum', 'union', 'interface', 'scalar',
  'directive', 'implements', 'repeatable', 'true', 'false', 'null', 'Tutor', 'Lesson', 'ALongerNameThatKeepsGoingAndGoing'];
const TYPE_NAMES = ['Int', 'Float', 'String', 'Boolean', 'ID', 'Tutor', 'Lesson', 'DateTime', 'Input', 'Node'];
const ENUMS = ['RED', 'GREEN', 'BLUE', 'ASC', 'DESC', 'on', 'Tutor', 'query', 'fragment'];
const LOCATIONS = ['QUERY', 'MUTATION', 'SUBSCRIPTION', 'FIELD', 'FRAGMENT_DEFINITION', 'FRAGMENT_SPREAD', 'INLINE_FRAGMENT',
  'VARIABLE_DEFINITION', 'SCHEMA', 'SCALAR', 'OBJECT', 'FIELD_DEFINITION', 'ARGUMENT_DEFINITION', 'INTERFACE', 'UNION', 'ENUM',
  'ENUM_VALUE', 'INPUT_OBJECT', 'INPUT_FIELD_DEFINITION'];
const STRING_PIECES = ['plain', ' spaced ', 'quote \\"', 'back\\\\slash', '\\/', '\\b\\f\\n\\r\\t', '\\u00e9', '\\u00E9', '\\u{1F600}',
  '\\u{0}', '\\uD83D\\uDE00', 'é', '中文', '😀', '\u0085', '\u2028', '\u007f', '\u0001', '#not a comment', '"""', '$var', '{}'];
const BLOCK_PIECES = ['line', '  indented', '\t\ttabbed', '', '   ', 'with \\""" escaped', 'quote " and ""', '😀 é', 'ends with \\',
  '# hash', '\u0001ctrl', 'trailing "'];

function makeGenerator(r) {
  const sep = () => r.pick([' ', ' ', ' ', '\n', '\t', ', ', ' # comment\n', '\r\n', '\r', ',', '\ufeff']);
  const name = () => r.pick(NAMES);
  const fieldName = () => { const n = name(); return n; };
  const typeName = () => r.pick(TYPE_NAMES);
  const int = () => r.pick(['0', '-0', '1', '-1', '42', '2147483647', '-2147483648', '12345678901234567890']);
  const float = () => r.pick(['0.0', '-0.0', '1.5', '-1.5', '1e10', '1E10', '1e+10', '1e-10', '6.0221413e23', '0.1', '-3.14159', '0e0']);
  function string() {
    let s = '';
    const n = r.int(4);
    for (let i = 0; i < n; i++) s += r.pick(STRING_PIECES);
    return `"${s}"`;
  }
  function blockString() {
    const lines = [];
    const n = r.range(0, 5);
    const indent = r.pick(['', '  ', '    ', '\t']);
    for (let i = 0; i < n; i++) lines.push((r.chance(0.7) ? indent : '') + r.pick(BLOCK_PIECES));
    const lead = r.pick(['', '\n', '\n\n', '  ', '\r\n']);
    const trail = r.pick(['', '\n', '\n  ', '  ']);
    const joiner = r.pick(['\n', '\r\n', '\r']);
    return `"""${lead}${lines.join(joiner)}${trail}"""`;
  }
  function value(isConst, depth) {
    const choices = ['int', 'float', 'string', 'bool', 'null', 'enum'];
    if (!isConst) choices.push('var', 'var');
    if (depth < 4) choices.push('list', 'object', 'list', 'object');
    if (r.chance(0.05)) choices.push('block');
    switch (r.pick(choices)) {
      case 'int': return int();
      case 'float': return float();
      case 'string': return string();
      case 'block': return blockString();
      case 'bool': return r.pick(['true', 'false']);
      case 'null': return 'null';
      case 'enum': return r.pick(ENUMS);
      case 'var': return `$${name()}`;
      case 'list': {
        const n = r.int(4);
        const items = [];
        for (let i = 0; i < n; i++) items.push(value(isConst, depth + 1));
        return `[${items.join(r.pick([', ', ' ', ',']))}]`;
      }
      default: {
        const n = r.int(4);
        const items = [];
        for (let i = 0; i < n; i++) items.push(`${name()}${r.pick([':', ': ', ' : '])}${value(isConst, depth + 1)}`);
        return `{${items.join(r.pick([', ', ' ', ',']))}}`;
      }
    }
  }
  function args(isConst, max = 3) {
    if (!r.chance(0.5)) return '';
    const n = r.range(1, max);
    const items = [];
    for (let i = 0; i < n; i++) items.push(`${name()}: ${value(isConst, 0)}`);
    return `(${items.join(sep())})`;
  }
  function directives(isConst) {
    let out = '';
    const n = r.chance(0.3) ? r.range(1, 3) : 0;
    for (let i = 0; i < n; i++) out += ` @${name()}${args(isConst)}`;
    return out;
  }
  function type(depth = 0) {
    let t = depth < 3 && r.chance(0.3) ? `[${type(depth + 1)}]` : typeName();
    if (r.chance(0.4)) t += '!';
    return t;
  }
  function selectionSet(depth) {
    const n = r.range(1, depth > 3 ? 2 : 4);
    const items = [];
    for (let i = 0; i < n; i++) items.push(selection(depth));
    return `{${sep()}${items.join(sep())}${sep()}}`;
  }
  function selection(depth) {
    const roll = r.next();
    if (roll < 0.15) return `...${r.pick(['', ' '])}${r.pick(['Frag', 'Parts', 'x', 'onion'])}${directives(false)}`;
    if (roll < 0.3 && depth < 6) {
      const condition = r.chance(0.7) ? ` on ${typeName()}` : '';
      return `...${condition}${directives(false)} ${selectionSet(depth + 1)}`;
    }
    const alias = r.chance(0.2) ? `${name()}${r.pick([':', ': ', ' :'])}` : '';
    const sub = depth < 6 && r.chance(0.35) ? ` ${selectionSet(depth + 1)}` : '';
    return `${alias}${fieldName()}${args(false, r.chance(0.1) ? 8 : 3)}${directives(false)}${sub}`;
  }
  function variableDefinitions() {
    if (!r.chance(0.5)) return '';
    const n = r.range(1, 3);
    const items = [];
    for (let i = 0; i < n; i++) {
      const dflt = r.chance(0.3) ? ` = ${value(true, 0)}` : '';
      items.push(`$${name()}: ${type()}${dflt}${directives(true)}`);
    }
    return `(${items.join(sep())})`;
  }
  function operation() {
    const roll = r.next();
    if (roll < 0.2) return selectionSet(0);
    const kind = r.pick(['query', 'mutation', 'subscription']);
    const opName = r.chance(0.7) ? ` ${name()}` : '';
    return `${kind}${opName}${variableDefinitions()}${directives(false)} ${selectionSet(0)}`;
  }
  function fragment() {
    return `fragment ${r.pick(['Frag', 'Parts', 'x', 'onion', 'query'])} on ${typeName()}${directives(false)} ${selectionSet(0)}`;
  }
  function executableDocument() {
    const n = r.range(1, 4);
    const defs = [];
    for (let i = 0; i < n; i++) defs.push(r.chance(0.7) ? operation() : fragment());
    return (r.chance(0.1) ? '\ufeff' : '') + defs.join(r.pick(['\n\n', '\n', ' ', sep()]));
  }

  // --- SDL ---
  const description = () => (r.chance(0.3) ? (r.chance(0.5) ? blockString() : string()) + sep() : '');
  function inputValue() {
    const dflt = r.chance(0.3) ? ` = ${value(true, 0)}` : '';
    return `${description()}${name()}: ${type()}${dflt}${directives(true)}`;
  }
  function argumentDefs() {
    if (!r.chance(0.4)) return '';
    const n = r.range(1, 3);
    const items = [];
    for (let i = 0; i < n; i++) items.push(inputValue());
    return `(${items.join(sep())})`;
  }
  function fieldDefs() {
    const n = r.range(1, 4);
    const items = [];
    for (let i = 0; i < n; i++) items.push(`${description()}${name()}${argumentDefs()}: ${type()}${directives(true)}`);
    return `{${sep()}${items.join(sep())}${sep()}}`;
  }
  function implementsList() {
    if (!r.chance(0.4)) return '';
    const n = r.range(1, 3);
    const items = [];
    for (let i = 0; i < n; i++) items.push(typeName());
    return ` implements ${r.chance(0.2) ? '& ' : ''}${items.join(r.pick([' & ', '&', ' &\n']))}`;
  }
  function inputFields() {
    const n = r.range(1, 4);
    const items = [];
    for (let i = 0; i < n; i++) items.push(inputValue());
    return `{${sep()}${items.join(sep())}${sep()}}`;
  }
  function enumValues() {
    const n = r.range(1, 4);
    const items = [];
    for (let i = 0; i < n; i++) items.push(`${description()}${r.pick(ENUMS.filter((e) => e !== 'on').concat(['on', 'VALUE_1']))}${directives(true)}`);
    return `{${sep()}${items.join(sep())}${sep()}}`;
  }
  function unionMembers() {
    const n = r.range(1, 3);
    const items = [];
    for (let i = 0; i < n; i++) items.push(typeName());
    return ` = ${r.chance(0.3) ? '| ' : ''}${items.join(r.pick([' | ', '|', '\n| ']))}`;
  }
  function operationTypes() {
    const kinds = ['query', 'mutation', 'subscription'];
    const n = r.range(1, 3);
    const items = [];
    for (let i = 0; i < n; i++) items.push(`${kinds[i]}: ${typeName()}`);
    return `{${sep()}${items.join(sep())}${sep()}}`;
  }
  function typeSystemDefinition() {
    switch (r.int(14)) {
      case 0: return `${description()}schema${directives(true)} ${operationTypes()}`;
      case 1: return `${description()}scalar ${typeName()}${directives(true)}`;
      case 2: case 3: return `${description()}type ${typeName()}${implementsList()}${directives(true)}${r.chance(0.9) ? ' ' + fieldDefs() : ''}`;
      case 4: return `${description()}interface ${typeName()}${implementsList()}${directives(true)}${r.chance(0.9) ? ' ' + fieldDefs() : ''}`;
      case 5: return `${description()}union ${typeName()}${directives(true)}${r.chance(0.9) ? unionMembers() : ''}`;
      case 6: return `${description()}enum ${typeName()}${directives(true)}${r.chance(0.9) ? ' ' + enumValues() : ''}`;
      case 7: return `${description()}input ${typeName()}${directives(true)}${r.chance(0.9) ? ' ' + inputFields() : ''}`;
      case 8: {
        const n = r.range(1, 4);
        const locs = [];
        for (let i = 0; i < n; i++) locs.push(r.pick(LOCATIONS));
        return `${description()}directive @${name()}${argumentDefs()}${r.chance(0.3) ? ' repeatable' : ''} on ${r.chance(0.2) ? '| ' : ''}${locs.join(r.pick([' | ', '|', '\n  | ']))}`;
      }
      case 9: return r.chance(0.5) ? `extend schema${directives(true)} ${operationTypes()}` : `extend schema @${name()}`;
      case 10: return `extend scalar ${typeName()} @${name()}${args(true)}`;
      case 11: return `extend ${r.pick(['type', 'interface'])} ${typeName()}${implementsList()}${directives(true)} ${fieldDefs()}`;
      case 12: return r.chance(0.5) ? `extend union ${typeName()}${directives(true)}${unionMembers()}` : `extend enum ${typeName()}${directives(true)} ${enumValues()}`;
      default: return `extend input ${typeName()}${directives(true)} ${inputFields()}`;
    }
  }
  function sdlDocument() {
    const n = r.range(1, 6);
    const defs = [];
    for (let i = 0; i < n; i++) defs.push(typeSystemDefinition());
    return defs.join(r.pick(['\n\n', '\n', ' ', sep()]));
  }
  function mixedDocument() {
    const n = r.range(2, 5);
    const defs = [];
    for (let i = 0; i < n; i++) defs.push(r.chance(0.5) ? typeSystemDefinition() : (r.chance(0.7) ? operation() : fragment()));
    return defs.join('\n');
  }
  return { executableDocument, sdlDocument, mixedDocument, string, blockString, value, type };
}

const gen = makeGenerator(rng(20250901));
const validDocuments = [];
for (let i = 0; i < 700 * scale; i++) { const d = gen.executableDocument(); validDocuments.push(d); add(`valid/executable/${i}`, d); }
for (let i = 0; i < 700 * scale; i++) { const d = gen.sdlDocument(); validDocuments.push(d); add(`valid/sdl/${i}`, d); }
for (let i = 0; i < 200 * scale; i++) { const d = gen.mixedDocument(); validDocuments.push(d); add(`valid/mixed/${i}`, d); }
for (let i = 0; i < 200 * scale; i++) add(`valid/value/${i}`, `{ f(a: ${gen.value(false, 0)}) }`);
for (let i = 0; i < 100 * scale; i++) add(`valid/type/${i}`, `query ($v: ${gen.type()}) { f }`);

// ---------------------------------------------------------------------------------------------
// Broken documents: truncations and random edits of valid ones (and of the fixed documents).
const breaker = rng(77);
const sources = validDocuments.concat(fixed.filter((f) => f.text.length < 20000).map((f) => f.text));
for (let i = 0; i < 1000 * scale; i++) {
  const text = breaker.pick(sources);
  add(`broken/truncated/${i}`, text.slice(0, breaker.int(text.length + 1)));
}
const INSERTS = ['{', '}', '(', ')', '[', ']', ':', '=', '@', '$', '!', '|', '&', '...', '..', '.', '"', '"""', '\\', '#', '\n', ' ',
  '0', '01', '1.', '.5', '1e', '-', '-a', 'on', 'query', 'fragment', 'extend', 'true', 'null', '\'', '\u0000', '\u0007', '\u00a0',
  '\u200b', 'é', '😀', '\ud800', '\udc00', '\ufeff', '\u2028', '\\u', '\\u{', '\\x', '"""\n', '\r'];
for (let i = 0; i < 2000 * scale; i++) {
  let text = breaker.pick(sources);
  const edits = breaker.range(1, 3);
  for (let e = 0; e < edits; e++) {
    const at = breaker.int(text.length + 1);
    switch (breaker.int(3)) {
      case 0: text = text.slice(0, at) + text.slice(at + breaker.range(1, 4)); break;
      case 1: text = text.slice(0, at) + breaker.pick(INSERTS) + text.slice(at); break;
      default: text = text.slice(0, at) + breaker.pick(INSERTS) + text.slice(at + 1); break;
    }
  }
  add(`broken/edited/${i}`, text);
}

// ---------------------------------------------------------------------------------------------
// Targeted lexer cases.
const NUMBERS = ['0', '-0', '00', '01', '-01', '0x1', '0b1', '1.', '1.e5', '.5', '-.5', '1e', '1e+', '1E-', '1.5e', '1.0.0', '1e5.0',
  '1a', '1_000', '0.0e0', '-', '--1', '+1', '1e1e1', '123abc', '1.2.3', '9007199254740993', '1e400', '-1e-400', '0.', '0..', '1..2',
  '5e5a', '1.e', '1\u00e9', '2😀', '3"x"', '4$'];
for (const n of NUMBERS) {
  add(`lexer/number/${JSON.stringify(n)}`, `{ f(a: ${n}) }`);
  add(`lexer/number-end/${JSON.stringify(n)}`, `{ f(a: ${n}`);
}
const ESCAPES = ['\\n', '\\t', '\\"', '\\\\', '\\/', '\\b', '\\f', '\\r', '\\x', '\\a', '\\', '\\u', '\\u1', '\\u12', '\\u123',
  '\\u1234', '\\uFFFF', '\\uffff', '\\uD800', '\\uDC00', '\\uD83D\\uDE00', '\\uD83D', '\\uD83Dx', '\\uD83D\\u0041', '\\uD83D\\uD83D',
  '\\uDE00\\uD83D', '\\u{', '\\u{}', '\\u{0}', '\\u{41}', '\\u{1F600}', '\\u{10FFFF}', '\\u{110000}', '\\u{D800}', '\\u{DFFF}',
  '\\u{FFFFFFFF}', '\\u{00000041}', '\\u{000000041}', '\\u{12345678}', '\\u{1F600', '\\u{G}', '\\u{4é}', '\\u00é9', '\\uXYZW',
  '\\u{-1}', '\\u{ 41}', '\\é', '\\\u0000'];
// Not '\\😀': graphql-js quotes half of the surrogate pair in that message, which a Swift string
// cannot hold (documented deviation, covered by a unit test instead).
for (const e of ESCAPES) {
  add(`lexer/escape/${JSON.stringify(e)}`, `{ f(a: "x${e}y") }`);
  add(`lexer/escape-end/${JSON.stringify(e)}`, `{ f(a: "${e}`);
}
const STRINGS = ['""', '"', '"abc', '"a\nb"', '"a\rb"', '"tab\there"', '"nul\u0000"', '"bell\u0007"', '"del\u007f"', '"é😀中"',
  '"\u2028\u2029"', '"\ud800"', '"a\udc00b"', '"\ud83d\ude00"', '""""', '"""', '""""""', '"""a"""', '""" \\""" """',
  '"""\\"""', '"""\\""""', '"""a\\"""b"""', '"""\n  a\n   b\n"""', '"""\r\n  a\r\n  b\r\n"""', '"""\r  a\r  b\r"""',
  '"""    \n\n  first\n\n    second\n   \n"""', '"""\tx\n\ty"""', '"""a\n"""', '"""\n\n"""', '"""  """', '"""\ud800"""',
  '"""\u0000 nul"""', '"""unterminated', '"""ends with quote""""', '"""ends with "quote" """', '"""slash\\"""', '"""a""b"""',
  '"""\n    x\n  y\n"""', '"""x\n   \n  y"""', `"""${'long '.repeat(20)}"""`, `"""${'a'.repeat(71)}"""`, `"""${'a'.repeat(70)}"""`,
  `"""${'é'.repeat(71)}"""`, `"${'😀'.repeat(5)}"`];
for (const s of STRINGS) {
  add(`lexer/string/${JSON.stringify(s)}`, `{ f(a: ${s}) }`);
  add(`lexer/description/${JSON.stringify(s)}`, `${s}\ntype T { f: Int }`);
  add(`lexer/field-description/${JSON.stringify(s)}`, `type T {\n  ${s}\n  f(${s} a: Int): Int\n}`);
}
const CHARACTERS = ['\u0000', '\u0001', '\u0007', '\u000b', '\u000c', '\u001f', '\u007f', '\u0080', '\u00a0', '\u00e9', '\u2028',
  '\u200b', '\ufeff', '\ufffe', '\uffff', '\ud800', '\udbff', '\udc00', '\udfff', '\ud83d\ude00', '😀', '\'', '"', '%', '^', '*', '+',
  ';', '<', '>', '?', '/', '\\', '`', '~', '.', '..', '-', '#'];
for (const c of CHARACTERS) {
  add(`lexer/character/${JSON.stringify(c)}`, `{ a ${c} b }`);
  add(`lexer/character-start/${JSON.stringify(c)}`, `${c}`);
  add(`lexer/comment/${JSON.stringify(c)}`, `# comment ${c} here\n{ a }`);
  add(`lexer/column/${JSON.stringify(c)}`, `# ${c}${c} é😀\n  "${c === '"' || c === '\\' ? '' : c}"  😀é ${c}`);
}
const GRAMMAR = [
  '', ' ', '# only a comment', '{', '}', '{}', '{ }', '{ a', 'query', 'query Q', 'query Q {}', 'query Q($a) { b }', 'query Q($a: ) { b }',
  'query Q($a: Int = $b) { c }', 'query Q($a: Int = [$b]) { c }', 'query Q($a: Int = {x: $b}) { c }', 'query Q($a: Int @dir(x: $v)) { c }',
  'query Q($a: Int!!) { b }', 'query Q($a: [Int) { b }', 'query Q($a: Int]) { b }', 'query Q(a: Int) { b }', 'query Q($ a: Int) { b }',
  'query Q @ { a }', 'query Q @dir( { a }', 'query Q @dir() { a }', '{ a(b) }', '{ a(b:) }', '{ a() }', '{ a(b: 1 c: 2) }', '{ a: }',
  '{ a: b: c }', '{ ...on }', '{ ... on }', '{ ... on T }', '{ ... }', '{ ...on T { a } }', '{ ... on on { a } }', '{ ...F @ }',
  'fragment on on T { a }', 'fragment F T { a }', 'fragment F on T', 'fragment F on { a }', 'fragment F($a: Int) on T { a }',
  'fragment F on T @d { a }', 'mutation { a }', 'subscription { a }', 'Query { a }', 'QUERY { a }', 'query { a } query { b }',
  '"desc" query Q { a }', '"desc" { a }', '"desc" fragment F on T { a }', '"desc" extend type T @d', '"desc"', '"""desc"""',
  'schema', 'schema {}', 'schema { query }', 'schema { query: }', 'schema { query: Q, mutation: M }', 'schema { Query: Q }',
  'schema @d', 'scalar', 'scalar S', 'scalar S @d(a: $v)', 'type', 'type T', 'type T {}', 'type T { }', 'type T { f }',
  'type T { f: }', 'type T { f(): Int }', 'type T { f(a): Int }', 'type T { f(a: Int = 1 @d): [Int!]! @d }', 'type T implements { f: Int }',
  'type T implements I J { f: Int }', 'type T implements I, J { f: Int }', 'type T implements & I & J', 'type T implements I &',
  'type T @d implements I { f: Int }', 'type T { "desc" }', 'type T { "desc" f: Int "trailing" }', 'interface I implements J & K { f: Int }',
  'union U', 'union U =', 'union U = A |', 'union U = | A', 'union U = A B', 'union U @d = A', 'union U = A | | B',
  'enum E', 'enum E {}', 'enum E { A B }', 'enum E { true }', 'enum E { false }', 'enum E { null }', 'enum E { A, B, }',
  'enum E { "desc" A @d }', 'enum E { A(x: Int) }', 'input I', 'input I {}', 'input I { a: Int = $v }', 'input I { a }',
  'input I { a: Int b: String = "x" }', 'directive', 'directive @', 'directive @d', 'directive @d on', 'directive @d on FIELD',
  'directive @d on FIELDS', 'directive @d on field', 'directive @d on | FIELD | QUERY', 'directive @d repeatable on FIELD',
  'directive @d on FIELD repeatable', 'directive @d(a: Int) on FIELD |', 'directive d on FIELD', 'directive @d(a: Int = $v) on FIELD',
  'extend', 'extend schema', 'extend schema {}', 'extend schema @d', 'extend schema { query: Q }', 'extend scalar S', 'extend scalar S @d',
  'extend type T', 'extend type T {}', 'extend type T @d', 'extend type T implements I', 'extend type T { f: Int }',
  'extend interface I', 'extend interface I @d', 'extend union U', 'extend union U = A', 'extend enum E', 'extend enum E { A }',
  'extend input I', 'extend input I { a: Int }', 'extend foo T', 'extend "desc" type T', 'extend type T { f: Int } extend',
  'type T { f: Int } { a }', '{ a } type T { f: Int }', '{ a(b: {c: {d: {e: [1, [2, [3, {f: null}]]]}}}) }',
  `{ ${'a: b(c: 1) '.repeat(30)} }`, `{ field(${Array.from({ length: 12 }, (_, i) => `argument${i}: "value ${i}"`).join(', ')}) }`,
  `{ aliasedFieldWithLongName: fieldWithAnEvenLongerNameThanTheAlias(argumentOne: 1, argumentTwo: 2) }`,
  `{ f(a: "${'x'.repeat(56)}") }`, `{ f(a: "${'x'.repeat(57)}") }`, `{ f(a: "${'é'.repeat(57)}") }`, `{ f(a: "${'😀'.repeat(29)}") }`,
  `{ f(a: """\n  line one\n  line two\n""", b: "${'x'.repeat(40)}") }`, '{ f(a: """x""") @d(b: """\n y\n""") }',
  'query Q($v: String = """\n  default\n""") { a }', 'type T { f(a: String = """x\ny"""): Int }',
  'directive @d("""\n  described\n""" a: Int) on FIELD', 'type T { f("desc" a: Int, b: Int): Int }',
  `{\n${'  '.repeat(10)}a\n}`, '{ a }\r\n{ b }', '{\r\n a\r\n b(c: "x\ny")\r\n}', '{ a }\u0000', '\ufeff{ a }', '{ a }\ufeff',
  '{ a, b,, c ,}', '{ a b c }', '{ $a }', '{ a(b: $) }', '{ a(b: $1) }', '{ a(b: $"x") }', '{ a @d(b: $c) }', '{ a(b: true, c: false, d: null) }',
  '{ a(b: TRUE, c: Null) }', '{ a(b: [1, 2,]) }', '{ a(b: {c: 1,}) }', '{ a(b: {c}) }', '{ a(b: {c 1}) }', '{ a(b: {"c": 1}) }',
];
GRAMMAR.forEach((g, i) => add(`grammar/${i}`, g));
// Nesting well inside GraphQLKit's default depth limit (deeper nesting is a documented deviation).
for (const depth of [1, 10, 50, 100, 120, 127]) {
  add(`nesting/selections/${depth}`, '{ a '.repeat(depth) + '}'.repeat(depth));
  add(`nesting/list/${depth}`, `{ f(a: ${'['.repeat(depth - 1)}1${']'.repeat(depth - 1)}) }`);
  add(`nesting/object/${depth}`, `{ f(a: ${'{a: '.repeat(depth - 1)}1${'}'.repeat(depth - 1)}) }`);
  add(`nesting/type/${depth}`, `query ($v: ${'['.repeat(depth)}Int${']!'.repeat(depth)}) { f }`);
  add(`nesting/unclosed/${depth}`, '{ a '.repeat(depth));
}

for (const c of cases) process.stdout.write(JSON.stringify(c) + '\n');
