# cognito-capacity load generator image: `cogcap` is the entry point.
#   docker build -t <registry>/cogcap:<version> .
#   docker run --rm <registry>/cogcap:<version> run /scenarios/peak.yaml ...
# Used by the Kubernetes Indexed Job that `cogcap k8s` prints (see deploy/README.md).

FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: the prepare script (build) runs below, once the sources are in.
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

FROM node:20-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY bin ./bin
COPY scenarios ./scenarios
COPY schemas ./schemas
RUN chmod 755 bin/cogcap.js && ln -s /app/bin/cogcap.js /usr/local/bin/cogcap && mkdir -p /results && chown node:node /results
# Runs as the unprivileged `node` user; results go to a mounted volume (/results in the Job).
USER node
ENTRYPOINT ["cogcap"]
CMD ["--help"]
