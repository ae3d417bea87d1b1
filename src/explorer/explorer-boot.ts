/**
 * The browser script of the development landing page (sent inline with Apollo's CSP nonce). It
 * leaves the page to Apollo Sandbox when Sandbox's script loaded from Apollo's CDN; when it did
 * not (offline, a proxy blocking the CDN, or no answer within `sandboxWaitMs`), it removes
 * Sandbox's frame and opens GraphiQL from this server's `/explorer/` files, with the example
 * operation and the demo headers. Everything it adds carries the nonce or is styled by class:
 * Apollo's CSP allows no inline style attribute.
 *
 * Reads its settings from the JSON block `#account-graph-explorer`: `{ assets, query, headers,
 * graphiql, sandboxWaitMs }`.
 */
export const EXPLORER_BOOT_SCRIPT = `(() => {
  const config = JSON.parse(document.getElementById("account-graph-explorer").textContent);
  const nonce = document.currentScript.nonce;
  let started = false;

  function fallBack() {
    if (started || typeof window.EmbeddedSandbox === "function") return;
    started = true;
    document.getElementById("embeddableSandbox")?.remove();
    if (!config.graphiql) {
      document.body.classList.add("account-graph-offline");
      return;
    }
    const css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = config.assets + "graphiql.css";
    css.nonce = nonce;
    document.head.append(css);
    // The style elements GraphiQL's dialogs add read their nonce from here (get-nonce).
    window.__webpack_nonce__ = nonce;
    ["react.js", "react-dom.js", "graphiql.js"]
      .reduce((loaded, name) => loaded.then(() => load(name)), Promise.resolve())
      .then(mount, () => document.body.classList.add("account-graph-offline"));
  }

  function load(name) {
    return new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = config.assets + name;
      script.nonce = nonce;
      script.onload = resolve;
      script.onerror = reject;
      document.head.append(script);
    });
  }

  function mount() {
    document.body.classList.add("account-graph-graphiql");
    const frame = document.createElement("div");
    frame.id = "account-graph-graphiql";
    const bar = document.createElement("header");
    const title = document.createElement("strong");
    title.textContent = "account-graph";
    const note = document.createElement("span");
    note.textContent = "GraphiQL, served by this server: Apollo Sandbox could not load from its CDN.";
    bar.append(title, " ", note);
    const host = document.createElement("main");
    frame.append(bar, host);
    document.body.append(frame);
    const fetcher = GraphiQL.createFetcher({ url: location.origin + location.pathname });
    ReactDOM.createRoot(host).render(
      React.createElement(GraphiQL, {
        fetcher,
        query: config.query,
        headers: config.headers,
        defaultEditorToolsVisibility: "headers",
        shouldPersistHeaders: false,
      }),
    );
  }

  document.addEventListener("DOMContentLoaded", fallBack);
  setTimeout(fallBack, config.sandboxWaitMs);
})();`;
