#!/usr/bin/env node
// Generates the differential corpus for schemas and execution as NDJSON cases for
// ../../shared/tools/graphql-oracle.js and graphql-conformance: `printSchema`, `introspect` and
// `execute` cases over randomly generated schemas. Deterministic: fixed seeds, no clock.
//
// Usage: node generate-execution-cases.js [--scale N] [--github PATH] > cases.ndjson
//
// Every generated SDL and operation is checked with graphql-js itself, so the corpus holds only
// SDL that builds and operations that pass validation (GraphQLKit's validation is a separate
// corpus). Families (the case id says which):
//   print/N      printSchema of a generated schema (descriptions, defaults, deprecations,
//                extensions of every kind, custom roots and directives)
//   invalid/N    execute against a schema that breaks a type-system rule (schema errors)
//   introspect/N the standard introspection query against a generated schema
//   exec/N       random valid operations over generated data: nulls in nullable and non-null
//                places, thrown errors ($error), echoed arguments ($echoArgs), wrong scalar
//                values, abstract types by __typename, fragments, @skip/@include, aliases,
//                variables valid and invalid, several operations with operationName
//   fixed/...    hand-picked schemas (the GitHub schema, kitchen sinks)
'use strict';
const g = require('graphql');

const { scale, findGithubSchema, rng } = require('./generator-support');

const cases = [];
function add(c) { cases.push(c); }

// ---------------------------------------------------------------------------------------------
// Schemas.

const FIELD_WORDS = ['id', 'name', 'title', 'count', 'price', 'tags', 'owner', 'items', 'node', 'nodes', 'parent', 'score', 'kind',
  'createdAt', 'active', 'rating', 'children', 'label', 'value', 'first', 'next', 'notes', 'data', 'meta', 'url', 'size', 'body'];
const TYPE_WORDS = ['User', 'Lesson', 'Tutor', 'Course', 'Invoice', 'Message', 'Room', 'Badge', 'Topic', 'Review', 'Slot', 'Grade'];
const ENUM_WORDS = ['RED', 'GREEN', 'BLUE', 'ASC', 'DESC', 'ON_HOLD', 'DONE', 'A', 'B', 'C', 'NEW', 'OLD', 'x_y', 'Mixed'];
const DESCRIPTIONS = [
  'A plain description.', 'Two\nlines', '  leading spaces', 'trailing spaces  ', 'has "quotes"', 'has """ triple quotes',
  'ends with a quote"', 'ends with backslash\\', 'tab\there', 'emoji 😀 and é', '\nstarts with newline', 'ends with newline\n',
  'line\r\nwith crlf', 'control \u0001 char', '', 'x'.repeat(75), 'Markdown `code` and *stars*', 'indented\n  second\n    third',
  '   \n  only blank-ish first line', '""', 'a\n\n\nb',
];
const URLS = ['https://example.com/spec', 'https://tools.ietf.org/html/rfc3339', 'urn:x "quoted"'];
const STRING_VALUES = ['', 'plain', 'with "quote"', 'back\\slash', 'new\nline', 'é😀', '\u0007bell', 'tab\t', '1', 'true', 'null'];

function desc(r, p = 0.35) {
  if (!r.chance(p)) return '';
  const text = r.pick(DESCRIPTIONS);
  const blockable = !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text);
  return (blockable && r.chance(0.5) ? `"""${text.replace(/"""/g, '\\"""')}"""` : JSON.stringify(text)) + '\n';
}

/// A literal of `type` (a graphql-js input type); `valid` false makes it likely wrong.
function literal(r, schema, type, depth, valid = true) {
  if (g.isNonNullType(type)) return literal(r, schema, type.ofType, depth, valid);
  if (!valid && r.chance(0.3)) return r.pick(['"wrong"', '1.5', 'true', 'NOPE', '{x: 1}', '[1, 2]', '2147483648']);
  if (r.chance(0.08) && valid) return 'null';
  if (g.isListType(type)) {
    if (r.chance(0.3) || depth > 3) return literal(r, schema, type.ofType, depth + 1, valid);
    const n = r.int(3);
    const items = [];
    for (let i = 0; i < n; i++) items.push(literal(r, schema, type.ofType, depth + 1, valid));
    return `[${items.join(', ')}]`;
  }
  const named = g.getNamedType(type);
  if (g.isInputObjectType(named)) {
    const fields = Object.values(named.getFields());
    const parts = [];
    if (named.isOneOf) {
      const f = r.pick(fields);
      return `{${f.name}: ${literal(r, schema, g.getNullableType(f.type), depth + 1, valid).replace(/^null$/, '1')}}`;
    }
    for (const f of fields) {
      if (g.isNonNullType(f.type) && f.defaultValue === undefined || r.chance(0.5)) {
        if (depth > 3 && !g.isNonNullType(f.type)) continue;
        parts.push(`${f.name}: ${literal(r, schema, f.type, depth + 1, valid)}`);
      }
    }
    return `{${parts.join(', ')}}`;
  }
  if (g.isEnumType(named)) return r.pick(named.getValues()).name;
  switch (named.name) {
    case 'Int': return r.pick(['0', '1', '-7', '42', '2147483647', '-2147483648']);
    case 'Float': return r.pick(['0', '1.5', '-2.25', '1e3', '6.02e23', '1.0', '0.1', '3', '1.5e-7', '123456789012']);
    case 'String': return JSON.stringify(r.pick(STRING_VALUES));
    case 'Boolean': return r.pick(['true', 'false']);
    case 'ID': return r.pick(['"id-1"', '42', '"007"', '0']);
    default: return r.pick(['"2024-01-01"', '1', '{a: 1, b: [true, "x"]}', '[1, "two"]', 'SOME_ENUM', 'null', '1.5']);
  }
}

function wrap(r, name, listChance = 0.3) {
  let t = name;
  if (r.chance(listChance)) t = `[${t}${r.chance(0.5) ? '!' : ''}]`;
  if (r.chance(0.35)) t += '!';
  return t;
}

/// Generates one SDL text. The model tracks what later parts may refer to.
function generateSDL(r, options = {}) {
  const used = new Set(['Query', 'Mutation', 'Subscription', 'String', 'Int', 'Float', 'Boolean', 'ID']);
  const typeName = (prefix) => {
    for (;;) {
      const n = `${r.pick(TYPE_WORDS)}${prefix}${r.int(20)}`;
      if (!used.has(n)) { used.add(n); return n; }
    }
  };
  const fieldNames = (count) => r.shuffle(FIELD_WORDS).slice(0, count);
  const parts = [];
  const extensions = [];
  const scalars = [];
  for (let i = r.int(3); i > 0; i--) {
    const n = typeName('Scalar');
    scalars.push(n);
    const url = r.chance(0.4) ? ` @specifiedBy(url: ${JSON.stringify(r.pick(URLS))})` : '';
    parts.push(`${desc(r)}scalar ${n}${url}`);
    if (r.chance(0.2)) extensions.push(`extend scalar ${n} @specifiedBy(url: ${JSON.stringify(r.pick(URLS))})`);
  }
  const enums = [];
  for (let i = r.range(0, 2); i > 0; i--) {
    const n = typeName('Kind');
    const values = r.shuffle(ENUM_WORDS).slice(0, r.range(1, 5));
    enums.push(n);
    const own = values.slice(0, Math.max(1, values.length - (r.chance(0.3) ? 1 : 0)));
    const body = own.map((v) => `  ${desc(r, 0.2)}${v}${r.chance(0.15) ? (r.chance(0.5) ? ' @deprecated' : ` @deprecated(reason: ${JSON.stringify(r.pick(STRING_VALUES))})`) : ''}`);
    parts.push(`${desc(r)}enum ${n} {\n${body.join('\n')}\n}`);
    if (own.length < values.length) extensions.push(`extend enum ${n} { ${values.slice(own.length).join(' ')} }`);
  }
  const leafTypes = ['String', 'Int', 'Float', 'Boolean', 'ID', ...scalars, ...enums];
  // Directives (custom ones; they never affect execution).
  const directives = [];
  if (r.chance(0.5)) {
    directives.push({ name: 'tag', def: `${desc(r)}directive @tag(name: String!) repeatable on FIELD_DEFINITION | OBJECT | INTERFACE | ENUM_VALUE | ARGUMENT_DEFINITION`, locs: ['FIELD_DEFINITION', 'OBJECT', 'INTERFACE', 'ENUM_VALUE', 'ARGUMENT_DEFINITION'], use: () => `@tag(name: ${JSON.stringify(r.pick(STRING_VALUES))})` });
  }
  if (r.chance(0.4)) {
    directives.push({ name: 'cost', def: `directive @cost(\n  ${desc(r, 0.5)}weight: Int = 1\n  kind: String = "x"\n) on FIELD_DEFINITION | SCALAR | INPUT_FIELD_DEFINITION`, locs: ['FIELD_DEFINITION', 'SCALAR', 'INPUT_FIELD_DEFINITION'], use: () => r.chance(0.5) ? '@cost' : `@cost(weight: ${r.int(10)})` });
  }
  if (r.chance(0.3)) {
    directives.push({ name: 'track', def: 'directive @track(label: String, level: [Int!] = [1]) on FIELD | QUERY | MUTATION | FRAGMENT_SPREAD | INLINE_FRAGMENT', locs: ['FIELD'], use: null, executable: true });
  }
  for (const d of directives) parts.push(d.def);
  const applied = (loc) => {
    const ok = directives.filter((d) => d.use && d.locs.includes(loc));
    if (!ok.length || !r.chance(0.25)) return '';
    const d = r.pick(ok);
    return ' ' + d.use() + (d.name === 'tag' && r.chance(0.3) ? ' ' + d.use() : '');
  };
  // Input objects (an input may refer to earlier inputs, and to itself when nullable).
  const inputs = [];
  for (let i = r.range(0, 3); i > 0; i--) {
    const n = typeName('Input');
    const oneOf = r.chance(0.15);
    const names = fieldNames(r.range(1, 4));
    const fields = names.map((f) => {
      const targets = [...leafTypes, ...inputs];
      let t = r.chance(0.15) ? n : r.pick(targets);
      if (oneOf) return { name: f, text: `${f}: ${t}` };
      t = t === n ? (r.chance(0.5) ? `[${n}]` : n) : wrap(r, t, 0.25);
      return { name: f, type: t, text: `${f}: ${t}` };
    });
    inputs.push(n);
    const ownCount = Math.max(1, fields.length - (r.chance(0.25) ? 1 : 0));
    parts.push({ kind: 'input', name: n, oneOf, fields, ownCount, desc: desc(r) });
  }
  // Interfaces (an interface may implement earlier ones, with their fields).
  const interfaces = [];
  const outputTargets = () => [...leafTypes, ...objects.map((o) => o.name), ...interfaces.map((i) => i.name), ...unions];
  const objects = [];
  const unions = [];
  const argList = () => {
    if (!r.chance(0.35)) return [];
    return fieldNames(r.range(1, 3)).map((a) => ({ name: a, type: wrap(r, r.pick([...leafTypes, ...inputs]), 0.3), desc: desc(r, 0.15), dflt: r.chance(0.3) }));
  };
  for (let i = r.range(0, 2); i > 0; i--) {
    const n = typeName('Node');
    const impl = interfaces.filter(() => r.chance(0.5));
    const closure = new Set();
    for (const parent of impl) { closure.add(parent.name); for (const a of parent.closure) closure.add(a); }
    const inherited = [];
    for (const name of closure) for (const f of interfaces.find((x) => x.name === name).fields) if (!inherited.some((x) => x.name === f.name)) inherited.push(f);
    const own = fieldNames(r.range(1, 3)).filter((f) => !inherited.some((x) => x.name === f)).map((f) => ({ name: f, type: wrap(r, r.pick(leafTypes)), args: argList(), desc: desc(r, 0.2) }));
    interfaces.push({ name: n, closure: [...closure], fields: [...inherited, ...own] });
  }
  for (let i = r.range(1, 4); i > 0; i--) {
    const n = typeName('');
    const impl = interfaces.filter(() => r.chance(0.5));
    const closure = new Set();
    for (const parent of impl) { closure.add(parent.name); for (const a of parent.closure) closure.add(a); }
    const inherited = [];
    for (const name of closure) for (const f of interfaces.find((x) => x.name === name).fields) if (!inherited.some((x) => x.name === f.name)) inherited.push(f);
    objects.push({ name: n, closure: [...closure], inherited, own: [] });
  }
  for (let i = r.range(0, 2); i > 0 && objects.length; i--) {
    const n = typeName('Result');
    const members = r.shuffle(objects).slice(0, r.range(1, Math.min(3, objects.length)));
    unions.push(n);
    const ext = members.length > 1 && r.chance(0.3);
    parts.push({ kind: 'union', name: n, members: members.map((m) => m.name), ext, desc: desc(r) });
  }
  for (const o of objects) {
    o.own = fieldNames(r.range(1, 4)).filter((f) => !o.inherited.some((x) => x.name === f))
      .map((f) => ({ name: f, type: wrap(r, r.pick(outputTargets())), args: argList(), desc: desc(r, 0.2), dep: r.chance(0.1) }));
  }
  const fieldText = (f) => {
    let a = '';
    if (f.args && f.args.length) {
      const items = f.args.map((x) => `${x.desc}${x.name}: ${x.type}${x.dflt ? ' = __DEFAULT__' + x.type : ''}${!x.type.endsWith('!') && r.chance(0.1) ? ' @deprecated' : ''}${applied('ARGUMENT_DEFINITION')}`);
      a = items.some((x) => x.includes('"')) && r.chance(0.5) ? `(\n${items.map((x) => '    ' + x).join('\n')}\n  )` : `(${items.join(', ')})`;
    }
    const dep = f.dep ? (r.chance(0.5) ? ' @deprecated' : ` @deprecated(reason: ${JSON.stringify(r.pick(STRING_VALUES))})`) : '';
    return `${f.desc || ''}${f.name}${a}: ${f.type}${dep}${applied('FIELD_DEFINITION')}`;
  };
  for (const i of interfaces) {
    const implText = i.closure.length ? ` implements ${i.closure.join(' & ')}` : '';
    const split = i.fields.length > 1 && r.chance(0.25) ? i.fields.length - 1 : i.fields.length;
    parts.push(`${desc(r)}interface ${i.name}${implText}${applied('INTERFACE')} {\n${i.fields.slice(0, split).map((f) => '  ' + fieldText(f)).join('\n')}\n}`);
    if (split < i.fields.length) extensions.push(`extend interface ${i.name} {\n${i.fields.slice(split).map((f) => '  ' + fieldText(f)).join('\n')}\n}`);
  }
  for (const o of objects) {
    const all = [...o.inherited, ...o.own];
    const implList = o.closure;
    const implSplit = implList.length > 1 && r.chance(0.3) ? 1 : implList.length;
    const implText = implSplit ? ` implements ${implList.slice(0, implSplit).join(' & ')}` : '';
    const split = all.length > 1 && r.chance(0.3) ? r.range(1, all.length - 1) : all.length;
    parts.push(`${desc(r)}type ${o.name}${implText}${applied('OBJECT')} {\n${all.slice(0, split).map((f) => '  ' + fieldText(f)).join('\n')}\n}`);
    if (split < all.length || implSplit < implList.length) {
      const more = implSplit < implList.length ? ` implements ${implList.slice(implSplit).join(' & ')}` : '';
      const rest = all.slice(split);
      extensions.push(`extend type ${o.name}${more}${rest.length ? ` {\n${rest.map((f) => '  ' + fieldText(f)).join('\n')}\n}` : ''}`);
    }
  }
  // Roots.
  const rootName = options.customRoots ? typeName('Root') : 'Query';
  const rootFields = [];
  for (const t of [...objects.map((o) => o.name), ...interfaces.map((i) => i.name), ...unions, ...leafTypes]) {
    if (r.chance(0.7)) rootFields.push({ name: `${t[0].toLowerCase()}${t.slice(1)}`, type: wrap(r, t, 0.4), args: argList(), desc: desc(r, 0.15), dep: r.chance(0.05) });
  }
  rootFields.push({ name: 'echo', type: 'String', args: argList().concat([{ name: 'text', type: 'String', desc: '', dflt: r.chance(0.3) }]) });
  parts.push(`${desc(r)}type ${rootName} {\n${rootFields.map((f) => '  ' + fieldText(f)).join('\n')}\n}`);
  let mutationName = null;
  if (r.chance(0.4)) {
    mutationName = options.customRoots ? typeName('Change') : 'Mutation';
    const fields = [0, 1, 2].map((k) => ({ name: `do${k}`, type: wrap(r, r.pick(outputTargets())), args: argList() }));
    parts.push(`type ${mutationName} {\n${fields.map((f) => '  ' + fieldText(f)).join('\n')}\n}`);
  }
  let schemaDef = '';
  if (options.customRoots || r.chance(0.15)) {
    schemaDef = `${r.chance(0.5) ? desc(r, 1) : ''}schema {\n  query: ${rootName}\n${mutationName ? `  mutation: ${mutationName}\n` : ''}}`;
  }
  // Render inputs and unions now that every name exists; defaults need a schema to type them,
  // so they are filled in after a first build.
  const text = parts.map((p) => {
    if (typeof p === 'string') return p;
    if (p.kind === 'input') {
      const fields = p.fields.slice(0, p.ownCount).map((f) => `  ${desc(r, 0.15)}${f.text}${!p.oneOf && f.type && r.chance(0.3) ? ' = __DEFAULT__' + f.type : ''}${f.type && !f.type.endsWith('!') && r.chance(0.1) ? ' @deprecated' : ''}${applied('INPUT_FIELD_DEFINITION')}`);
      if (p.ownCount < p.fields.length) extensions.push(`extend input ${p.name} {\n${p.fields.slice(p.ownCount).map((f) => `  ${f.text}`).join('\n')}\n}`);
      return `${p.desc}input ${p.name}${p.oneOf ? ' @oneOf' : ''} {\n${fields.join('\n')}\n}`;
    }
    const members = p.ext ? p.members.slice(0, 1) : p.members;
    if (p.ext) extensions.push(`extend union ${p.name} = ${p.members.slice(1).join(' | ')}`);
    return `${p.desc}union ${p.name} = ${r.chance(0.3) ? '| ' : ''}${members.join(' | ')}`;
  });
  const all = [...(schemaDef ? [schemaDef] : []), ...r.shuffle(text), ...extensions];
  return all.join('\n\n');
}

/// Replaces `__DEFAULT__Type` markers with literals of that type (valid, sometimes not).
function fillDefaults(r, sdl) {
  const typed = sdl.replace(/__DEFAULT__[^\s,)@]+/g, 'null');
  let schema;
  try { schema = g.buildSchema(typed); } catch (e) { return null; }
  return sdl.replace(/__DEFAULT__([^\s,)@]+)/g, (_, typeText) => {
    let type;
    try { type = g.typeFromAST(schema, g.parseType(typeText)); } catch (e) { return 'null'; }
    if (!type) return 'null';
    const valid = r.chance(0.85);
    const text = literal(r, schema, type, 0, valid);
    return text === 'null' && g.isNonNullType(type) ? literal(r, schema, type.ofType, 1, true) : text;
  });
}

function buildable(sdl) {
  try { return g.buildSchema(sdl); } catch (e) { return null; }
}

function generateSchema(r, options = {}) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const raw = generateSDL(r, options);
    const sdl = fillDefaults(r, raw);
    if (!sdl) continue;
    const schema = buildable(sdl);
    if (!schema) continue;
    if (options.requireValid && g.validateSchema(schema).length) continue;
    return { sdl, schema };
  }
  throw new Error('could not generate a schema');
}

// Schemas that break one type-system rule each (their execute cases stop at stage "schema").
const INVALID_SCHEMAS = [
  'type Query { a: Int } type T implements I { b: Int } interface I { a: Int! }',
  'type Query { a: U } union U = Query | I interface I { x: Int }',
  'type Query { a(x: In): Int } input In { self: In! other: Int }',
  'input A { b: B! } input B { c: C! } input C { a: A! } type Query { f(a: A): Int }',
  'type Query { __bad: Int a(__arg: Int): Int }',
  'type Query { a(x: Int! @deprecated): Int } input I { y: Int! @deprecated }',
  'type Query { a: Int } interface I implements J { a: Int } interface J implements I { a: Int }',
  'type Query { a: Int } type T implements I { a: String b(x: Int!): Int } interface I { a: Int b: Int }',
  'type Query { a: Int } type T implements I { a(y: Int): Int } interface I { a(x: Int): Int }',
  'type Query { a: Int } type T implements I & I { a: Int } interface I { a: Int }',
  'type Query { a: Int } union U = T | T type T { a: Int }',
  'type Query { a: Int } enum E',
  'type Query { a: Int } type T',
  'type Query { a: Int } input I',
  'schema { query: Q } type Q { a: Int } extend schema { mutation: Q2 } scalar Q2',
  'type Query { a: Int } type T implements I { a: Int } interface I implements K { a: Int } interface K { k: Int }',
  'type Query { a: Int } interface I { a: Int } type T implements I { b: Int }',
];

// ---------------------------------------------------------------------------------------------
// Operations and data.

/// Builds random valid operations for a graphql-js schema.
function operationGenerator(r, schema) {
  let variables;
  let fragments;
  let aliasCounter;

  function inputValue(type, depth) {
    // A literal, or a variable of a fitting type.
    if (r.chance(0.25) && depth === 0) {
      const name = `v${variables.length}`;
      const varType = g.isNonNullType(type) || r.chance(0.6) ? type : type;
      const dflt = !g.isNonNullType(varType) && r.chance(0.25) ? ` = ${literal(r, schema, varType, 1, true)}` : '';
      variables.push({ name, type: varType, text: `$${name}: ${String(varType)}${dflt}` });
      return `$${name}`;
    }
    return literal(r, schema, type, depth, true);
  }

  function argumentsText(field) {
    const items = [];
    for (const a of field.args) {
      if (g.isNonNullType(a.type) && a.defaultValue === undefined || r.chance(0.5)) items.push(`${a.name}: ${inputValue(a.type, 0)}`);
    }
    return items.length ? `(${r.shuffle(items).join(', ')})` : '';
  }

  function conditions() {
    if (!r.chance(0.15)) return '';
    const which = r.pick(['skip', 'include']);
    if (r.chance(0.5)) return ` @${which}(if: ${r.pick(['true', 'false'])})`;
    const name = `c${variables.length}`;
    const type = r.chance(0.6) ? 'Boolean!' : 'Boolean';
    variables.push({ name, type: type === 'Boolean!' ? new g.GraphQLNonNull(g.GraphQLBoolean) : g.GraphQLBoolean, text: `$${name}: ${type}${type === 'Boolean' && r.chance(0.3) ? ' = true' : ''}` });
    return ` @${which}(if: $${name})`;
  }

  function selectionSet(type, depth) {
    const named = g.getNamedType(type);
    const items = [];
    if (g.isUnionType(named)) {
      if (r.chance(0.6)) items.push('__typename');
      for (const member of schema.getPossibleTypes(named)) {
        if (r.chance(0.7)) items.push(`... on ${member.name}${conditions()} ${selectionSet(member, depth + 1)}`);
      }
      if (!items.length) items.push('__typename');
      return `{ ${items.join(' ')} }`;
    }
    const fields = Object.values(named.getFields());
    const count = r.range(1, Math.min(4, fields.length));
    for (const field of r.shuffle(fields).slice(0, count)) {
      const fieldType = g.getNamedType(field.type);
      const composite = g.isCompositeType(fieldType);
      if (composite && depth > 4) continue;
      const alias = r.chance(0.2) ? `a${aliasCounter++}: ` : '';
      const sub = composite ? ' ' + selectionSet(field.type, depth + 1) : '';
      items.push(`${alias}${field.name}${argumentsText(field)}${conditions()}${sub}`);
      if (!alias && !field.args.length && r.chance(0.1)) items.push(`${field.name}${sub}`);
    }
    if (r.chance(0.15)) items.push(`${r.chance(0.5) ? 'tn: ' : ''}__typename`);
    if (g.isAbstractType(named) && depth < 5) {
      for (const member of schema.getPossibleTypes(named)) {
        if (r.chance(0.3)) items.push(`... on ${member.name} ${selectionSet(member, depth + 1)}`);
      }
    }
    if (depth < 4 && r.chance(0.15)) {
      const name = `F${fragments.length}`;
      fragments.push(null);
      const body = selectionSet(named, depth + 1);
      fragments[fragments.length - 1] = `fragment ${name} on ${named.name} ${body}`;
      items.push(`...${name}${conditions()}`);
      if (r.chance(0.3)) items.push(`...${name}`);
    }
    if (r.chance(0.1)) items.push(`...${conditions() || ' @include(if: true)'} { ${items.length ? items[0] : '__typename'} }`);
    if (!items.length) items.push('__typename');
    return `{ ${items.join(' ')} }`;
  }

  function operation(kind, name) {
    variables = [];
    fragments = [];
    aliasCounter = 0;
    const root = kind === 'mutation' ? schema.getMutationType() : schema.getQueryType();
    let body = selectionSet(root, 0);
    if (r.chance(0.15)) body = body.replace(/^\{ /, `{ ${r.pick(['__typename', '__type(name: "' + r.pick(Object.keys(schema.getTypeMap())) + '") { name kind fields { name } }', '__schema { queryType { name } types { name } }'])} `);
    const vars = variables.length ? `(${variables.map((v) => v.text).join(', ')})` : '';
    const header = name || vars || r.chance(0.3) ? `${kind}${name ? ' ' + name : ''}${vars} ` : (kind === 'query' ? '' : `${kind} `);
    return { text: `${header}${body}`, variables: variables.slice(), fragments: fragments.slice() };
  }
  return { operation };
}

/// A JSON value for a variable of `type`; `valid` false makes it likely wrong.
function variableValue(r, schema, type, valid, depth = 0) {
  if (!valid && r.chance(0.35)) return r.pick([null, 'text', 1.5, 2147483648, true, {}, [1, 'a'], { unknownField: 1 }, 'NOT_A_VALUE']);
  if (g.isNonNullType(type)) return variableValue(r, schema, type.ofType, valid, depth);
  if (valid && r.chance(0.08)) return null;
  if (g.isListType(type)) {
    if (r.chance(0.25) || depth > 3) return variableValue(r, schema, type.ofType, valid, depth + 1);
    const n = r.int(3);
    const out = [];
    for (let i = 0; i < n; i++) out.push(variableValue(r, schema, type.ofType, valid, depth + 1));
    return out;
  }
  const named = g.getNamedType(type);
  if (g.isInputObjectType(named)) {
    const out = {};
    const fields = Object.values(named.getFields());
    if (named.isOneOf) { const f = r.pick(fields); out[f.name] = variableValue(r, schema, g.getNullableType(f.type), valid, depth + 1) ?? 1; return out; }
    for (const f of fields) {
      if (depth > 3 && !g.isNonNullType(f.type)) continue;
      if (g.isNonNullType(f.type) && f.defaultValue === undefined || r.chance(0.5)) out[f.name] = variableValue(r, schema, f.type, valid, depth + 1);
    }
    return out;
  }
  if (g.isEnumType(named)) return r.pick(named.getValues()).name;
  switch (named.name) {
    case 'Int': return r.pick([0, 7, -3, 2147483647, 4.0]);
    case 'Float': return r.pick([0, 1.5, -2, 1e21, 0.000001, 3]);
    case 'String': return r.pick(STRING_VALUES);
    case 'Boolean': return r.chance(0.5);
    case 'ID': return r.pick(['x', 5, '12']);
    default: return r.pick(['any', 3, { nested: [1, { deep: true }] }, [null, 'x'], false]);
  }
}

/// Root data for an operation: every selected field (by field name) gets a value, sometimes
/// null, sometimes an error, sometimes of the wrong shape.
function dataGenerator(r, schema, documentAST) {
  const fragments = Object.create(null);
  for (const d of documentAST.definitions) if (d.kind === 'FragmentDefinition') fragments[d.name.value] = d;

  /// The field nodes selected under a selection set (fragments flattened), by field name.
  function collect(selectionSet, out) {
    for (const s of selectionSet.selections) {
      if (s.kind === 'Field') (out[s.name.value] = out[s.name.value] || []).push(s);
      else if (s.kind === 'InlineFragment') collect(s.selectionSet, out);
      else if (fragments[s.name.value]) collect(fragments[s.name.value].selectionSet, out);
    }
    return out;
  }

  function leaf(named) {
    const wrong = r.chance(0.07);
    if (g.isEnumType(named)) return wrong ? r.pick(['NOT_A_VALUE', 1, true]) : r.pick(named.getValues()).name;
    switch (named.name) {
      case 'Int': return wrong ? r.pick([1.5, '12', ' 7 ', '0x10', 'abc', 2147483648, true, {}, [1], '']) : r.pick([0, 1, -42, 2147483647]);
      case 'Float': return wrong ? r.pick(['1.5', 'x', true, {}, [], '', '1e400']) : r.pick([0, 1.5, -0.25, 1e21, 3, 1e-7, 123456.789]);
      case 'String': return wrong ? r.pick([12, 1.5, true, {}, { a: 1 }, [1, 2], 1e21]) : r.pick(STRING_VALUES);
      case 'Boolean': return wrong ? r.pick([0, 1, 2.5, 'true', {}, []]) : r.chance(0.5);
      case 'ID': return wrong ? r.pick([1.5, true, {}, [1]]) : r.pick(['id-1', 42, '007']);
      default: return r.pick(['any', 3, 1.5, { a: [1, 'b'] }, [true], false]);
    }
  }

  // `$error` and `$echoArgs` stand for a field's resolver, so they only appear as a field's
  // value (in a list the oracle would see a function value, which is not a GraphQL case).
  function value(type, fieldNodes, depth, isField = true) {
    if (isField && r.chance(0.05)) return { $error: r.pick(['boom', 'Something "bad" happened', 'é😀']) };
    if (g.isNonNullType(type)) {
      if (r.chance(0.05)) return r.chance(0.5) ? null : undefined;
      return value(type.ofType, fieldNodes, depth, isField);
    }
    if (r.chance(0.12)) return r.chance(0.7) ? null : undefined;
    if (g.isListType(type)) {
      if (r.chance(0.04)) return r.pick(['not a list', 5, { a: 1 }]);
      const n = depth > 3 ? r.int(2) : r.int(4);
      const out = [];
      for (let i = 0; i < n; i++) out.push(value(type.ofType, fieldNodes, depth + 1, false));
      return out;
    }
    const named = g.getNamedType(type);
    if (g.isLeafType(named)) {
      if (isField && named.name === 'String' && r.chance(0.15)) return { $echoArgs: true };
      return leaf(named);
    }
    // Composite: pick a concrete type for abstract ones.
    let concrete = named;
    const out = {};
    if (g.isAbstractType(named)) {
      const possible = schema.getPossibleTypes(named);
      if (!possible.length) return r.chance(0.5) ? null : { __typename: named.name };
      concrete = r.pick(possible);
      const roll = r.next();
      if (roll < 0.04) out.__typename = 'NoSuchType';
      else if (roll < 0.07) out.__typename = r.pick(Object.values(schema.getTypeMap()).filter((t) => !possible.includes(t))).name;
      else if (roll > 0.98) { /* no __typename */ } else out.__typename = concrete.name;
    } else if (r.chance(0.05)) {
      return r.pick(['a string', 12, [1]]);
    }
    const selected = Object.create(null);
    for (const node of fieldNodes) if (node.selectionSet) collect(node.selectionSet, selected);
    const fields = concrete.getFields ? concrete.getFields() : {};
    for (const name of Object.keys(selected)) {
      if (name === '__typename') continue;
      const def = fields[name];
      if (!def) {
        // A field of another possible type: give it data anyway (harmless extra key).
        if (g.isAbstractType(named)) {
          for (const t of schema.getPossibleTypes(named)) {
            const other = t.getFields()[name];
            if (other) { out[name] = value(other.type, selected[name], depth + 1); break; }
          }
        }
        continue;
      }
      const v = value(def.type, selected[name], depth + 1);
      if (v !== undefined) out[name] = v;
    }
    return out;
  }

  function root(operation) {
    const type = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
    const selected = collect(operation.selectionSet, Object.create(null));
    const out = {};
    const fields = type.getFields();
    for (const name of Object.keys(selected)) {
      if (!fields[name]) continue;
      const v = value(fields[name].type, selected[name], 0);
      if (v !== undefined) out[name] = v;
    }
    return out;
  }
  return { root };
}

function validOperations(r, schema, count, attempts = 40) {
  const gen = operationGenerator(r, schema);
  const out = [];
  for (let i = 0; i < attempts && out.length < count; i++) {
    const hasMutation = !!schema.getMutationType();
    const many = r.chance(0.2);
    const ops = [];
    const n = many ? r.range(2, 3) : 1;
    for (let k = 0; k < n; k++) {
      const kind = hasMutation && r.chance(0.25) ? 'mutation' : 'query';
      ops.push(gen.operation(kind, many || r.chance(0.3) ? `Op${k}` : null));
    }
    const fragmentTexts = [...new Set(ops.flatMap((o) => o.fragments))];
    const text = [...ops.map((o) => o.text), ...fragmentTexts].join('\n');
    let doc;
    try { doc = g.parse(text); } catch (e) { continue; }
    if (g.validate(schema, doc).length) continue;
    out.push({ text, doc, ops });
  }
  return out;
}

function executeCases(r, id, sdl, schema, count) {
  for (const { text, doc, ops } of validOperations(r, schema, count)) {
    const data = dataGenerator(r, schema, doc);
    const chosenIndex = r.int(ops.length);
    const opNode = doc.definitions.filter((d) => d.kind === 'OperationDefinition')[chosenIndex];
    const c = { id: `${id}/${cases.length}`, op: 'execute', sdl, query: text, rootValue: data.root(opNode) };
    if (ops.length > 1) {
      const roll = r.next();
      if (roll < 0.85) c.operationName = `Op${chosenIndex}`;
      else if (roll < 0.93) c.operationName = 'Missing';
      // else: no name with several operations
    } else if (opNode.name && r.chance(0.5)) {
      c.operationName = opNode.name.value;
    }
    const chosen = ops[chosenIndex];
    if (chosen.variables.length) {
      const valid = r.chance(0.7);
      const variables = {};
      for (const v of chosen.variables) {
        if (r.chance(valid ? 0.1 : 0.2)) continue;
        variables[v.name] = variableValue(r, schema, v.type, valid);
      }
      c.variables = variables;
    } else if (r.chance(0.1)) {
      c.variables = { unused: 1 };
    }
    add(c);
  }
}

// ---------------------------------------------------------------------------------------------
// The corpus.

const github = findGithubSchema();
add({ id: 'fixed/github/print', op: 'printSchema', sdl: github });
add({ id: 'fixed/github/introspect', op: 'introspect', sdl: github });

const printCount = 150 * scale;
for (let i = 0; i < printCount; i++) {
  const r = rng(1000 + i);
  const { sdl } = generateSchema(r, { customRoots: r.chance(0.2) });
  add({ id: `print/${i}`, op: 'printSchema', sdl });
}

INVALID_SCHEMAS.forEach((sdl, i) => add({ id: `invalid/${i}`, op: 'execute', sdl, query: '{ a }', rootValue: { a: 1 } }));

const introspectCount = 40 * scale;
for (let i = 0; i < introspectCount; i++) {
  const r = rng(5000 + i);
  const { sdl } = generateSchema(r, { requireValid: true, customRoots: r.chance(0.2) });
  add({ id: `introspect/${i}`, op: 'introspect', sdl });
}

const schemaCount = 60 * scale;
for (let i = 0; i < schemaCount; i++) {
  const r = rng(9000 + i);
  const { sdl, schema } = generateSchema(r, { requireValid: true, customRoots: r.chance(0.15) });
  executeCases(r, `exec/${i}`, sdl, schema, 12);
}

for (const c of cases) process.stdout.write(JSON.stringify(c) + '\n');
