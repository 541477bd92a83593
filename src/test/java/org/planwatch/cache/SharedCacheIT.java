package org.planwatch.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.planwatch.PackagedService;
import org.planwatch.SharedCache;
import org.planwatch.SharedCache.Answer;

/**
 * The packaged service behind a real shared cache (nginx's proxy_cache, see {@link SharedCache}): clients asking one
 * address for different representations (JSON or CSV, French or English, gzip or not, from one site or another) each get
 * their own, the cache serves repeated identical requests itself, and after a write the cache serves the previous answer
 * only while it is fresh by the max-age the service sent, then revalidates it. Skipped when nginx is not installed
 * (apt-get install nginx; CI installs it).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedCacheIT {

    private static final String ADMIN_KEY = "shared-cache-admin-key";
    private static final String MEASURES = "/api/v1/plans/2019-2021/measures";
    private static final String EMBED = "/embed/progress?plan=2019-2021";
    private static final Pattern MAX_AGE = Pattern.compile("max-age=(\\d+)");
    /** What a cache may say it did without serving an answer it knows to be stale. */
    private static final Set<String> NEVER_STALE = Set.of("MISS", "HIT", "EXPIRED", "REVALIDATED");

    private static EmbeddedPostgres postgres;
    private static PackagedService service;
    private static SharedCache cache;

    @BeforeAll
    static void startTheServiceBehindNginx() throws Exception {
        Assumptions.assumeTrue(
                SharedCache.installed(),
                "Shared cache test skipped: " + SharedCache.NGINX + " is absent (apt-get install nginx)");
        postgres = EmbeddedPostgres.builder().start();
        // badges, embeds and the feed are fresh for 5 minutes by default: as long as API answers here, so that the test
        // sees them all go stale in one wait
        service = PackagedService.start(
                "behind-a-shared-cache",
                postgres.getPort(),
                ADMIN_KEY,
                Map.of("PLANWATCH_CACHE_EMBEDDED_MAX_AGE", "30S"));
        cache = SharedCache.start(Path.of("target", "shared-cache-it"), service.port());
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (cache != null) {
            cache.close();
        }
        PackagedService.stopAll(postgres, service);
    }

    @Test
    @Order(1)
    void jsonAndCsvClientsEachGetTheirOwn() throws Exception {
        for (String path : List.of(MEASURES, "/api/v1/evaluations/1")) {
            Answer csv = firstThenHit(path, "Accept", "text/csv");
            assertTrue(
                    csv.header("Content-Type").startsWith("text/csv"), path + " as CSV: " + csv.header("Content-Type"));
            Answer json = firstThenHit(path, "Accept", "application/json");
            assertTrue(
                    json.header("Content-Type").startsWith("application/json"),
                    path + " as JSON after the CSV was cached: " + json.header("Content-Type"));
            Answer noAccept = firstThenHit(path);
            assertTrue(
                    noAccept.header("Content-Type").startsWith("application/json"),
                    path + " without Accept: " + noAccept.header("Content-Type"));
            // each stays cached beside the others
            assertEquals(csv.body(), hit(path, "Accept", "text/csv").body());
            assertEquals(json.body(), hit(path, "Accept", "application/json").body());
            assertEquals("Accept, Accept-Encoding, Origin", csv.header("Vary"));
        }
    }

    @Test
    @Order(2)
    void gzipAndIdentityClientsEachGetTheirOwn() throws Exception {
        for (String path : List.of(
                "/api/v1/plans/2019-2021/progress",
                MEASURES + "?axis=3",
                "/api/v1/plans/2019-2021/measures.csv",
                EMBED + "&lang=fr",
                "/api/v1/plans/2019-2021/badge.svg",
                "/feeds/changes.atom")) {
            Answer gzip = firstThenHit(path, "Accept-Encoding", "gzip");
            assertEquals("gzip", gzip.header("Content-Encoding"), path);
            Answer identity = firstThenHit(path, "Accept-Encoding", "identity");
            assertNull(
                    identity.header("Content-Encoding"),
                    path + " to a client that takes no gzip, after the gzip was cached");
            Answer none = firstThenHit(path);
            assertNull(none.header("Content-Encoding"), path + " to a client that sends no Accept-Encoding");
            assertEquals(gzip.body(), identity.body(), path + ": the same content in both encodings");
            assertEquals("gzip", hit(path, "Accept-Encoding", "gzip").header("Content-Encoding"), path);
        }
    }

    @Test
    @Order(3)
    void embedsComeInEachClientsLanguage() throws Exception {
        for (String path :
                List.of(EMBED, "/embed/measures?plan=2019-2021&axis=3", "/embed/measure?plan=2019-2021&number=16")) {
            Answer english = firstThenHit(path, "Accept-Language", "en-GB,en;q=0.9");
            assertTrue(english.body().contains("<html lang=\"en\""), path + " in English");
            Answer french = firstThenHit(path, "Accept-Language", "fr-FR,fr;q=0.9");
            assertTrue(french.body().contains("<html lang=\"fr\""), path + " in French, after the English was cached");
            assertTrue(
                    hit(path, "Accept-Language", "en-GB,en;q=0.9").body().contains("<html lang=\"en\""),
                    path + " in English again");
            assertEquals("Accept-Encoding, Accept-Language, Origin", french.header("Vary"));
            // the URL names the language: the same copy for every visitor
            Answer named = firstThenHit(path + "&lang=en", "Accept-Language", "fr");
            assertTrue(named.body().contains("<html lang=\"en\""), path + "&lang=en");
            assertEquals("Accept-Encoding, Origin", named.header("Vary"));
        }
    }

    /** Pages are no-cache (they show the latest data): the cache asks every time, and every visitor gets their language. */
    @Test
    @Order(4)
    void pagesComeInEachVisitorsLanguage() throws Exception {
        Map<String[], String> visitors = new LinkedHashMap<>(); // request headers, then the language they must get
        visitors.put(new String[] {"Accept-Language", "fr"}, "fr");
        visitors.put(new String[] {"Accept-Language", "en"}, "en");
        visitors.put(new String[] {"Cookie", "planwatch-lang=en", "Accept-Language", "fr"}, "en");
        visitors.put(new String[] {"Cookie", "planwatch-lang=fr", "Accept-Language", "en"}, "fr");
        for (String path : List.of("/plans/2019-2021", "/plans/2019-2021/measures/16", "/")) {
            for (int round = 0; round < 2; round++) {
                for (var visitor : visitors.entrySet()) {
                    Answer page = cache.get(path, visitor.getKey());
                    String who = path + " for " + Arrays.toString(visitor.getKey());
                    assertEquals(200, page.status(), who);
                    assertTrue(page.body().contains("<html lang=\"" + visitor.getValue() + "\""), who);
                    assertNotEquals("HIT", page.cacheStatus(), who);
                    assertEquals("Accept-Encoding, Accept-Language, Cookie, Origin", single(page, "Vary"), who);
                }
            }
        }
    }

    @Test
    @Order(5)
    void eachOriginGetsItsOwnCorsAnswer() throws Exception {
        for (String path : List.of(
                "/api/v1/plans",
                MEASURES + "?axis=2",
                "/api/v1/plans/2019-2021/axes/3/badge.svg",
                EMBED + "&lang=en&theme=dark")) {
            Answer one = firstThenHit(path, "Origin", "https://one.example");
            assertEquals("https://one.example", one.header("Access-Control-Allow-Origin"), path);
            Answer two = firstThenHit(path, "Origin", "https://two.example");
            assertEquals(
                    "https://two.example",
                    two.header("Access-Control-Allow-Origin"),
                    path + " from another site, after the first was cached");
            Answer none = firstThenHit(path);
            assertNull(none.header("Access-Control-Allow-Origin"), path + " without Origin");
            assertEquals(
                    "https://one.example",
                    hit(path, "Origin", "https://one.example").header("Access-Control-Allow-Origin"),
                    path);
        }
    }

    /**
     * After a write, a client may get the previous answer only from the cache while it is fresh (a HIT, by the max-age the
     * service sent: the configuration sets no validity of its own); once stale, the cache asks the service and every
     * client gets the new answer, or the same one revalidated where nothing changed. No answer is ever served stale.
     */
    @Test
    @Order(6)
    void afterAWriteTheCacheServesThePreviousAnswerOnlyWhileFresh() throws Exception {
        // addresses the other tests did not put in the cache
        String list = MEASURES + "?limit=100";
        String embed = EMBED + "&layout=compact";
        Map<String, String[]> clients = new LinkedHashMap<>();
        clients.put("JSON", new String[] {list});
        clients.put("JSON, gzip", new String[] {list, "Accept-Encoding", "gzip"});
        clients.put("CSV", new String[] {list, "Accept", "text/csv"});
        clients.put("CSV, gzip", new String[] {list, "Accept", "text/csv", "Accept-Encoding", "gzip"});
        clients.put("measure from one site", new String[] {MEASURES + "/16", "Origin", "https://one.example"});
        clients.put("measure from another", new String[] {MEASURES + "/16", "Origin", "https://two.example"});
        clients.put("embed in French", new String[] {embed, "Accept-Language", "fr"});
        clients.put("embed in English", new String[] {embed, "Accept-Language", "en"});
        clients.put("badge", new String[] {"/api/v1/plans/2019-2021/measures/16/badge.svg"});
        clients.put("feed", new String[] {"/feeds/changes.atom?plan=2019-2021"});
        String unchanged = "another measure";
        clients.put(unchanged, new String[] {MEASURES + "/1", "Accept-Encoding", "gzip"});

        Map<String, String> before = new LinkedHashMap<>();
        long longestMaxAge = 0;
        for (var client : clients.entrySet()) {
            String[] request = client.getValue();
            Answer fresh = firstThenHit(request[0], rest(request));
            before.put(client.getKey(), fresh.body());
            Matcher maxAge = MAX_AGE.matcher(String.valueOf(fresh.header("Cache-Control")));
            assertTrue(maxAge.find(), client.getKey() + ": Cache-Control " + fresh.header("Cache-Control"));
            longestMaxAge = Math.max(longestMaxAge, Long.parseLong(maxAge.group(1)));
        }

        var write = service.admin(
                "POST",
                "/api/v1/plans/2019-2021/evaluations",
                "{\"evaluator\":\"collectif-ensemble-contre-la-traite\","
                        + "\"title\":\"Évaluation du test du cache partagé\",\"date\":\"2030-01-01\",\"source\":{\"title\":\"Rapport\","
                        + "\"url\":\"https://example.org/rapport\"},\"assessments\":[{\"measure\":16,\"status\":\"IMPLEMENTED\"}]}",
                Map.of());
        assertEquals(201, write.statusCode(), write.body());

        Map<String, String> after = new LinkedHashMap<>();
        for (var client : clients.entrySet()) {
            String[] request = client.getValue();
            after.put(
                    client.getKey(),
                    SharedCache.direct(service.port(), request[0], rest(request))
                            .body());
            if (client.getKey().equals(unchanged)) {
                assertEquals(before.get(unchanged), after.get(unchanged), "the write does not change " + unchanged);
            } else {
                assertNotEquals(
                        before.get(client.getKey()),
                        after.get(client.getKey()),
                        "the write changes " + client.getKey());
            }
        }

        // Poll until every client has the new answer; the bound is generous, the assertions are on what the cache did.
        long deadline = System.nanoTime() + (longestMaxAge + 90) * 1_000_000_000L;
        Map<String, String> refreshedBy = new LinkedHashMap<>();
        List<String> seen = new ArrayList<>();
        while (refreshedBy.size() < clients.size() && System.nanoTime() < deadline) {
            for (var client : clients.entrySet()) {
                String name = client.getKey();
                String[] request = client.getValue();
                Answer answer = cache.get(request[0], rest(request));
                String status = answer.cacheStatus();
                seen.add(name + ": " + status);
                assertEquals(200, answer.status(), name);
                assertTrue(NEVER_STALE.contains(status), name + ": the cache served a stale answer (" + status + ")");
                boolean isNew = answer.body().equals(after.get(name));
                boolean isOld = answer.body().equals(before.get(name));
                assertTrue(isNew || isOld, name + ": an answer that is neither the previous nor the current one");
                if (refreshedBy.containsKey(name)) {
                    assertTrue(isNew, name + ": the previous answer came back after the new one");
                } else if (!"HIT".equals(status)) {
                    // the cached answer was stale: the cache asked the service, which answered the current data
                    assertTrue(isNew, name + ": " + status + " with the previous answer");
                    refreshedBy.put(name, status);
                } else if (isNew && !isOld) {
                    throw new AssertionError(name + ": a HIT with the new answer before the cached one went stale");
                }
            }
            Thread.sleep(250); // polling interval, not a measure of anything
        }
        assertEquals(
                clients.keySet(),
                refreshedBy.keySet(),
                "clients still served the previous answer " + (longestMaxAge + 90) + " s after the write (max-age "
                        + longestMaxAge + " s): " + tail(seen) + cache.log());
        assertEquals(
                "REVALIDATED",
                refreshedBy.get(unchanged),
                "unchanged, " + unchanged + " is revalidated with its ETag (a 304), not fetched again");
        for (String name : clients.keySet()) {
            if (!name.equals(unchanged)) {
                assertEquals("EXPIRED", refreshedBy.get(name), name + ": refreshed from the service once stale");
            }
            String[] request = clients.get(name);
            Answer again = cache.get(request[0], rest(request));
            assertEquals("HIT", again.cacheStatus(), name + ": the refreshed answer is cached again");
            assertEquals(after.get(name), again.body(), name);
        }
    }

    /**
     * The first request for a representation goes to the service (the cache has no copy for these request headers),
     * the same request again is a HIT with the same answer; both in one Vary line.
     */
    private static Answer firstThenHit(String path, String... headers) throws Exception {
        Answer first = cache.get(path, headers);
        assertEquals(200, first.status(), path + " " + Arrays.toString(headers) + ": " + first.body());
        assertNotEquals(
                "HIT", first.cacheStatus(), path + " " + Arrays.toString(headers) + " came from another client's copy");
        Answer direct = SharedCache.direct(service.port(), path, headers);
        assertEquals(direct.body(), first.body(), path + " " + Arrays.toString(headers) + ": what the service answers");
        assertEquals(
                direct.header("Content-Type"), first.header("Content-Type"), path + " " + Arrays.toString(headers));
        single(first, "Vary");
        Answer second = hit(path, headers);
        assertEquals(first.body(), second.body(), path + " " + Arrays.toString(headers));
        assertEquals(first.header("Content-Type"), second.header("Content-Type"));
        assertEquals(first.header("Vary"), second.header("Vary"));
        return first;
    }

    private static Answer hit(String path, String... headers) throws Exception {
        Answer answer = cache.get(path, headers);
        assertEquals(200, answer.status(), path);
        assertEquals(
                "HIT",
                answer.cacheStatus(),
                path + " " + Arrays.toString(headers) + ": the cache did not serve its copy");
        return answer;
    }

    private static String single(Answer answer, String header) {
        List<String> lines = answer.headers(header);
        assertEquals(1, lines.size(), "one " + header + " line, not " + lines);
        assertFalse(lines.get(0).isBlank());
        return lines.get(0);
    }

    private static String[] rest(String[] request) {
        return Arrays.copyOfRange(request, 1, request.length);
    }

    private static String tail(List<String> seen) {
        return String.join("\n", seen.subList(Math.max(0, seen.size() - 30), seen.size()));
    }
}
