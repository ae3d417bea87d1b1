import { createServer, type Server } from "node:http";
import { type AddressInfo } from "node:net";

/** An OTLP attribute value as OTLP/JSON encodes it. */
type AnyValue = {
  stringValue?: string;
  intValue?: number | string;
  doubleValue?: number;
  boolValue?: boolean;
  arrayValue?: { values?: AnyValue[] };
};
type KeyValue = { key: string; value: AnyValue };

/** One exported span, decoded from OTLP/JSON, with plain attribute values. */
export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  /** Empty for a root span. */
  parentSpanId: string;
  name: string;
  /** OTLP span kind: 2 SERVER, 3 CLIENT. */
  kind: number;
  attributes: Record<string, unknown>;
  events: Array<{ name: string; attributes: Record<string, unknown> }>;
  /** OTLP status code: 0 unset, 1 ok, 2 error. */
  status: { code: number; message?: string };
  resource: Record<string, unknown>;
  scope: string;
}

/** A loopback OTLP/HTTP receiver: what the SDK sent, decoded. */
export interface OtlpReceiver {
  /** Base URL for `OTEL_EXPORTER_OTLP_ENDPOINT` (the SDK appends `/v1/traces`). */
  url: string;
  spans: ReceivedSpan[];
  /** Every export request's raw body, as text (what the secret scan reads). */
  bodies: string[];
  /** Content types of the export requests (`application/json`, `application/x-protobuf`). */
  contentTypes: string[];
  /** Answer exports with this status instead of accepting them (a collector that refuses). */
  refuseWith: number | undefined;
  close(): Promise<void>;
}

const SPAN_KIND: Record<string, number> = { SPAN_KIND_SERVER: 2, SPAN_KIND_CLIENT: 3, SPAN_KIND_INTERNAL: 1 };

function plain(value: AnyValue | undefined): unknown {
  if (!value) return undefined;
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.intValue !== undefined) return Number(value.intValue);
  if (value.doubleValue !== undefined) return value.doubleValue;
  if (value.boolValue !== undefined) return value.boolValue;
  if (value.arrayValue) return (value.arrayValue.values ?? []).map(plain);
  return undefined;
}

function attributes(list: KeyValue[] | undefined): Record<string, unknown> {
  return Object.fromEntries((list ?? []).map(({ key, value }) => [key, plain(value)]));
}

/**
 * Start a receiver on 127.0.0.1 accepting `POST /v1/traces`. OTLP/JSON bodies are decoded into
 * {@link ReceivedSpan}s; protobuf bodies are kept raw (their arrival is what a test checks).
 */
export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const spans: ReceivedSpan[] = [];
  const bodies: string[] = [];
  const contentTypes: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", chunk => chunks.push(chunk));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      const type = req.headers["content-type"] ?? "";
      contentTypes.push(type);
      bodies.push(raw.toString("latin1"));
      if (req.url !== "/v1/traces") {
        res.writeHead(404).end();
        return;
      }
      if (receiver.refuseWith !== undefined) {
        res.writeHead(receiver.refuseWith, { "content-type": "text/plain" }).end("refused");
        return;
      }
      if (type.startsWith("application/json")) {
        const payload = JSON.parse(raw.toString("utf8")) as {
          resourceSpans?: Array<{
            resource?: { attributes?: KeyValue[] };
            scopeSpans?: Array<{ scope?: { name?: string }; spans?: Array<Record<string, unknown>> }>;
          }>;
        };
        for (const rs of payload.resourceSpans ?? []) {
          const resource = attributes(rs.resource?.attributes);
          for (const ss of rs.scopeSpans ?? []) {
            for (const span of ss.spans ?? []) {
              const kind = span.kind;
              spans.push({
                traceId: String(span.traceId),
                spanId: String(span.spanId),
                parentSpanId: String(span.parentSpanId ?? ""),
                name: String(span.name),
                kind: typeof kind === "number" ? kind : (SPAN_KIND[String(kind)] ?? 0),
                attributes: attributes(span.attributes as KeyValue[]),
                events: ((span.events as Array<{ name: string; attributes?: KeyValue[] }>) ?? []).map(e => ({
                  name: e.name,
                  attributes: attributes(e.attributes),
                })),
                status: { code: 0, ...(span.status as { code?: number; message?: string } | undefined) },
                resource,
                scope: ss.scope?.name ?? "",
              });
            }
          }
        }
        res.writeHead(200, { "content-type": "application/json" }).end("{}");
        return;
      }
      // An empty ExportTraceServiceResponse is an empty protobuf message.
      res.writeHead(200, { "content-type": "application/x-protobuf" }).end();
    });
  });
  await new Promise<void>(resolve => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const receiver: OtlpReceiver = {
    url: `http://127.0.0.1:${port}`,
    spans,
    bodies,
    contentTypes,
    refuseWith: undefined,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return receiver;
}
