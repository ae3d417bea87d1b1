import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { type ServerResponse } from "node:http";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** Where the offline explorer's files are served (development only). */
export const EXPLORER_PATH = "/explorer/";

// GraphiQL's self-contained browser build and the React it is built against, from node_modules:
// name served under EXPLORER_PATH → [package, file in it, content type].
const FILES: Record<string, [pkg: string, file: string, type: string]> = {
  "react.js": ["react", "umd/react.production.min.js", "text/javascript; charset=utf-8"],
  "react-dom.js": ["react-dom", "umd/react-dom.production.min.js", "text/javascript; charset=utf-8"],
  "graphiql.js": ["graphiql", "graphiql.min.js", "text/javascript; charset=utf-8"],
  "graphiql.css": ["graphiql", "graphiql.min.css", "text/css; charset=utf-8"],
};

interface Asset {
  body: Buffer;
  type: string;
  etag: string;
}

/** The offline explorer's files (GraphiQL, React), read once on first request and kept. */
export interface ExplorerAssets {
  /** Answer `GET /explorer/<name>`: the file, 304 when the browser has it, or 404. */
  serve(name: string, ifNoneMatch: string | undefined, res: ServerResponse): void;
}

/**
 * The explorer's files when their packages are installed (`npm ci` installs them: they are
 * development dependencies, since production serves no explorer), else undefined: the landing
 * page then keeps its plain offline notice.
 */
export function explorerAssets(): ExplorerAssets | undefined {
  const require = createRequire(import.meta.url);
  const paths: Record<string, string> = {};
  try {
    for (const [name, [pkg, file]] of Object.entries(FILES)) {
      paths[name] = join(dirname(require.resolve(`${pkg}/package.json`)), file);
    }
  } catch {
    return undefined;
  }
  const cache = new Map<string, Asset>();
  const load = (name: string): Asset | undefined => {
    if (!Object.hasOwn(FILES, name)) return undefined;
    let asset = cache.get(name);
    if (!asset) {
      const body = readFileSync(paths[name]!);
      asset = { body, type: FILES[name]![2], etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"` };
      cache.set(name, asset);
    }
    return asset;
  };
  return {
    serve(name, ifNoneMatch, res) {
      const asset = load(name);
      if (!asset) {
        res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
        res.end("Not found.");
        return;
      }
      // Revalidated on every page load (the packages change with `npm ci`), cheap with the ETag.
      const headers = { etag: asset.etag, "cache-control": "no-cache", "x-content-type-options": "nosniff" };
      if (ifNoneMatch === asset.etag) {
        res.writeHead(304, headers);
        res.end();
        return;
      }
      res.writeHead(200, { ...headers, "content-type": asset.type, "content-length": asset.body.length });
      res.end(asset.body);
    },
  };
}
