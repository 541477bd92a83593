package org.planwatch.domain;

/**
 * The API's addresses, built in this one place: the version is in the URL ({@value #V1}), and each resource has one
 * path, which the Location header, the change feed and the audit trail give as its name.
 */
public final class ApiPaths {

    public static final String V1 = "/api/v1";
    /** Every path of the API, as a route of the HTTP layer. */
    public static final String ALL = V1 + "/*";

    public static final String PLANS = V1 + "/plans";
    public static final String PLAN = PLANS + "/{plan}";
    public static final String EVALUATORS = V1 + "/evaluators";
    public static final String EVALUATION = V1 + "/evaluations/{id}";
    public static final String CHANGES = V1 + "/changes";
    public static final String AUDIT = V1 + "/audit";
    public static final String API_KEYS = V1 + "/api-keys";
    public static final String WEBHOOKS = V1 + "/webhooks";

    private ApiPaths() {}

    public static String plan(String slug) {
        return PLANS + "/" + slug;
    }

    public static String axis(String plan, int number) {
        return plan(plan) + "/axes/" + number;
    }

    public static String measure(String plan, int number) {
        return plan(plan) + "/measures/" + number;
    }

    public static String measuresCsv(String plan) {
        return plan(plan) + "/measures.csv";
    }

    public static String evaluations(String plan) {
        return plan(plan) + "/evaluations";
    }

    public static String evaluator(String slug) {
        return EVALUATORS + "/" + slug;
    }

    public static String evaluation(long id) {
        return V1 + "/evaluations/" + id;
    }

    public static String assessment(long evaluation, int measure) {
        return evaluation(evaluation) + "/assessments/" + measure;
    }

    public static String apiKey(long id) {
        return API_KEYS + "/" + id;
    }

    public static String webhook(long id) {
        return WEBHOOKS + "/" + id;
    }

    public static String webhookDeliveries(long id) {
        return webhook(id) + "/deliveries";
    }

    public static String webhookDelivery(long id, String message) {
        return webhookDeliveries(id) + "/" + message;
    }

    /** The SVG badge of a plan, axis or measure, at the resource's path. */
    public static String badge(String resource) {
        return resource + "/badge.svg";
    }
}
