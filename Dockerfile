# Images of the distributed setup (docker-compose.yml):
#   target service     (default) every subgraph, the assignment worker and the gateway, as compiled JavaScript run by
#                      plain node: `node dist/serve.mjs <name>` or `node dist/gateway.mjs`
#   target storefront  the official nginx image with the storefront's static build; its configuration comes from
#                      deploy/nginx/templates (mounted at /etc/nginx/templates, rendered by the image at start)

# The package manifests alone, so the dependency installs below are cached until a dependency changes.
FROM node:20-bookworm-slim AS manifests
WORKDIR /src
COPY . .
RUN mkdir /manifests \
 && find . -name node_modules -prune -o \( -name package.json -o -name package-lock.json -o -name .npmrc \) -print \
    | tar -cf - -T - | tar -xf - -C /manifests

# Every dependency, development ones included: the compilers and bundlers live here and nowhere else.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY --from=manifests /manifests/ ./
# No install scripts: native packages come prebuilt as optional dependencies (esbuild, sharp, rolldown), and the root
# postinstall only prepares the embedded PGlite of `npm start`.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .

# Services and gateway: dist/serve.mjs and dist/gateway.mjs (scripts/build-services.mjs). Those bundles find their
# schemas, migrations, the supergraph and the persisted-operation manifests beside the sources, so the run stage
# keeps the repository's layout (without node_modules, tests and the storefront's sources).
FROM deps AS build
RUN npm run build:services \
 && mkdir /runtime \
 && tar -cf - --exclude=node_modules --exclude=./dist --exclude=./web --exclude=./docs --exclude=./bench \
      --exclude='*/test' --exclude=.ci . | tar -xf - -C /runtime \
 && mkdir -p /runtime/web && cp web/package.json web/persisted-operations.json /runtime/web/

# The storefront's static build. It talks to the gateway through nginx on the public address; the persisted
# operations mode must match the gateway's PERSISTED_OPERATIONS.
FROM deps AS web-build
ARG PUBLIC_URL=http://localhost:8080
ARG PERSISTED_OPERATIONS=apq
RUN VITE_GATEWAY_URL="${PUBLIC_URL}/graphql" VITE_PERSISTED_OPERATIONS="${PERSISTED_OPERATIONS}" npm run build -w @shop/web

FROM nginx:1.27-alpine AS storefront
COPY --from=web-build /app/web/dist /usr/share/nginx/html
ENV LISTEN_PORT=80 \
    STOREFRONT_ROOT=/usr/share/nginx/html
HEALTHCHECK --interval=10s --timeout=3s --retries=3 CMD wget -q -O /dev/null "http://127.0.0.1:${LISTEN_PORT}/healthz" || exit 1

# The run stage: production dependencies only (no tsx, TypeScript or esbuild), a non-root user.
FROM node:20-bookworm-slim AS service
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=manifests /manifests/ ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force \
 && mkdir -p /data && chown node:node /data
COPY --from=build /runtime/ ./
COPY --from=build /app/dist ./dist
USER node
# Files a service writes (product images without S3, e-mails without SMTP) go to DATA_DIR: mount a named volume at
# /data where they must outlive the container (docker-compose.yml does for products and notifications). No VOLUME
# here: every other replica would get an anonymous volume it never uses.
HEALTHCHECK --interval=10s --timeout=3s --start-period=120s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# The gateway unless told otherwise; a service: `node dist/serve.mjs <name>` (docker-compose.yml).
CMD ["node", "dist/gateway.mjs"]
