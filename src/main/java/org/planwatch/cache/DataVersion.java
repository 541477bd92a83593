package org.planwatch.cache;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The version of the public data: the id of the latest entry of the change feed, which every write
 * of the data adds to. Cached answers are valid for one version.
 *
 * <p>Every instance learns of every write through PostgreSQL's LISTEN/NOTIFY: a write notifies
 * channel {@value #CHANNEL} when it commits, and each instance's listener moves its version on. The
 * instance that wrote moves on at once, before it answers (see {@link #advanceTo}). While the
 * listener is not connected, this instance cannot know of other instances' writes, so
 * {@link #trusted()} is false and nothing is served from the cache.
 */
@ApplicationScoped
public class DataVersion {

    public static final String CHANNEL = "planwatch_data";

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @Inject
    Clock clock;

    private final AtomicLong version = new AtomicLong(-1);
    private volatile boolean listening;
    private volatile Instant lastModified;
    private volatile boolean running;
    private Instant lostAt; // only touched by the listener thread
    private boolean heard; // the listener has connected once; only touched by the listener thread
    private Thread listener;

    void start(@Observes StartupEvent event) {
        running = true;
        listener = new Thread(this::listen, "planwatch-data-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    public long current() {
        return version.get();
    }

    /** True while this instance is sure to hear of every write. */
    public boolean trusted() {
        return listening;
    }

    /**
     * When the answers last changed, as a Last-Modified value; null before it is known: the latest write (or the
     * migration that loaded the dataset), or the start of the day by the service's clock if that is later, because
     * what is overdue turns with the date.
     */
    public String lastModifiedHeader() {
        Instant at = lastModified;
        if (at == null) {
            return null;
        }
        Instant today = LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant();
        Instant latest = at.isAfter(today) ? at : today;
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(latest.atOffset(ZoneOffset.UTC));
    }

    /** Called when a write commits on this instance: later reads must not see older answers. */
    public void advanceTo(long changeId, Instant at) {
        version.accumulateAndGet(changeId, Math::max);
        lastModified = at;
    }

    private void listen() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, connectionProperties())) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                    readVersion(statement);
                }
                listening = true;
                if (lostAt != null) {
                    Log.infof(
                            "Database notifications are back after %d ms; serving from the cache again",
                            Duration.between(lostAt, Instant.now()).toMillis());
                    lostAt = null;
                } else if (!heard) {
                    // said once, after the cache is trusted: tests of the packaged service wait for this line
                    Log.infof("Listening to the database notifications (%s); serving from the cache", CHANNEL);
                }
                heard = true;
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications != null && notifications.length > 0) {
                        try (Statement statement = connection.createStatement()) {
                            readVersion(statement);
                        }
                    } else {
                        try (Statement statement = connection.createStatement()) {
                            statement.execute("select 1"); // notices a connection that died in silence
                        }
                    }
                }
            } catch (SQLException e) {
                boolean wasListening = listening;
                listening = false; // before saying so: whoever reads the line below can rely on it
                if (wasListening || lostAt == null) { // once when lost, or when never reached
                    lostAt = Instant.now();
                    Log.warnf(
                            "Lost the database notifications (%s); serving without the cache until they are back",
                            e.getMessage());
                }
            } finally {
                listening = false;
            }
            if (running) {
                try {
                    Thread.sleep(1000); // reconnection back-off
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Bounded waits, so that a database that vanishes without closing the connection (a network partition) is
     * noticed within seconds, like one that shuts down, and the cache stops being trusted.
     */
    private Properties connectionProperties() {
        Properties properties = new Properties();
        username.ifPresent(user -> properties.setProperty("user", user));
        password.ifPresent(secret -> properties.setProperty("password", secret));
        properties.setProperty("connectTimeout", "2");
        properties.setProperty("loginTimeout", "2");
        properties.setProperty("socketTimeout", "5"); // longer than the 1 s wait for notifications
        properties.setProperty("tcpKeepAlive", "true");
        return properties;
    }

    private void readVersion(Statement statement) throws SQLException {
        // Before any write, the data is as the migrations left it.
        // the newest change by its id (the primary key's index): no scan of the feed, however long it grows
        try (ResultSet row = statement.executeQuery(
                "select coalesce(c.id, 0), "
                        + "coalesce(c.occurred_at, (select max(installed_on) from flyway_schema_history)) "
                        + "from (select 1) one left join lateral (select id, occurred_at from change order by id desc limit 1) c on true")) {
            row.next();
            long latest = row.getLong(1);
            Timestamp at = row.getTimestamp(2);
            if (latest != version.get() || lastModified == null) {
                lastModified = at == null ? null : at.toInstant();
            }
            version.accumulateAndGet(latest, Math::max);
        }
    }
}
