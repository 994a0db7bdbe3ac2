# Turno in one container: embedded SQLite, data in /data, listens on 3000.
# Build: docker build -t turno .   Run: docker run -p 3000:3000 -v turno-data:/data turno

FROM oven/bun:1.4.4 AS build
WORKDIR /src
COPY package.json package-lock.json .npmrc ./
COPY scripts ./scripts
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/* \
 && npm ci --no-audit --no-fund
COPY . .
RUN bun scripts/build.ts \
 && cd dist && npm install --omit=dev --no-audit --no-fund

# A multilingual sentence-embedding model for the intent classifier, pulled at image build time.
# Set TURNO_MODEL= (empty) to skip it; the embedded classifier is used then.
ARG TURNO_MODEL=Xenova/multilingual-e5-small
RUN mkdir -p /models && if [ -n "$TURNO_MODEL" ]; then cd dist && TURNO_MODELS_DIR=/models ./turno models pull "$TURNO_MODEL"; fi

FROM oven/bun:1.4.4-slim
ENV NODE_ENV=production TURNO_DATA_DIR=/data TURNO_MODELS_DIR=/app/models PORT=3000 ORT_DISABLE_TELEMETRY=1 \
    TURNO_PLUGINS_DIR=/data/plugins:/app/plugins
WORKDIR /app
COPY --from=build /src/dist/ /app/
COPY --from=build /models/ /app/models/
# Built-in plugins (crm, calendar, catalog) ship in /app/plugins; your own go in /data/plugins (the volume).
COPY plugins /app/plugins
RUN groupadd --system turno && useradd --system --gid turno --home /app turno \
 && mkdir -p /data && chown -R turno:turno /data
USER turno
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s CMD bun -e "fetch('http://127.0.0.1:3000/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
ENTRYPOINT ["/app/turno"]
CMD ["serve"]
