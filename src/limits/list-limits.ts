import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";
import { ApolloServerErrorCode } from "@apollo/server/errors";
import { badUserInput, joinPath, summarize } from "../errors/field-errors.js";

/** The two limits {@link checkListLimits} applies (`MAX_LIST_ITEMS`, `MAX_COST`). */
export interface ListLimits {
  maxListItems: number;
  maxCost: number;
}

/**
 * The cost weights of an operation, for graphql-armor's check (`apollo-server.ts`) and for
 * {@link checkListLimits} alike, so that MAX_COST means the same number with and without lists.
 */
export const COST_WEIGHTS = { objectCost: 2, scalarCost: 1, depthCostFactor: 1.5 } as const;
const { objectCost: OBJECT_COST, scalarCost: SCALAR_COST, depthCostFactor: DEPTH_FACTOR } = COST_WEIGHTS;

/**
 * The limits graphql-armor cannot apply because it runs before variables are known: every list in
 * an operation's field arguments (literal or from a variable, at any depth, e.g.
 * `_entities(representations:)`, `accounts(providers:)`) has at most `maxListItems` items, else a
 * `BAD_USER_INPUT` naming the argument; and the operation's cost, with armor's weights, a field
 * costing once per item of its longest list argument (a list of 100 representations is 100
 * entities) and a fragment costing the same inline or named, is at most `maxCost`, else
 * `GRAPHQL_VALIDATION_FAILED` as armor's own cost refusal.
 * Both answer 400. Run after validation (fragments exist and do not cycle), before execution, so
 * a refused operation sends nothing upstream. `undefined` when the operation is within both.
 */
export function checkListLimits(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined | null,
  limits: ListLimits,
): GraphQLError | undefined {
  const vars = variables ?? {};
  const defaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) defaults.set(definition.variable.name.value, definition.defaultValue);
  }
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }

  let tooLong: { field: string; message: string } | undefined;
  // The items of the longest list among one argument's values, checking every list inside it.
  const longestList = (root: string, value: ValueNode): number => {
    let longest = 0;
    const stack: { path: string; node?: ValueNode; data?: unknown }[] = [{ path: root, node: value }];
    while (stack.length > 0 && !tooLong) {
      const { path, node, data } = stack.pop()!;
      if (node) {
        if (node.kind === Kind.VARIABLE) {
          const name = node.name.value;
          if (name in vars) stack.push({ path, data: vars[name] });
          else if (defaults.has(name)) stack.push({ path, node: defaults.get(name) });
        } else if (node.kind === Kind.LIST) {
          longest = Math.max(longest, note(path, node.values.length));
          node.values.forEach((item, i) => stack.push({ path: joinPath(path, i), node: item }));
        } else if (node.kind === Kind.OBJECT) {
          for (const field of node.fields) stack.push({ path: joinPath(path, field.name.value), node: field.value });
        }
      } else if (Array.isArray(data)) {
        longest = Math.max(longest, note(path, data.length));
        data.forEach((item, i) => stack.push({ path: joinPath(path, i), data: item }));
      } else if (data !== null && typeof data === "object") {
        for (const [name, item] of Object.entries(data)) stack.push({ path: joinPath(path, name), data: item });
      }
    }
    return longest;
  };
  const note = (path: string, items: number): number => {
    if (items > limits.maxListItems && !tooLong) {
      tooLong = { field: path, message: `has ${items} items; at most ${limits.maxListItems} are accepted` };
    }
    return items;
  };

  // Fragment costs are memoised: a fragment spread many times is costed once (as armor does),
  // so nested repeated spreads cannot make this walk exponential.
  const fragmentCosts = new Map<string, number>();
  const selectionsCost = (set: SelectionSetNode): number => {
    let sum = 0;
    for (const selection of set.selections) {
      if (tooLong) return 0;
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === "__schema") continue;
        let multiplier = 1;
        for (const argument of selection.arguments ?? []) {
          multiplier = Math.max(multiplier, longestList(argument.name.value, argument.value));
        }
        sum += selection.selectionSet
          ? (OBJECT_COST + DEPTH_FACTOR * selectionsCost(selection.selectionSet)) * multiplier
          : SCALAR_COST;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        // Weighed as armor weighs a named fragment: the same selection costs the same whether
        // the client wrote it inline or named it (armor counts an inline one a third cheaper).
        sum += SCALAR_COST + DEPTH_FACTOR * (OBJECT_COST + DEPTH_FACTOR * selectionsCost(selection.selectionSet));
      } else {
        const name = selection.name.value;
        let cost = fragmentCosts.get(name);
        if (cost === undefined) {
          const fragment = fragments.get(name);
          fragmentCosts.set(name, 0);
          cost = fragment ? OBJECT_COST + DEPTH_FACTOR * selectionsCost(fragment.selectionSet) : 0;
          fragmentCosts.set(name, cost);
        }
        sum += SCALAR_COST + DEPTH_FACTOR * cost;
      }
    }
    return sum;
  };

  const cost = selectionsCost(operation.selectionSet);
  if (tooLong) {
    const fieldErrors = [tooLong];
    return badUserInput(`${summarize(fieldErrors)} (MAX_LIST_ITEMS).`, fieldErrors, { http: { status: 400 } });
  }
  if (cost > limits.maxCost) {
    return new GraphQLError(
      `Query Cost limit of ${limits.maxCost} exceeded, found ${Math.round(cost)} (each item of a list argument counts).`,
      { extensions: { code: ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED, http: { status: 400 } } },
    );
  }
  return undefined;
}

/**
 * Whether any array appears in `variables`: without one, a vetted operation's list costs cannot
 * have grown (lists in its text were checked when it was vetted), so the check can be skipped.
 */
export function hasArray(variables: Record<string, unknown> | undefined | null): boolean {
  if (!variables) return false;
  const stack: unknown[] = [variables];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) return true;
    if (value !== null && typeof value === "object") for (const item of Object.values(value)) stack.push(item);
  }
  return false;
}
