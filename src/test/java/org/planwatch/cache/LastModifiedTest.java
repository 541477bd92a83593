package org.planwatch.cache;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.planwatch.ManualClock;

/**
 * What is overdue turns with the date, not only with the data: an answer's Last-Modified is the start of the day when
 * that is later than the last write, so that a client revalidating by date alone sees the day's new answer.
 */
@QuarkusTest
@TestProfile(LastModifiedTest.Manual.class)
class LastModifiedTest {

    public static class Manual implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(ManualClock.class);
        }
    }

    private static final String MEASURES = "/api/v1/plans/2019-2021/measures";

    @Inject
    ManualClock clock;

    @Test
    void lastModifiedMovesToTheStartOfEachDayTheClockReaches() {
        // the clock starts at 2030-01-01T00:00:00Z, after any write this suite makes
        assertEquals("Tue, 1 Jan 2030 00:00:00 GMT", given().get(MEASURES).header("Last-Modified"));
        clock.advance(Duration.ofHours(23));
        assertEquals("Tue, 1 Jan 2030 00:00:00 GMT", given().get(MEASURES).header("Last-Modified"));
        clock.advance(Duration.ofHours(1));
        assertEquals("Wed, 2 Jan 2030 00:00:00 GMT", given().get(MEASURES).header("Last-Modified"));
    }
}
