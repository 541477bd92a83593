package org.planwatch.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.planwatch.Await;
import org.planwatch.PackagedService;

/**
 * Two instances of the packaged service on one PostgreSQL: a write through one reaches the other, whose answer was in
 * its cache, through the database's notifications. The second instance's answer is shown to come from its cache first (a
 * change made in the database behind the service's back does not show), so that only a notification can make it
 * answer the new data; how soon it does is not asserted (bench/ measures speed), only that it does.
 */
class TwoInstancesIT {

    private static final String ADMIN_KEY = "two-instances-admin-key";
    private static final String PATH = "/api/v1/evaluators/collectif-ensemble-contre-la-traite";

    private static EmbeddedPostgres postgres;
    private static PackagedService first;
    private static PackagedService second;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        first = PackagedService.start("first", postgres.getPort(), ADMIN_KEY);
        second = PackagedService.start("second", postgres.getPort(), ADMIN_KEY);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        PackagedService.stopAll(postgres, first, second);
    }

    @Test
    void aWriteThroughOneInstanceReachesTheOthersCache() throws Exception {
        first.awaitCacheInUse();
        second.awaitCacheInUse();
        String before = second.get(PATH).body();
        assertTrue(before.contains("Ensemble contre la traite"), before);

        renameBehindTheServicesBack("Renommé dans la base seulement");
        assertEquals(
                before,
                second.get(PATH).body(),
                "the second instance answers from its cache: a change no write announced does not show");

        String renamed = "{\"slug\":\"collectif-ensemble-contre-la-traite\",\"name\":\"Collectif renommé par le test\","
                + "\"shortName\":\"Collectif\",\"kind\":\"CIVIL_SOCIETY\",\"website\":\"https://contrelatraite.com\"}";
        var write = first.admin("PUT", PATH, renamed, Map.of("If-Match", "*"));
        assertEquals(200, write.statusCode(), write.body());

        String[] seen = {before};
        Await.until(
                "the second instance to answer the write made through the first",
                Await.GENEROUSLY,
                () -> (seen[0] = read(second)).contains("renommé par le test"),
                () -> "it still answers " + seen[0]);
    }

    private static void renameBehindTheServicesBack(String name) throws SQLException {
        try (Connection db = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
                var update = db.prepareStatement(
                        "update evaluator set name = ? where slug = 'collectif-ensemble-contre-la-traite'")) {
            update.setString(1, name);
            assertEquals(1, update.executeUpdate());
        }
    }

    private static String read(PackagedService instance) {
        try {
            return instance.get(PATH).body();
        } catch (IOException | InterruptedException e) {
            return e.toString();
        }
    }
}
