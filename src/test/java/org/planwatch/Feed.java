package org.planwatch;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reading the change feed the way a syncing client does: remember where it ends, act, then read
 * what came after. Other tests write too, so a test never reads the feed from its start.
 */
public final class Feed {

    private Feed() {}

    /** The resumeCursor at the current end of the feed (of one plan, or of everything when plan is null). */
    public static String end(String plan) {
        String since = null;
        while (true) {
            JsonPath page = page(since, plan, 200);
            String next = page.getString("nextCursor");
            if (next == null) {
                return page.getString("resumeCursor");
            }
            since = next;
        }
    }

    /** Every change after the cursor, following nextCursor. */
    public static List<Map<String, Object>> since(String cursor, String plan) {
        List<Map<String, Object>> items = new ArrayList<>();
        String since = cursor;
        while (true) {
            JsonPath page = page(since, plan, 200);
            items.addAll(page.getList("items"));
            String next = page.getString("nextCursor");
            if (next == null) {
                return items;
            }
            since = next;
        }
    }

    public static JsonPath page(String since, String plan, int limit) {
        RequestSpecification request = given().queryParam("limit", limit);
        if (since != null) {
            request.queryParam("since", since);
        }
        if (plan != null) {
            request.queryParam("plan", plan);
        }
        return request.get("/api/v1/changes").then().statusCode(200).extract().jsonPath();
    }
}
