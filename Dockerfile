# One image for every service; docker-compose.yml picks the workspace to start.
FROM node:20-bookworm-slim
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund
ENV NODE_ENV=production
# Services default to loopback; in a container they must answer on the container's network.
ENV HOST=0.0.0.0
