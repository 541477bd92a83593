package org.planwatch;

import static org.planwatch.Api.admin;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A position in the audit trail (read with the administrator key), to list the entries written
 * after it. The trail is shared by every test, so tests only look at what follows their mark.
 */
public final class AuditTrail {

    private final String lastPageCursor;
    private final long lastId;

    private AuditTrail(String lastPageCursor, long lastId) {
        this.lastPageCursor = lastPageCursor;
        this.lastId = lastId;
    }

    /**
     * Where the last page started when the trail was last read: the trail only grows, so the next mark
     * can start reading there instead of at the beginning.
     */
    private static String knownLastPage;

    /** Marks the current end of the trail. */
    public static synchronized AuditTrail mark() {
        String cursor = knownLastPage;
        long last = 0;
        while (true) {
            JsonPath page = page(cursor);
            List<Long> ids = page.getList("items.id", Long.class);
            if (!ids.isEmpty()) {
                last = ids.get(ids.size() - 1);
            }
            String next = page.getString("nextCursor");
            if (next == null) {
                knownLastPage = cursor;
                return new AuditTrail(cursor, last);
            }
            cursor = next;
        }
    }

    /** The entries written since the mark, oldest first. */
    public List<Map<String, Object>> entriesSince() {
        List<Map<String, Object>> entries = new ArrayList<>();
        String cursor = lastPageCursor;
        while (true) {
            JsonPath page = page(cursor);
            for (Map<String, Object> entry : page.<Map<String, Object>>getList("items")) {
                if (((Number) entry.get("id")).longValue() > lastId) {
                    entries.add(entry);
                }
            }
            String next = page.getString("nextCursor");
            if (next == null) {
                return entries;
            }
            cursor = next;
        }
    }

    private static JsonPath page(String cursor) {
        RequestSpecification request = admin().queryParam("limit", 200);
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        return request.get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
    }
}
