import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { Kind, parse, print, type OperationDefinitionNode } from "graphql";

/** One operation of `operations/*.graphql` with the sample variables its comment gives. */
export interface ExampleOperation {
  /** Path under `operations/`, e.g. `hostup/HostupPreferences.graphql`. */
  file: string;
  /** The folder: the provider (`diffio`, `hostup`, ...) or `accounts`. */
  group: string;
  name: string;
  type: OperationDefinitionNode["operation"];
  /** The operation alone, printed (the examples use no fragments). */
  text: string;
  /** From the `# variables: {...}` line in the comment block just above the operation. */
  variables: Record<string, unknown>;
}

/** The examples directory at the repository root. */
export const OPERATIONS_DIR = new URL("../../operations/", import.meta.url).pathname;

/**
 * Every operation under `operations/` (one per file, as Apollo's manifest generator requires), in
 * path order. Throws when an operation has no
 * `# variables:` line, so a new example cannot ship without its sample variables.
 */
export function exampleOperations(dir: string = OPERATIONS_DIR): ExampleOperation[] {
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter(f => f.endsWith(".graphql")).sort();
  return files.flatMap(file => {
    const source = readFileSync(join(dir, file), "utf8");
    const group = dirname(relative(dir, join(dir, file)));
    const lines = source.split("\n");
    return parse(source).definitions.flatMap(definition => {
      if (definition.kind !== Kind.OPERATION_DEFINITION) return [];
      const name = definition.name?.value;
      if (!name) throw new Error(`${file}: every example operation needs a name`);
      return [{ file, group, name, type: definition.operation, text: print(definition), variables: variablesAbove(lines, definition, file) }];
    });
  });
}

// The comment block directly above the operation (no blank line in between) holds its variables.
function variablesAbove(lines: string[], definition: OperationDefinitionNode, file: string): Record<string, unknown> {
  const name = definition.name!.value;
  for (let i = definition.loc!.startToken.line - 2; i >= 0 && lines[i]!.startsWith("#"); i--) {
    const match = /^# variables: (.*)$/.exec(lines[i]!);
    if (match) return JSON.parse(match[1]!) as Record<string, unknown>;
  }
  throw new Error(`${file}: ${name} has no "# variables: {...}" line in the comment above it`);
}
