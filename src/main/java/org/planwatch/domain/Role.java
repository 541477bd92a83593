package org.planwatch.domain;

/** What an API key may do. */
public enum Role {
    /** Everything, including managing API keys. */
    ADMIN,
    /** Only the evaluations, and their assessments, of the one evaluator the key belongs to. */
    EVALUATOR;

    /** The role name used in {@code @RolesAllowed}. */
    public String roleName() {
        return name().toLowerCase();
    }

    public static final String ADMIN_ROLE = "admin";
    public static final String EVALUATOR_ROLE = "evaluator";
}
