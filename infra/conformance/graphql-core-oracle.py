#!/usr/bin/env python3
"""A second reference oracle for what graphql-js 16.6 lacks (@oneOf): runs the same NDJSON
cases as ../../shared/tools/graphql-oracle.js (ops printSchema, validate and execute, the same result
format) through graphql-core 3.2.8, the Python port of graphql-js that has @oneOf.

Usage: python3 graphql-core-oracle.py < cases.ndjson > expected.ndjson

graphql-core quotes names in some messages with ' where graphql-js uses "; compare modulo
that (the Swift test does).
"""
import json
import sys

import graphql


def plain(errors):
    out = []
    for error in errors:
        item = {"message": error.message}
        if error.locations:
            item["locations"] = [{"line": loc.line, "column": loc.column} for loc in error.locations]
        if error.path is not None:
            item["path"] = list(error.path)
        out.append(item)
    return out


def run(case):
    try:
        schema = graphql.build_schema(case["sdl"])
    except graphql.GraphQLError as error:
        return {"stage": "schema", "errors": plain([error])}
    except Exception as error:  # noqa: BLE001 - the oracle reports any failure as a message
        return {"stage": "schema", "errors": [{"message": str(error)}]}
    if case["op"] == "printSchema":
        return {"stage": "schema", "errors": [], "printed": graphql.print_schema(schema)}
    errors = graphql.validate_schema(schema)
    if errors:
        return {"stage": "schema", "errors": plain(errors)}
    try:
        document = graphql.parse(case["query"])
    except graphql.GraphQLError as error:
        return {"stage": "parse", "errors": plain([error])}
    errors = graphql.validate(schema, document)
    if errors or case["op"] == "validate":
        return {"stage": "validate", "errors": plain(errors)}
    root = case.get("rootValue", {})
    result = graphql.execute_sync(schema, document, root_value=root,
                                  variable_values=case.get("variables"), operation_name=case.get("operationName"),
                                  field_resolver=resolver)
    out = {"stage": "execute", "errors": plain(result.errors or [])}
    # graphql-core gives no data (None) for a request that fails before execution; these cases
    # never null the whole data during execution, so None means "absent" here.
    if result.data is not None:
        out["data"] = result.data
    return out


def resolver(source, info, **args):
    """The oracle's conventions: {"$error": msg} throws, {"$echoArgs": true} echoes the arguments."""
    value = source.get(info.field_name) if isinstance(source, dict) else None
    if isinstance(value, dict):
        if isinstance(value.get("$error"), str):
            raise Exception(value["$error"])
        if value.get("$echoArgs") is True:
            return json.dumps(args, separators=(",", ":"), ensure_ascii=False)
    return value


for line in sys.stdin:
    if not line.strip():
        continue
    case = json.loads(line)
    try:
        result = run(case)
    except Exception as error:  # noqa: BLE001
        result = {"stage": "oracle-error", "errors": [{"message": str(error)}]}
    print(json.dumps({"id": case.get("id"), **result}, separators=(",", ":"), ensure_ascii=False))
