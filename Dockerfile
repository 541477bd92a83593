# Planwatch: the API, built from source. Used by docker-compose.yml, which also runs PostgreSQL.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY src src
# -Dcontainer leaves the embedded PostgreSQL's binaries out: the image always uses an external database.
RUN ./mvnw -B -q -Dcontainer package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/quarkus-app/ /app/
ENV PLANWATCH_EMBEDDED_POSTGRES_ENABLED=false \
    JAVA_OPTS_APPEND="-XX:MaxRAMPercentage=75"
USER 1001
EXPOSE 8080
CMD ["sh", "-c", "exec java $JAVA_OPTS_APPEND -jar /app/quarkus-run.jar"]
