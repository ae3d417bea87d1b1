import { type ASTNode, GraphQLError, Kind, parse, type ValueNode } from "graphql";
import { type FieldError, joinPath } from "./field-errors.js";

/**
 * The `fieldErrors` of a scalar's input error (one marked `invalidScalar`), so a bad literal or
 * variable value names its place in the arguments (`input.creditBalanceRecharge.low`) like
 * every other validation error. Literal errors carry the literal's node (the scalar passes it);
 * variable errors carry the variable's definition and, in graphql-js's message, the path inside
 * the variable's value. The path is found by reading the operation's source again: this runs only
 * for refused input, so the request path pays nothing. Undefined when no path can be told.
 */
export function scalarFieldErrors(error: unknown): FieldError[] | undefined {
  if (!(error instanceof GraphQLError)) return undefined;
  // A variable's error wraps the scalar's (and copies its extensions); the scalar's own message is
  // the one for the field.
  const scalarError = error.originalError instanceof GraphQLError ? error.originalError : error;
  if (!(scalarError instanceof GraphQLError) || !scalarError.extensions.invalidScalar) return undefined;
  const node = error.nodes?.[0];
  const source = node?.loc?.source;
  if (!node || !source) return undefined;

  let field: string | undefined;
  if (node.kind === Kind.VARIABLE_DEFINITION) {
    const name = node.variable.name.value;
    // graphql-js: `Variable "$input" got invalid value ... at "input.creditBalanceRecharge.low"; ...`
    const inner = new RegExp(`^Variable "\\$${name}" got invalid value .*? at "${name}((?:\\.|\\[)[^"]*)";`).exec(error.message)?.[1] ?? "";
    const usage = argumentPath(parse(source), n => n.kind === Kind.VARIABLE && n.name.value === name);
    field = usage === undefined ? undefined : usage + inner;
  } else {
    const start = node.loc!.start;
    field = argumentPath(parse(source), n => n.loc?.start === start && n.kind === node.kind);
  }
  return field === undefined ? undefined : [{ field, message: scalarError.message }];
}

// The path, from the argument name down through input objects and lists, of the first value in
// any field's arguments that `matches`.
function argumentPath(document: ASTNode, matches: (node: ValueNode) => boolean): string | undefined {
  const inValue = (value: ValueNode, path: string): string | undefined => {
    if (matches(value)) return path;
    if (value.kind === Kind.OBJECT) {
      for (const field of value.fields) {
        const found = inValue(field.value, joinPath(path, field.name.value));
        if (found !== undefined) return found;
      }
    }
    if (value.kind === Kind.LIST) {
      for (const [index, item] of value.values.entries()) {
        const found = inValue(item, joinPath(path, index));
        if (found !== undefined) return found;
      }
    }
    return undefined;
  };
  const walk = (node: unknown): string | undefined => {
    if (!node || typeof node !== "object") return undefined;
    if (Array.isArray(node)) {
      for (const item of node) {
        const found = walk(item);
        if (found !== undefined) return found;
      }
      return undefined;
    }
    const ast = node as ASTNode;
    if (ast.kind === Kind.FIELD) {
      for (const argument of ast.arguments ?? []) {
        const found = inValue(argument.value, argument.name.value);
        if (found !== undefined) return found;
      }
    }
    if (ast.kind === Kind.DOCUMENT) return walk(ast.definitions);
    if ("selectionSet" in ast && ast.selectionSet) return walk(ast.selectionSet.selections);
    return undefined;
  };
  return walk(document);
}
