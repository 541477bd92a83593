package org.planwatch.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a measure is due: a day ("2025-06-30"), a month ("2025-06") or a year ("2025", a plan's "d'ici 2025"), kept
 * with its precision so that it is shown as it was written. It is past once its last day is.
 */
public record DueBy(LocalDate lastDay, Precision precision) {

    public enum Precision {
        DAY,
        MONTH,
        YEAR
    }

    /** What a dueBy may be, for the 422 that refuses one. */
    public static final String EXPECTED = "must be a date YYYY-MM-DD, a month YYYY-MM or a year YYYY";

    private static final Pattern FORMAT = Pattern.compile("([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?");

    /** The dueBy as written; an {@link IllegalArgumentException} saying why when it is not one. */
    public static DueBy parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(EXPECTED + " (got '" + text + "')");
        }
        try {
            int year = Integer.parseInt(m.group(1));
            if (year < 1900 || year > 2200) {
                throw new DateTimeException("year out of range");
            }
            if (m.group(2) == null) {
                return new DueBy(Year.of(year).atDay(Year.of(year).length()), Precision.YEAR);
            }
            YearMonth month = YearMonth.of(year, Integer.parseInt(m.group(2)));
            if (m.group(3) == null) {
                return new DueBy(month.atEndOfMonth(), Precision.MONTH);
            }
            return new DueBy(month.atDay(Integer.parseInt(m.group(3))), Precision.DAY);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(EXPECTED + " that exists, between 1900 and 2200 (got '" + text + "')");
        }
    }

    /** Read back from the database's columns; null when the measure has no deadline. */
    public static DueBy of(LocalDate lastDay, String precision) {
        return lastDay == null ? null : new DueBy(lastDay, Precision.valueOf(precision));
    }

    /** As written: "2025", "2025-06" or "2025-06-30". */
    public String text() {
        return switch (precision) {
            case YEAR -> Integer.toString(lastDay.getYear());
            case MONTH -> YearMonth.from(lastDay).toString();
            case DAY -> lastDay.toString();
        };
    }

    /**
     * Whether a measure due by {@code lastDay} (null: it has no deadline) with this status is overdue on {@code day}:
     * its deadline has passed and it is not implemented. The reads work it out from the rows they read; the measure
     * list's filter says the same in SQL ({@code StatusJoin.OVERDUE}).
     */
    public static boolean overdue(LocalDate lastDay, Status status, LocalDate day) {
        return lastDay != null && lastDay.isBefore(day) && status != Status.IMPLEMENTED;
    }
}
