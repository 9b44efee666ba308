# The chat on the embedded local cloud in one Node container (docker compose up).
# The same image provisions into LocalStack (the compose file's localstack profile).
FROM node:20-bookworm-slim

WORKDIR /app
COPY package.json package-lock.json ./
# Development dependencies included: npm start bundles the functions (esbuild) and builds the client (Vite).
RUN npm ci --no-audit --no-fund && npm cache clean --force
COPY . .

# The local cloud listens on every interface of the container (no host given), port PORT.
ENV PORT=4566 \
    EMULATOR_STATE_DIR=/data \
    NODE_NO_WARNINGS=1
EXPOSE 4566
VOLUME /data

# Health: see the healthcheck in docker-compose.yml.
CMD ["npm", "start"]
