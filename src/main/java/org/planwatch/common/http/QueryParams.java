package org.planwatch.common.http;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.planwatch.common.problem.ApiException;

/**
 * Parses query and path parameters itself, so that a bad value becomes a 400 that names the
 * parameter and what it accepts, rather than a framework's generic 404 or 400.
 */
public final class QueryParams {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    /** A repeatable filter takes at most this many values: more than there are statuses, fewer than would cost anything. */
    public static final int MAX_VALUES = 10;

    private QueryParams() {}

    public static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        Integer limit = parseInt(value);
        if (limit == null || limit < 1 || limit > MAX_LIMIT) {
            throw new ApiException.InvalidParameter(
                    "limit", "must be a whole number between 1 and " + MAX_LIMIT + " (got '" + value + "')");
        }
        return limit;
    }

    /** A positive whole number, such as an axis or measure number; null when absent. */
    public static Integer positiveNumber(String name, String value) {
        if (value == null) {
            return null;
        }
        Integer number = parseInt(value);
        if (number == null || number < 1) {
            throw new ApiException.InvalidParameter(name, "must be a positive whole number (got '" + value + "')");
        }
        return number;
    }

    /** Values of a repeatable enum parameter, each checked against the allowed ones. */
    public static <E extends Enum<E>> Set<E> enums(String name, List<String> values, Class<E> type) {
        if (values == null || values.isEmpty()) {
            return Set.of();
        }
        List<String> parts = values.stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .toList();
        if (parts.size() > MAX_VALUES) {
            throw new ApiException.InvalidParameter(
                    name, "takes at most " + MAX_VALUES + " values (got " + parts.size() + ")");
        }
        Set<E> result = new LinkedHashSet<>();
        for (String part : parts) {
            result.add(enumValue(name, part.trim(), type));
        }
        return result;
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        throw new ApiException.InvalidParameter(
                name, "has an unknown value '" + value + "'; allowed values: " + allowed);
    }

    /** A date as YYYY-MM-DD; null when absent. */
    public static LocalDate date(String name, String value) {
        if (value == null) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            date = null;
        }
        // PostgreSQL's dates have no year 0, and four digits are what the contract documents
        if (date == null || date.getYear() < 1 || date.getYear() > 9999) {
            throw new ApiException.InvalidParameter(
                    name, "must be a date as YYYY-MM-DD, from 0001-01-01 to 9999-12-31 (got '" + value + "')");
        }
        return date;
    }

    /** {@code true} or {@code false}; null when absent. */
    public static Boolean bool(String name, String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new ApiException.InvalidParameter(name, "must be true or false (got '" + value + "')");
        };
    }

    public static String text(String name, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw new ApiException.InvalidParameter(name, "must be at most " + maxLength + " characters long");
        }
        return value.strip();
    }

    /** A plan's slug, its period (the database checks the same). */
    public static final String PLAN_SLUG = "[0-9]{4}-[0-9]{4}";
    /** An evaluator's slug (the database checks the same). */
    public static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";

    public static final int SLUG_MAX_LENGTH = 60;

    /** A plan named by its period, as in its address (YYYY-YYYY); null when absent. */
    public static String planSlug(String name, String value) {
        String slug = text(name, value, 9);
        if (slug != null && !slug.matches(PLAN_SLUG)) {
            throw new ApiException.InvalidParameter(name, "must be a plan's period as YYYY-YYYY (got '" + slug + "')");
        }
        return slug;
    }

    /** An evaluator's slug: lowercase letters and digits in words joined by hyphens, at most 60; null when absent. */
    public static String slug(String name, String value) {
        String slug = text(name, value, SLUG_MAX_LENGTH);
        if (slug != null && !slug.matches(SLUG)) {
            throw new ApiException.InvalidParameter(
                    name, "must be a slug: lowercase letters and digits, words joined by hyphens");
        }
        return slug;
    }

    private static Integer parseInt(String value) {
        if (value == null || !value.matches("[0-9]{1,9}")) {
            return null;
        }
        return Integer.valueOf(value);
    }
}
