import { symbols, type Level, type Logger } from "pino";

/**
 * Writes one log line whose fields are already JSON text: `fields` is `,"key":value…` (each key
 * once, none of the logger's own or its mixin's). A line is empty of fields when `fields` is "".
 */
export type FixedLine = (fields: string) => void;

type Internals = Record<symbol, unknown>;

/**
 * A writer of `logger[level](fields, msg)` lines for a line written once per request: the same
 * bytes pino writes (level, time, bindings, mixin fields, the given fields, `msg`), to the same
 * destination, at the logger's current level, with the JSON of the fields built by the caller.
 * pino's own path looks up serializers and escapes every key of every line, a few µs that were
 * a visible share of a request's CPU (docs/performance.md). It reads the logger's parts through
 * `pino.symbols`, which pino exports for integrations like this one; it supports what
 * `createLogger` configures and refuses, at start, a logger with formatters, a nested key or a
 * write hook, whose lines it would not reproduce.
 */
export function fixedLine(logger: Logger, level: Level, msg: string): FixedLine {
  const self = logger as unknown as Internals;
  const formatters = self[symbols.formattersSym] as { log?: unknown };
  const hooks = self[symbols.hooksSym] as { streamWrite?: unknown } | undefined;
  if (formatters.log || self[symbols.nestedKeySym] || hooks?.streamWrite || self[symbols.messageKeySym] !== "msg") {
    throw new Error("fixedLine: the logger formats its lines in a way this writer does not reproduce");
  }
  const value = logger.levels.values[level]!;
  // pino's cache of each level's opening (`{"level":30`), built with its level formatter.
  const opening = (self[symbols.lsCacheSym] as Record<number, string>)[value]!;
  const time = self[symbols.timeSym] as () => string;
  const bindings = self[symbols.chindingsSym] as string;
  const mixin = self[symbols.mixinSym] as (() => Record<string, unknown>) | undefined;
  const stream = self[symbols.streamSym] as { write(line: string): void };
  const tail = `,"msg":${JSON.stringify(msg)}${self[symbols.endSym] as string}`;
  return fields => {
    // The level may change while the process runs.
    if (logger.levelVal > value) return;
    let mixed = "";
    if (mixin) {
      const extra = mixin();
      for (const key in extra) if (extra[key] !== undefined) mixed += `,${JSON.stringify(key)}:${JSON.stringify(extra[key])}`;
    }
    stream.write(opening + time() + bindings + mixed + fields + tail);
  };
}
