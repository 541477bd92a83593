package org.planwatch.history;

/**
 * Who makes the current write, and with which request, as the audit trail and idempotency keys record them.
 * The security folder provides it: the history reads neither the HTTP request nor the security identity itself.
 */
public interface Author {

    /** The API key's id; null for the administrator key given in the configuration. */
    Long keyId();

    /** The API key's name. */
    String name();

    /** ADMIN, EVALUATOR or ANONYMOUS. */
    String role();

    /** A name for this caller that stays the same across requests, for idempotency keys. */
    String stableId();

    /** The request's method, such as POST. */
    String method();

    /** The request's path. */
    String path();
}
