package org.planwatch.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A deadline as a plan writes it, and when a measure is overdue: plain JUnit, no Quarkus. */
class DueByTest {

    @ParameterizedTest
    @CsvSource({"2025, 2025-12-31, YEAR", "2024-02, 2024-02-29, MONTH", "2025-06-30, 2025-06-30, DAY"})
    void aDeadlineIsKeptAsItsLastDayAndShownAsWritten(String written, LocalDate lastDay, DueBy.Precision precision) {
        DueBy dueBy = DueBy.parse(written);
        assertEquals(lastDay, dueBy.lastDay());
        assertEquals(precision, dueBy.precision());
        assertEquals(written, dueBy.text());
        assertEquals(dueBy, DueBy.of(lastDay, precision.name()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "25", "2025-13", "2025-02-30", "1899", "2201", "d'ici 2025", "2025/06"})
    void whatIsNotADeadlineIsRefusedSayingWhatIsExpected(String written) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DueBy.parse(written));
        assertTrue(e.getMessage().startsWith(DueBy.EXPECTED), e.getMessage());
    }

    @ParameterizedTest(name = "due by {0}, {1}, on {2}: overdue {3}")
    @CsvSource({
        // past its last day and not implemented
        "2025-12-31, NOT_IMPLEMENTED,       2026-01-01, true",
        "2025-12-31, NOT_ASSESSED,          2026-01-01, true",
        "2025-12-31, PARTIALLY_IMPLEMENTED, 2026-01-01, true",
        // on its last day it is not late yet
        "2025-12-31, NOT_IMPLEMENTED,       2025-12-31, false",
        // implemented, it is never late
        "2025-12-31, IMPLEMENTED,           2026-01-01, false",
        // without a deadline it cannot be late
        ",           NOT_IMPLEMENTED,       2026-01-01, false"
    })
    void aMeasureIsOverdueOnceItsLastDayHasPassedUnlessImplemented(
            LocalDate lastDay, Status status, LocalDate day, boolean overdue) {
        assertEquals(overdue, DueBy.overdue(lastDay, status, day));
    }
}
