# Builds the image of one service: docker build --build-arg SERVICE=command-service -t governance-ledger/command-service .
# (docker-compose.yml builds both.) The build runs the Maven wrapper inside the image, so it needs
# nothing on the host but Docker.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY shared-events shared-events
COPY dev-tools dev-tools
COPY local-issuer local-issuer
COPY service-support service-support
COPY ledger ledger
COPY command-service command-service
COPY query-service query-service
COPY system-tests system-tests
COPY local-run local-run
COPY benchmark benchmark
RUN ./mvnw -B -ntp -q -DskipTests -pl command-service,query-service -am package

FROM eclipse-temurin:17-jre
ARG SERVICE
RUN test -n "$SERVICE" || (echo "build with --build-arg SERVICE=command-service or query-service" && false)
WORKDIR /app
COPY --from=build /src/${SERVICE}/target/${SERVICE}-*-exec.jar /app/service.jar
# the checkpoint signing key lives in a volume mounted here (docker-compose.yml: ledger-keys); a new
# named volume takes this directory's owner, so the service can write the key on its first start
RUN useradd --system --uid 10001 ledger && mkdir -p /var/lib/ledger/keys && chown -R ledger /var/lib/ledger
USER ledger
# The heap and malloc arenas the local run and the benchmark give each service (see ServiceProcess).
ENV JAVA_TOOL_OPTIONS="-Xmx192m" MALLOC_ARENA_MAX=2
ENTRYPOINT ["java", "-jar", "/app/service.jar"]
