package org.planwatch;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Requests as a given caller, and the reads the write tests need around their writes. */
public final class Api {

    /** The administrator key of the test profile (%test.planwatch.admin-key). */
    public static final String ADMIN_KEY = "test-admin-key-that-is-only-used-by-the-test-suite";

    private Api() {}

    public static RequestSpecification admin() {
        return as(ADMIN_KEY);
    }

    public static RequestSpecification as(String key) {
        return given().header("Authorization", "Bearer " + key);
    }

    /** A JSON body (a Map or List serialises as JSON). */
    public static RequestSpecification json(RequestSpecification request, Object body) {
        return request.contentType(ContentType.JSON).body(body);
    }

    /**
     * A CSV body sent as UTF-8 bytes under plain {@code text/csv}: RestAssured would otherwise add
     * {@code charset=ISO-8859-1} and encode the text that way.
     */
    public static RequestSpecification csv(RequestSpecification request, String text) {
        return csv(request, text.getBytes(StandardCharsets.UTF_8));
    }

    public static RequestSpecification csv(RequestSpecification request, byte[] bytes) {
        return request.config(RestAssured.config()
                        .encoderConfig(EncoderConfig.encoderConfig()
                                .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType("text/csv")
                .body(bytes);
    }

    /** The current ETag of a resource, from a GET of it. */
    public static String etag(String path) {
        return given().get(path).then().statusCode(200).extract().header("ETag");
    }

    /** The JSON of a GET answer, as maps and lists, for before/after comparisons. */
    public static Object read(String path) {
        Response response = given().get(path);
        response.then().statusCode(200);
        return response.jsonPath().get("$");
    }

    public static Map<String, Object> readMap(String path) {
        return given().get(path).then().statusCode(200).extract().jsonPath().getMap("$");
    }

    /** Every item of a list, following nextCursor (limit 200). */
    public static List<Map<String, Object>> all(RequestSpecification request, String path) {
        List<Map<String, Object>> items = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification page = given().spec(request).queryParam("limit", 200);
            if (cursor != null) {
                page.queryParam("cursor", cursor);
            }
            JsonPath json = page.get(path).then().statusCode(200).extract().jsonPath();
            items.addAll(json.getList("items"));
            cursor = json.getString("nextCursor");
        } while (cursor != null);
        return items;
    }

    public static List<Map<String, Object>> all(String path) {
        return all(given(), path);
    }
}
