package org.planwatch.domain;

/** What an API key may do. */
public enum Role {
    /** Everything, including managing API keys. */
    ADMIN,
    /** Only the evaluations, and their assessments, of the one evaluator the key belongs to. */
    EVALUATOR,
    /** Only its own webhook subscriptions: the key an administrator gives an association whose site is told of changes. */
    SUBSCRIBER;

    /** The role name used in {@code @RolesAllowed}. */
    public String roleName() {
        return name().toLowerCase();
    }

    public static final String ADMIN_ROLE = "admin";
    public static final String EVALUATOR_ROLE = "evaluator";
    public static final String SUBSCRIBER_ROLE = "subscriber";
}
