let second = -1;
let prefix = "";

/**
 * pino's `timestamp` as `stdTimeFunctions.isoTime` writes it (`,"time":"2026-05-09T12:00:00.123Z"`),
 * with the text up to the second built once per second: `Date#toISOString` on every log line
 * was a visible share of a request's CPU.
 */
export function isoTime(): string {
  const now = Date.now();
  const s = Math.floor(now / 1000);
  if (s !== second) {
    second = s;
    prefix = `,"time":"${new Date(s * 1000).toISOString().slice(0, 20)}`;
  }
  const ms = now - s * 1000;
  return `${prefix}${ms < 10 ? "00" : ms < 100 ? "0" : ""}${ms}Z"`;
}
