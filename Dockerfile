# syntax=docker/dockerfile:1
# Build stage: full dependencies, compile TypeScript, then drop dev dependencies.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build:server && npm prune --omit=dev

# Runtime stage: production dependencies and the compiled server only, as the unprivileged user.
FROM node:24-bookworm-slim
# MALLOC_ARENA_MAX: see START_ENV in src/node-flags.ts.
ENV NODE_ENV=production \
    PORT=4000 \
    HOST=0.0.0.0 \
    MALLOC_ARENA_MAX=2
WORKDIR /app
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/build ./build
COPY --chown=node:node package.json schema.graphql persisted-query-manifest.json ./
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# exec form: node is PID 1 and receives SIGTERM directly, so in-flight requests drain on stop.
CMD ["node", "--max-semi-space-size=32", "--min-semi-space-size=32", "--no-memory-reducer", "--no-allocation-site-pretenuring", "build/index.js"]
