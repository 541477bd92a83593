package org.planwatch.database;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

/**
 * Starts an embedded PostgreSQL when no datasource URL is configured, and points the datasource at it.
 *
 * <p>This runs while Quarkus builds its runtime configuration, before the datasource, Flyway and
 * Hibernate start, so the rest of the application cannot tell the embedded server from any other.
 * With {@code quarkus.datasource.jdbc.url} set (for example through {@code QUARKUS_DATASOURCE_JDBC_URL})
 * nothing is started at all, and the binaries are never unpacked.
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    static final String URL = "quarkus.datasource.jdbc.url";
    static final String ENABLED = "planwatch.embedded-postgres.enabled";
    static final String DATA_DIR = "planwatch.embedded-postgres.data-dir";
    static final String PORT = "planwatch.embedded-postgres.port";

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresConfigSourceFactory.class);

    /**
     * The port of the server this JVM started, kept in a system property: dev mode reloads the
     * application in a new class loader, and the reloaded application must find the running server
     * rather than start a second one on the same data.
     */
    private static final String RUNNING_PORT = "planwatch.embedded-postgres.running-port";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (duringBuild()) {
            return List.of();
        }
        if (isSet(context.getValue(URL)) || "false".equalsIgnoreCase(valueOf(context.getValue(ENABLED)))) {
            return List.of();
        }
        String dataDir = valueOf(context.getValue(DATA_DIR));
        String port = valueOf(context.getValue(PORT));
        int running = start(
                dataDir == null || dataDir.isBlank() ? null : Path.of(dataDir),
                port == null || port.isBlank() ? 0 : Integer.parseInt(port));
        return List.of(new PropertiesConfigSource(
                Map.of(
                        URL,
                        "jdbc:postgresql://localhost:" + running + "/postgres",
                        "quarkus.datasource.username",
                        "postgres",
                        "quarkus.datasource.password",
                        "postgres"),
                "EmbeddedPostgres",
                150));
    }

    @Override
    public OptionalInt getPriority() {
        // After the other factories, so that their values are visible in the context.
        return OptionalInt.of(50);
    }

    private static int start(Path dataDir, int port) {
        synchronized (System.getProperties()) {
            String running = System.getProperty(RUNNING_PORT);
            if (running != null) {
                return Integer.parseInt(running);
            }
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "100")
                        .setLocaleConfig("encoding", "UTF8");
                if (dataDir != null) {
                    builder.setDataDirectory(dataDir.toAbsolutePath()).setCleanDataDirectory(false);
                }
                if (port > 0) {
                    builder.setPort(port);
                }
                EmbeddedPostgres server = builder.start(); // stopped by its own shutdown hook when the JVM exits
                LOG.infof(
                        "Embedded PostgreSQL listening on port %d, data in %s",
                        server.getPort(),
                        dataDir == null ? "a temporary directory (deleted on exit)" : dataDir.toAbsolutePath());
                System.setProperty(RUNNING_PORT, Integer.toString(server.getPort()));
                return server.getPort();
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "Could not start the embedded PostgreSQL: " + e.getMessage()
                                + " (set QUARKUS_DATASOURCE_JDBC_URL to use another server)",
                        e);
            }
        }
    }

    /**
     * Quarkus also reads the configuration while it builds the application, and records the runtime
     * values it sees as defaults: a URL given then would point the packaged jar at a server that died
     * with the build. So nothing is started, or given, while the build reads the configuration.
     */
    private static boolean duringBuild() {
        return StackWalker.getInstance()
                .walk(frames -> frames.anyMatch(f ->
                        f.getClassName().equals("io.quarkus.deployment.configuration.BuildTimeConfigurationReader")));
    }

    private static boolean isSet(ConfigValue value) {
        String v = valueOf(value);
        return v != null && !v.isBlank();
    }

    private static String valueOf(ConfigValue value) {
        return value == null ? null : value.getValue();
    }
}
