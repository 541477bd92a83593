package org.planwatch.common.db;

import java.sql.Date;
import java.time.LocalDate;

/** Reads the columns of native SQL results, whose Java types depend on the JDBC driver. */
public final class Rows {

    private Rows() {}

    public static int intValue(Object value) {
        return ((Number) value).intValue();
    }

    public static Long longValue(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    public static LocalDate date(Object value) {
        if (value == null || value instanceof LocalDate) {
            return (LocalDate) value;
        }
        return ((Date) value).toLocalDate();
    }
}
