import { spawnSync } from "node:child_process";
import { describe, expect, it } from "@jest/globals";

// The transport requires the two parts of undici it uses by path (src/rest/transport.ts says why).
// Checked on the built module in a fresh process, where nothing else has loaded undici yet.
describe("the undici transport's footprint", () => {
  it("sends a request without loading undici's index or Node's own fetch", () => {
    const module = new URL("../../build/rest/transport.js", import.meta.url).href;
    const script = `
      import { createServer } from "node:http";
      import { createRequire } from "node:module";
      const touched = [];
      for (const name of ["fetch", "File", "Headers", "Request", "Response"]) {
        const own = Object.getOwnPropertyDescriptor(globalThis, name);
        Object.defineProperty(globalThis, name, { configurable: true, get() { touched.push(name); return own.get ? own.get.call(globalThis) : own.value; } });
      }
      const { createUndiciTransport } = await import(${JSON.stringify(module)});
      const server = createServer((req, res) => res.end("pong"));
      await new Promise(resolve => server.listen(0, "127.0.0.1", resolve));
      const transport = createUndiciTransport({ maxResponseBytes: 1024 });
      const answer = await transport.send({ method: "GET", url: "http://127.0.0.1:" + server.address().port + "/", headers: {}, timeoutMs: 5000 });
      transport.close();
      server.close();
      const loaded = Object.keys(createRequire(import.meta.url).cache).filter(path => /undici[\\\\/]index\\.js$/.test(path));
      console.log(JSON.stringify({ status: answer.status, body: answer.body, touched, loaded }));
    `;
    const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(child.stderr).toBe("");
    expect(JSON.parse(child.stdout)).toEqual({ status: 200, body: "pong", touched: [], loaded: [] });
  });
});
