#!/usr/bin/env node
// Generates the differential corpus for validation as NDJSON `validate` cases for
// ../../shared/tools/graphql-oracle.js and graphql-conformance. Deterministic: fixed seeds.
//
// Usage: node generate-validate-cases.js [--scale N] [--github PATH] > cases.ndjson
//
// Families (the case id says which):
//   valid/N      random operations over validation-schema.graphql (fields, aliases, arguments as
//                literals and variables, named and inline fragments, @skip/@include, custom
//                directives, several operations) — most valid, some not (the oracle decides)
//   mutant/K/N   a valid operation with one mutation K: unknown field/type/argument/directive,
//                missing required argument, wrong literal, duplicate and anonymous operations,
//                unused and undefined variables, variables in the wrong position, fragment
//                cycles, impossible spreads, conflicting response names, misplaced and repeated
//                directives, bad input-object fields, two-field subscriptions, and more
//   github/N     random operations over the GitHub schema, and the introspection query
//   fixed/...    hand-written documents for corners the generator does not reach
//   sdl/K/N      printSchema of validation-schema.graphql with one or two SDL mutations K (the
//                SDL validation rules buildSchema runs: duplicate types, fields, values,
//                arguments, directives, operation types and schema definitions, unknown types
//                and directives, misplaced and repeated directives, bad extensions, bad
//                directive arguments)
'use strict';
const fs = require('fs');
const path = require('path');
const g = require('graphql');

const { scale, findGithubSchema, rng } = require('./generator-support');

const cases = [];
let nextId = 1;
function add(family, sdl, query) { cases.push({ id: `${family}/${nextId++}`, op: 'validate', sdl, query }); }

// ---------------------------------------------------------------------------------------------
// Random operations over a schema.

const STRINGS = ['', 'plain', 'with "quote"', 'é😀', 'a\nb'];
function literal(r, schema, type, depth) {
  if (g.isNonNullType(type)) return literal(r, schema, type.ofType, depth);
  if (g.isListType(type)) {
    if (r.chance(0.3)) return literal(r, schema, type.ofType, depth);
    const n = r.int(3);
    const items = [];
    for (let i = 0; i < n; i++) items.push(literal(r, schema, type.ofType, depth + 1));
    return `[${items.join(', ')}]`;
  }
  if (g.isEnumType(type)) return r.pick(type.getValues()).name;
  if (g.isInputObjectType(type)) {
    const parts = [];
    for (const field of Object.values(type.getFields())) {
      const required = g.isNonNullType(field.type) && field.defaultValue === undefined;
      if (required || (depth < 3 && r.chance(0.4))) parts.push(`${field.name}: ${literal(r, schema, field.type, depth + 1)}`);
    }
    return `{${parts.join(', ')}}`;
  }
  switch (type.name) {
    case 'Int': return String(r.int(2000) - 1000);
    case 'Float': return r.pick(['1.5', '-0.25', '3', '1e3', '0.0']);
    case 'Boolean': return r.pick(['true', 'false']);
    case 'ID': return r.chance(0.5) ? String(r.int(100)) : JSON.stringify('id' + r.int(100));
    case 'String': return JSON.stringify(r.pick(STRINGS));
    default: return r.pick([JSON.stringify('x'), '42', '{a: 1}', '[1, 2]']);
  }
}

function makeGenerator(r, schema) {
  const fragments = [];
  let variables = [];
  let fragmentCount = 0;

  function argumentsFor(field, depth) {
    const out = [];
    for (const arg of field.args) {
      const required = g.isNonNullType(arg.type) && arg.defaultValue === undefined;
      if (!required && !r.chance(0.35)) continue;
      if (r.chance(0.25) && depth >= 0) {
        const name = `v${variables.length}`;
        const withDefault = !g.isNonNullType(arg.type) && r.chance(0.3);
        variables.push(`$${name}: ${String(arg.type)}` + (withDefault ? ` = ${literal(r, schema, arg.type, 0)}` : ''));
        out.push(`${arg.name}: $${name}`);
      } else {
        out.push(`${arg.name}: ${literal(r, schema, arg.type, 0)}`);
      }
    }
    return out.length ? `(${out.join(', ')})` : '';
  }

  function directivesFor() {
    if (!r.chance(0.15)) return '';
    return r.pick([' @skip(if: false)', ' @include(if: true)', ' @skip(if: true)', ' @tag(name: "t")']);
  }

  function selections(type, depth) {
    const named = g.getNamedType(type);
    const out = [];
    if (g.isUnionType(named)) {
      if (r.chance(0.5)) out.push('__typename');
      for (const member of named.getTypes()) if (r.chance(0.6)) out.push(`... on ${member.name} {\n${selections(member, depth + 1)}\n}`);
      if (out.length === 0) out.push('__typename');
      return out.join('\n');
    }
    const fields = Object.values(named.getFields());
    const count = 1 + r.int(Math.min(4, fields.length));
    for (let i = 0; i < count; i++) {
      const field = r.pick(fields);
      const fieldType = g.getNamedType(field.type);
      if (g.isCompositeType(fieldType) && depth >= 3) continue;
      let text = '';
      if (r.chance(0.2)) text += `a${r.int(5)}: `;
      text += field.name + argumentsFor(field, depth) + directivesFor();
      if (g.isCompositeType(fieldType)) text += ` {\n${selections(fieldType, depth + 1)}\n}`;
      out.push(text);
    }
    if (g.isInterfaceType(named) && r.chance(0.5)) {
      const impl = r.pick(schema.getPossibleTypes(named));
      out.push(`... on ${impl.name}${directivesFor()} {\n${selections(impl, depth + 1)}\n}`);
    }
    if (r.chance(0.2) && depth < 3) {
      const name = `F${fragmentCount++}`;
      fragments.push(`fragment ${name} on ${named.name}${directivesFor()} {\n${selections(named, depth + 1)}\n}`);
      out.push(`...${name}`);
    }
    if (r.chance(0.1)) out.push('__typename');
    if (out.length === 0) out.push('__typename');
    return out.join('\n');
  }

  function operation(kind, name) {
    variables = [];
    const root = kind === 'query' ? schema.getQueryType() : kind === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
    let body;
    if (kind === 'subscription') {
      const field = r.pick(Object.values(root.getFields()));
      body = field.name + argumentsFor(field, 0) + (g.isCompositeType(g.getNamedType(field.type)) ? ` {\n${selections(field.type, 1)}\n}` : '');
    } else {
      body = selections(root, 0);
    }
    const header = name || variables.length || kind !== 'query' ? `${kind}${name ? ' ' + name : ''}${variables.length ? '(' + variables.join(', ') + ')' : ''} ` : '';
    return `${header}{\n${body}\n}`;
  }

  return {
    document() {
      fragments.length = 0;
      fragmentCount = 0;
      const ops = [];
      const n = r.chance(0.2) ? 2 : 1;
      for (let i = 0; i < n; i++) {
        const kind = schema.getMutationType() && r.chance(0.15) ? 'mutation'
          : schema.getSubscriptionType() && r.chance(0.1) ? 'subscription' : 'query';
        ops.push(operation(kind, n > 1 || r.chance(0.5) ? `Op${i}` : null));
      }
      return [...ops, ...fragments].join('\n\n');
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Mutations of a valid document (on graphql-js's AST, then printed).

function nodesOf(ast, kind) {
  const found = [];
  g.visit(ast, { [kind]: (node) => { found.push(node); } });
  return found;
}
function typo(r, name) {
  const i = r.int(name.length);
  const ops = [
    () => name.slice(0, i) + name.slice(i + 1),
    () => name.slice(0, i) + name[i] + name.slice(i),
    () => name.slice(0, i) + 'x' + name.slice(i + 1),
    () => name + 's',
    () => 'zz' + name,
  ];
  const out = r.pick(ops)();
  return /^[_A-Za-z][_0-9A-Za-z]*$/.test(out) && out !== name ? out : name + 'Q';
}
const nameNode = (value) => ({ kind: 'Name', value });
const parseValue = (text) => g.parseValue(text);

const MUTATIONS = {
  unknownField(r, ast) {
    const fields = nodesOf(ast, 'Field').filter((f) => f.name.value !== '__typename');
    if (!fields.length) return false;
    const f = r.pick(fields);
    f.name = nameNode(typo(r, f.name.value));
    return true;
  },
  unknownType(r, ast) {
    const types = nodesOf(ast, 'NamedType');
    if (!types.length) return false;
    const t = r.pick(types);
    t.name = nameNode(typo(r, t.name.value));
    return true;
  },
  unknownArgument(r, ast) {
    const argsList = nodesOf(ast, 'Argument');
    if (argsList.length && r.chance(0.6)) {
      const a = r.pick(argsList);
      a.name = nameNode(typo(r, a.name.value));
      return true;
    }
    const fields = nodesOf(ast, 'Field');
    if (!fields.length) return false;
    const f = r.pick(fields);
    f.arguments = [...(f.arguments || []), { kind: 'Argument', name: nameNode(r.pick(['first', 'limit', 'surnam', 'x', 'ids'])), value: parseValue('1') }];
    return true;
  },
  unknownDirective(r, ast) {
    const fields = nodesOf(ast, 'Field');
    if (!fields.length) return false;
    const f = r.pick(fields);
    f.directives = [...(f.directives || []), { kind: 'Directive', name: nameNode(r.pick(['skp', 'inclde', 'cache', 'deprecated', 'specifiedBy', 'tags'])), arguments: [] }];
    return true;
  },
  missingArgument(r, ast) {
    const withArgs = nodesOf(ast, 'Field').filter((f) => f.arguments && f.arguments.length);
    if (withArgs.length && r.chance(0.7)) {
      const f = r.pick(withArgs);
      f.arguments = f.arguments.filter((_, i) => i !== r.int(f.arguments.length));
      return true;
    }
    const dirs = nodesOf(ast, 'Directive').filter((d) => d.arguments && d.arguments.length);
    if (!dirs.length) return false;
    r.pick(dirs).arguments = [];
    return true;
  },
  wrongLiteral(r, ast) {
    const args0 = nodesOf(ast, 'Argument').concat(nodesOf(ast, 'ObjectField'));
    if (!args0.length) return false;
    const a = r.pick(args0);
    a.value = parseValue(r.pick(['"text"', '123', '2147483648', '-2147483649', '1.5', 'true', 'null', 'PURPLE', 'RED', '{a: 1}',
      '[1, "two"]', '[[1]]', '{name: "x", bogus: 1}', '""', '"SIT"', 'SIT', '0x1', '{}', '[]', '[null]', '{requiredField: null}']));
    return true;
  },
  duplicateOperation(r, ast) {
    const ops = ast.definitions.filter((d) => d.kind === 'OperationDefinition');
    const op = r.pick(ops);
    const copy = JSON.parse(JSON.stringify(op));
    if (!copy.name) copy.name = nameNode('Dup');
    if (!op.name) op.name = nameNode('Dup');
    ast.definitions.push(copy);
    return true;
  },
  anonymousOperation(r, ast) {
    ast.definitions.push(g.parse(r.pick(['{ dog { name } }', 'query { alien { numEyes } }', '{ __typename }'])).definitions[0]);
    if (r.chance(0.5)) for (const d of ast.definitions) if (d.kind === 'OperationDefinition') d.name = undefined;
    return true;
  },
  unusedVariable(r, ast) {
    const ops = ast.definitions.filter((d) => d.kind === 'OperationDefinition');
    const op = r.pick(ops);
    const def = g.parse(`query Q(${r.pick(['$unused: Int', '$u: [String!]! = []', '$x: ComplexInput', '$flag: Boolean = true'])}) { a }`).definitions[0].variableDefinitions[0];
    op.variableDefinitions = [...(op.variableDefinitions || []), def];
    if (!op.name && r.chance(0.5)) op.name = nameNode('Named');
    return true;
  },
  undefinedVariable(r, ast) {
    const args0 = nodesOf(ast, 'Argument');
    if (!args0.length) return false;
    r.pick(args0).value = { kind: 'Variable', name: nameNode(r.pick(['undefinedVar', 'v0', 'v1', 'other'])) };
    return true;
  },
  wrongVariablePosition(r, ast) {
    const defs = nodesOf(ast, 'VariableDefinition');
    if (!defs.length) return false;
    const d = r.pick(defs);
    d.type = g.parseType(r.pick(['String', 'Int', 'Boolean!', '[Int]', 'ID', 'Color', 'Float!', '[String!]!', 'Role']));
    if (r.chance(0.3)) d.defaultValue = undefined;
    return true;
  },
  fragmentCycle(r, ast) {
    const frags = ast.definitions.filter((d) => d.kind === 'FragmentDefinition');
    if (!frags.length) return false;
    const f = r.pick(frags);
    const target = r.pick(frags);
    f.selectionSet.selections.push({ kind: 'FragmentSpread', name: nameNode(target.name.value), directives: [] });
    return true;
  },
  impossibleSpread(r, ast) {
    const sets = nodesOf(ast, 'SelectionSet');
    const s = r.pick(sets);
    s.selections.push(g.parse(`{ ... on ${r.pick(['Dog', 'Cat', 'Human', 'Alien', 'CatOrDog', 'HumanOrAlien', 'Being', 'Pet', 'Address', 'Color', 'Int', 'Nope'])} { __typename } }`).definitions[0].selectionSet.selections[0]);
    return true;
  },
  conflictingNames(r, ast) {
    const sets = nodesOf(ast, 'SelectionSet').filter((s) => s.selections.some((x) => x.kind === 'Field'));
    if (!sets.length) return false;
    const s = r.pick(sets);
    const fields = s.selections.filter((x) => x.kind === 'Field');
    const f = r.pick(fields);
    const copy = JSON.parse(JSON.stringify(f));
    const how = r.int(4);
    if (how === 0) copy.name = nameNode(r.pick(['name', 'id', 'nickname', 'barks', '__typename', 'iq']));
    else if (how === 1) copy.arguments = [{ kind: 'Argument', name: nameNode(r.pick(['surname', 'first', 'id'])), value: parseValue('true') }];
    else if (how === 2) { copy.alias = nameNode(r.pick(['name', 'id', 'owner'])); }
    else if (copy.selectionSet) copy.selectionSet.selections.push({ kind: 'Field', alias: nameNode(copy.selectionSet.selections[0].alias ? copy.selectionSet.selections[0].alias.value : (copy.selectionSet.selections[0].name || { value: 'x' }).value), name: nameNode('__typename') });
    s.selections.push(copy);
    return true;
  },
  misplacedDirective(r, ast) {
    const targets = [...nodesOf(ast, 'OperationDefinition'), ...nodesOf(ast, 'Field'), ...nodesOf(ast, 'FragmentDefinition'), ...nodesOf(ast, 'InlineFragment'), ...nodesOf(ast, 'VariableDefinition')];
    const t = r.pick(targets);
    const d = g.parse(`{ a ${r.pick(['@include(if: true)', '@skip(if: false)', '@deprecated', '@specifiedBy(url: "u")', '@cached', '@onVariable', '@auth(requires: ADMIN)', '@tag(name: "x")', '@cached(ttl: "x")', '@skip', '@include(if: $v0)'])} }`).definitions[0].selectionSet.selections[0].directives[0];
    t.directives = [...(t.directives || []), d];
    if (r.chance(0.4)) t.directives = [...t.directives, JSON.parse(JSON.stringify(d))];
    return true;
  },
  badInputObject(r, ast) {
    const objects = nodesOf(ast, 'ObjectValue');
    if (objects.length && r.chance(0.7)) {
      const o = r.pick(objects);
      const how = r.int(3);
      if (how === 0 && o.fields.length) o.fields.push(JSON.parse(JSON.stringify(r.pick(o.fields))));
      else if (how === 1) o.fields.push({ kind: 'ObjectField', name: nameNode(r.pick(['nam', 'colour', 'bogus', 'minage'])), value: parseValue('1') });
      else o.fields = o.fields.slice(1);
      return true;
    }
    const sets = nodesOf(ast, 'OperationDefinition').filter((o) => o.operation === 'query');
    if (!sets.length) return false;
    sets[0].selectionSet.selections.push(g.parse(r.pick([
      '{ pets(filter: {name: "x", name: "y"}) { name } }', '{ pets(filter: {owner: {role: ADMIN}}) { name } }',
      '{ complicatedArgs { complexArgField(complexArg: {intField: 4}) } }', '{ pets(filter: {colr: RED}) { name } }',
      '{ complicatedArgs { complexArgField(complexArg: {requiredField: true, nonNullField: null}) } }',
      '{ pets(filter: {owner: {email: "e", nested: [{email: "f"}, {role: GUEST}]}}) { name } }'])).definitions[0].selectionSet.selections[0]);
    return true;
  },
  twoFieldSubscription(r, ast) {
    ast.definitions.push(g.parse(r.pick([
      'subscription S { petAdded { name } petRenamed { name } }', 'subscription { petAdded { name } __typename }',
      'subscription T { ...SubFields }\nfragment SubFields on Subscription { petAdded { name } humanUpdated(id: 1) { iq } }',
      'subscription U { __typename }', 'subscription V { a: petAdded { name } b: petAdded { name } }',
      'subscription W { petAdded { name } ... on Subscription { petRenamed { name } } }',
      'subscription X { petAdded { name } petRenamed @skip(if: true) { name } }'])).definitions[0]);
    return true;
  },
  nonExecutable(r, ast) {
    ast.definitions.push(g.parse(r.pick(['type Extra { a: String }', 'scalar Extra', 'extend type Dog { extra: Strin }', 'schema { query: Query }',
      'directive @d on FIELD', 'input In { a: Int @deprecated }', 'extend schema @tag(name: "x")', 'enum E { A @cached }',
      'union U @tag(name: "x") @tag(name: "y") = Dog'])).definitions[0]);
    return true;
  },
  leafSelection(r, ast) {
    const fields = nodesOf(ast, 'Field');
    const f = r.pick(fields);
    if (f.selectionSet) f.selectionSet = undefined;
    else f.selectionSet = g.parse('{ x }').definitions[0].selectionSet;
    return true;
  },
  duplicates(r, ast) {
    const how = r.int(3);
    if (how === 0) {
      const withArgs = nodesOf(ast, 'Field').filter((f) => f.arguments && f.arguments.length);
      if (!withArgs.length) return false;
      const f = r.pick(withArgs);
      f.arguments = [...f.arguments, JSON.parse(JSON.stringify(f.arguments[0]))];
    } else if (how === 1) {
      const defs = nodesOf(ast, 'OperationDefinition').filter((o) => o.variableDefinitions && o.variableDefinitions.length);
      if (!defs.length) return false;
      const o = r.pick(defs);
      o.variableDefinitions = [...o.variableDefinitions, JSON.parse(JSON.stringify(o.variableDefinitions[0]))];
    } else {
      const frags = ast.definitions.filter((d) => d.kind === 'FragmentDefinition');
      if (!frags.length) return false;
      ast.definitions.push(JSON.parse(JSON.stringify(r.pick(frags))));
    }
    return true;
  },
  fragmentMisuse(r, ast) {
    const sets = nodesOf(ast, 'SelectionSet');
    const s = r.pick(sets);
    const how = r.int(3);
    if (how === 0) s.selections.push({ kind: 'FragmentSpread', name: nameNode(r.pick(['Missing', 'F0x', 'f0'])), directives: [] });
    else if (how === 1) ast.definitions.push(g.parse(`fragment Unused${r.int(9)} on ${r.pick(['Dog', 'Being', 'CatOrDog', 'Query'])} { __typename }`).definitions[0]);
    else ast.definitions.push(g.parse(`fragment NonComposite on ${r.pick(['Color', 'Int', 'ComplexInput', 'DateTime'])} { __typename }`).definitions[0]);
    return true;
  },
  nonInputVariable(r, ast) {
    const ops = ast.definitions.filter((d) => d.kind === 'OperationDefinition');
    const op = r.pick(ops);
    const def = g.parse(`query Q($bad: ${r.pick(['Dog', '[Pet!]', 'CatOrDog!', 'Being', 'Nope'])}) { a }`).definitions[0].variableDefinitions[0];
    op.variableDefinitions = [...(op.variableDefinitions || []), def];
    return true;
  },
};

// ---------------------------------------------------------------------------------------------
// Families.

const sdl = fs.readFileSync(path.join(__dirname, 'validation-schema.graphql'), 'utf8');
const schema = g.buildSchema(sdl);
{
  const r = rng(4001);
  const gen = makeGenerator(r, schema);
  for (let i = 0; i < 300 * scale; i++) add('valid', sdl, gen.document());
}
{
  const r = rng(4002);
  const gen = makeGenerator(r, schema);
  const kinds = Object.keys(MUTATIONS);
  let produced = 0;
  for (let attempt = 0; produced < 1100 * scale && attempt < 5000 * scale; attempt++) {
    const kind = kinds[attempt % kinds.length];
    const text = gen.document();
    const ast = g.parse(text);
    let changed = false;
    try { changed = MUTATIONS[kind](r, ast); } catch (e) { changed = false; }
    if (!changed) continue;
    // Sometimes a second mutation, so errors of different rules interleave.
    if (r.chance(0.25)) { try { MUTATIONS[r.pick(kinds)](r, ast); } catch (e) { /* keep the first */ } }
    let printed;
    try { printed = g.print(ast); g.parse(printed); } catch (e) { continue; }
    add(`mutant/${kind}`, sdl, printed);
    produced++;
  }
}
{
  const github = findGithubSchema();
  add('github', github, g.getIntrospectionQuery());
  add('github', github, g.getIntrospectionQuery({ descriptions: false, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }));
  const githubSchema = g.buildSchema(github);
  const r = rng(4003);
  const gen = makeGenerator(r, githubSchema);
  for (let i = 0; i < 12; i++) {
    const ast = g.parse(gen.document());
    if (i % 2 === 1) { try { MUTATIONS[r.pick(['unknownField', 'unknownArgument', 'wrongLiteral', 'missingArgument'])](r, ast); } catch (e) { /* as is */ } }
    add('github', github, g.print(ast));
  }
}

const FIXED = [
  // Fragment cycles of several shapes.
  'query Q { dog { ...A } }\nfragment A on Dog { ...B }\nfragment B on Dog { ...C }\nfragment C on Dog { ...A ...B }',
  'fragment A on Dog { name ...A }\n{ dog { ...A } }',
  'fragment A on Dog { mother { ...B } }\nfragment B on Dog { father { ...A } }\n{ dog { ...A } }',
  // Overlapping fields through fragments and nested conflicts.
  '{ dog { ...X ...Y } }\nfragment X on Dog { x: name }\nfragment Y on Dog { x: nickname }',
  '{ dog { mother { name: nickname } ...M } }\nfragment M on Dog { mother { name } }',
  '{ catOrDog { ... on Dog { name: barkVolume } ... on Cat { name: meows } } }',
  '{ pet { ... on Dog { owner { name } } ... on Cat { owner { name: iq } } } }',
  '{ dog { friends { name } friends(first: 1) { name } } }',
  '{ dog { a: friends { a: name b: name } a: friends { a: nickname b: barks } } }',
  '{ dog { ...F } dog { ...F } }\nfragment F on Dog { name x: name x: nickname }',
  '{ humanOrAlien { ... on Human { id: name } ... on Being { id: name } } }',
  '{ complicatedArgs { a: intArgField(intArg: 1) a: intArgField(intArg: 2) b: complexArgField(complexArg: {requiredField: true, intField: 1}) b: complexArgField(complexArg: {intField: 1, requiredField: true}) } }',
  // Introspection depth.
  // (Deeper introspection nesting is checked against graphql-core: graphql-js 16.6 lacks MaxIntrospectionDepth.)
  '{ __schema { types { ...T } } }\nfragment T on __Type { fields { type { ...U } } }\nfragment U on __Type { inputFields { name } possibleTypes { name } }',
  '{ __schema { queryType { fields { type { ofType { fields { name } } } } } } }',
  // Subscriptions.
  'subscription { __typename petAdded { name } }',
  'subscription S($skip: Boolean = false) { petAdded { name } }',
  // Variables.
  'query Q($id: ID, $ids: [ID!]!) { node(id: $id) { id } nodes(ids: $ids) { id } }',
  'query Q($id: ID = "1") { node(id: $id) { id } }',
  'query Q($f: Int = 3) { dog { friends(first: $f) { name } } }',
  'query Q($limit: Int) { cat { toys(limit: $limit) } }',
  'query Q($c: Color = PURPLE, $n: Int = "x", $l: [Int] = [1, "2"]) { dog { color } }',
  'query Q($i: ComplexInput = {requiredField: true, bogus: 1}) { complicatedArgs { complexArgField(complexArg: $i) } }',
  'query Q($r: Role) { auth: human @auth(requires: $r) { name } }',
  'query Q($a: Boolean) { ...F }\nfragment F on Query { dog { isHousetrained(atOtherHomes: $a) doesKnowCommand(dogCommand: $b) } }',
  'query A($x: Int) { ...F }\nquery B { ...F }\nfragment F on Query { dog { isAtLocation(x: $x, y: $y) } }',
  // Leafs, unknowns on abstract types.
  '{ dog }', '{ dog { name { first } } }', '{ everything { name } }', '{ pet { meows barks } }', '{ catOrDog { name } }',
  '{ humanOrAlien { numEyes } }', '{ node(id: 1) { name } }', '{ dogOrHuman { nickname } }',
  // Enums and scalars.
  '{ dog { doesKnowCommand(dogCommand: "SIT") } }', '{ dog { doesKnowCommand(dogCommand: sit) } }',
  '{ complicatedArgs { intArgField(intArg: 1.0) floatArgField(floatArg: 1) idArgField(idArg: 1.5) stringArgField(stringArg: 1) booleanArgField(booleanArg: "true") } }',
  '{ complicatedArgs { stringListNonNullArgField(stringListNonNullArg: [null]) stringListArgField(stringListArg: "single") jsonArgField(json: {a: [1, {b: $v}]}) } }',
  '{ complicatedArgs { nonNullIntArgField(nonNullIntArg: null) multipleReqs(req1: 1) nonNullFieldWithDefault multipleOptAndReq(req2: 1) } }',
  // Directives.
  'query Q @skip(if: true) { dog { name @include(if: true) @include(if: false) } }',
  '{ dog { name @tag(name: "a") @tag(name: "b") @cached @cached } }',
  '{ dog { name @auth } }', '{ dog { name @cached(ttl: 1, ttl: 2, scope: PUBLIK) } }',
  // Many errors: the error limit.
  '{ ' + Array.from({ length: 120 }, (_, i) => `f${i}`).join(' ') + ' }',
  // Executable definitions mixed with type-system ones.
  '{ dog { name } }\ntype T { a: Nope @cached }\nextend schema @tag(name: "a")',
  '{ __typename }\nextend input PetFilter { extra: Int @onVariable }\ninput X { a: Int @deprecated(reason: "r") @deprecated }',
  '{ dog { name @local @local(a: 1, b: 2) } }\nscalar String\ndirective @local(a: Int!) on FIELD',
];
for (const text of FIXED) add('fixed', sdl, text);

// ---------------------------------------------------------------------------------------------
// SDL mutations (printSchema cases: buildSchema runs the SDL rules first).

function sdlDefinitions(ast, kinds) { return ast.definitions.filter((d) => kinds.includes(d.kind)); }
const SDL_MUTATIONS = {
  duplicateType(r, ast) { ast.definitions.push(JSON.parse(JSON.stringify(r.pick(sdlDefinitions(ast, ['ObjectTypeDefinition', 'EnumTypeDefinition', 'ScalarTypeDefinition', 'InputObjectTypeDefinition', 'UnionTypeDefinition']))))); },
  duplicateField(r, ast) {
    const t = r.pick(sdlDefinitions(ast, ['ObjectTypeDefinition', 'InterfaceTypeDefinition', 'InputObjectTypeDefinition']));
    t.fields = [...t.fields, JSON.parse(JSON.stringify(r.pick(t.fields)))];
  },
  duplicateEnumValue(r, ast) {
    const t = r.pick(sdlDefinitions(ast, ['EnumTypeDefinition']));
    t.values = [...t.values, JSON.parse(JSON.stringify(r.pick(t.values)))];
  },
  duplicateArgument(r, ast) {
    const owners = [...sdlDefinitions(ast, ['DirectiveDefinition']), ...sdlDefinitions(ast, ['ObjectTypeDefinition']).flatMap((t) => t.fields)].filter((x) => x.arguments && x.arguments.length);
    const o = r.pick(owners);
    o.arguments = [...o.arguments, JSON.parse(JSON.stringify(r.pick(o.arguments)))];
  },
  duplicateDirective(r, ast) { ast.definitions.push(g.parse(r.pick(['directive @cached on FIELD', 'directive @tag(name: String) repeatable on QUERY', 'directive @skip(if: Boolean!) on FIELD', 'directive @deprecated on FIELD_DEFINITION'])).definitions[0]); },
  unknownType(r, ast) {
    const types = [];
    g.visit(ast, { NamedType(n) { types.push(n); } });
    const t = r.pick(types);
    t.name = nameNode(typo(r, t.name.value));
  },
  unknownDirective(r, ast) {
    const t = r.pick(sdlDefinitions(ast, ['ObjectTypeDefinition', 'EnumTypeDefinition', 'InputObjectTypeDefinition']));
    t.directives = [...(t.directives || []), { kind: 'Directive', name: nameNode(r.pick(['key', 'deprecatd', 'oneof', 'cost'])), arguments: [] }];
  },
  misplacedDirective(r, ast) {
    const targets = [];
    g.visit(ast, { enter(n) { if (n.kind.endsWith('Definition') && n.kind !== 'DirectiveDefinition' && n.kind !== 'OperationTypeDefinition') targets.push(n); } });
    const t = r.pick(targets);
    const d = g.parse(`{ a ${r.pick(['@deprecated', '@specifiedBy(url: "u")', '@cached', '@skip(if: true)', '@onVariable', '@tag(name: "t")', '@auth(requires: ADMIN)', '@deprecated(reason: "r")'])} }`).definitions[0].selectionSet.selections[0].directives[0];
    t.directives = [...(t.directives || []), d];
    if (r.chance(0.4)) t.directives = [...t.directives, JSON.parse(JSON.stringify(d))];
  },
  extension(r, ast) {
    ast.definitions.push(g.parse(r.pick(['extend type Nope { a: Int }', 'extend scalar Dog', 'extend input Dog { a: Int }', 'extend type Dog { name: String }',
      'extend enum Color { RED PURPLE }', 'extend union CatOrDog = Alien', 'extend interface Being { name: String }', 'extend type Dog @deprecated',
      'extend type Dgo { a: Int }', 'extend enum Role @cached', 'extend input PetFilter { name: Int color: Color }', 'extend type Query { dog: Dog }',
      'extend scalar DateTime @specifiedBy(url: "x") @specifiedBy(url: "y")', 'extend schema { query: Query }', 'extend schema { mutation: Mutation }',
      'extend union Everything @tag(name: "x")', 'extend type Human implements Nope { x: Int }'])).definitions[0]);
  },
  schemaDefinition(r, ast) { ast.definitions.push(g.parse(r.pick(['schema { query: Query }', 'schema { query: Query query: Mutation }', 'schema @tag(name: "s") { query: Query }'])).definitions[0]); },
  directiveArguments(r, ast) {
    const fields = sdlDefinitions(ast, ['ObjectTypeDefinition']).flatMap((t) => t.fields);
    const f = r.pick(fields);
    const d = g.parse(`{ a ${r.pick(['@deprecated(reson: "x")', '@deprecated(reason: "a", reason: "b")', '@deprecated(reason: 1)', '@specifiedBy', '@specifiedBy(url: null)'])} }`).definitions[0].selectionSet.selections[0].directives[0];
    f.directives = [...(f.directives || []), d];
  },
  defaultValues(r, ast) {
    const t = r.pick(sdlDefinitions(ast, ['InputObjectTypeDefinition']));
    t.fields = [...t.fields, g.parse(`input X { ${r.pick(['extraA: OwnerFilter = {email: "a", email: "b"}', 'extraB: [OwnerFilter] = [{email: "a", role: ADMIN, role: TUTOR}]', 'extraC: Int = 1'])} }`).definitions[0].fields[0]];
  },
};
{
  const r = rng(4004);
  const kinds = Object.keys(SDL_MUTATIONS);
  const base = g.parse(sdl);
  cases.push({ id: `sdl/none/${nextId++}`, op: 'printSchema', sdl });
  for (let i = 0; i < 240 * scale; i++) {
    const kind = kinds[i % kinds.length];
    const ast = JSON.parse(JSON.stringify(base));
    try { SDL_MUTATIONS[kind](r, ast); if (r.chance(0.3)) SDL_MUTATIONS[r.pick(kinds)](r, ast); } catch (e) { continue; }
    let printed;
    try { printed = g.print(ast); g.parse(printed); } catch (e) { continue; }
    cases.push({ id: `sdl/${kind}/${nextId++}`, op: 'printSchema', sdl: printed });
  }
}

for (const c of cases) process.stdout.write(JSON.stringify(c) + '\n');
