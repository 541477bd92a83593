package org.planwatch.common.http;

/**
 * How the parameters that many operations share are documented in the contract, in one place: their descriptions
 * and examples (what each accepts is checked by {@link QueryParams} and documented by the OpenAPI filter).
 */
public final class Params {

    public static final String LIMIT = "Page size, 1 to " + QueryParams.MAX_LIMIT + ".";
    public static final String LIMIT_EXAMPLE = "50";
    public static final String CURSOR = "The `nextCursor` of the previous page.";
    public static final String PLAN = "The plan's period.";
    public static final String PLAN_EXAMPLE = "2019-2021";
    public static final String AS_OF =
            "The state of knowledge on this date (YYYY-MM-DD): evaluations dated after it are ignored.";
    public static final String AS_OF_EXAMPLE = "2023-06-30";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String CASCADE = "cascade";

    private Params() {}
}
