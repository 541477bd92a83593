package org.planwatch.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.planwatch.PackagedService;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two instances of the packaged service on one PostgreSQL: a write through one is visible through
 * the other, whose answer was in its cache, within one second.
 */
class TwoInstancesIT {

    private static final String ADMIN_KEY = "two-instances-admin-key";

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
    void aWriteThroughOneInstanceIsVisibleThroughTheOtherWithinOneSecond() throws Exception {
        String path = "/api/v1/evaluators/collectif-ensemble-contre-la-traite";
        var before = second.get(path);
        assertEquals(200, before.statusCode());
        assertEquals(before.body(), second.get(path).body(), "the second read comes from the second instance's cache");

        String etag = first.get(path).headers().firstValue("ETag").orElseThrow();
        String renamed = "{\"slug\":\"collectif-ensemble-contre-la-traite\",\"name\":\"Collectif renommé par le test\","
                + "\"shortName\":\"Collectif\",\"kind\":\"CIVIL_SOCIETY\",\"website\":\"https://contrelatraite.com\"}";
        var write = first.admin("PUT", path, renamed, Map.of("If-Match", etag));
        assertEquals(200, write.statusCode(), write.body());
        long written = System.nanoTime();

        long deadline = written + Duration.ofSeconds(1).toNanos();
        String seen = second.get(path).body();
        while (!seen.contains("renommé par le test") && System.nanoTime() < deadline) {
            seen = second.get(path).body();
        }
        assertTrue(seen.contains("renommé par le test"), "the second instance still answers the old data one second after the write: " + seen);
    }
}
