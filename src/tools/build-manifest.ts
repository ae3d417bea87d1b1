import { writeFile } from "node:fs/promises";
import { buildManifest, MANIFEST_URL } from "../persisted/manifest.js";

// `npm run manifest`: the trusted-documents manifest from operations/ (a test fails when stale).
const manifest = await buildManifest(new URL("../../operations", import.meta.url).pathname);
await writeFile(MANIFEST_URL, `${JSON.stringify(manifest, null, 2)}\n`);
process.stdout.write(`wrote ${manifest.operations.length} operations to ${MANIFEST_URL.pathname}\n`);
