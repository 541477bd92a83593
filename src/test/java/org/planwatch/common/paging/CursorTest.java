package org.planwatch.common.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.planwatch.common.problem.ApiException;

/** Cursors are opaque tokens that only this API issues: plain JUnit, no Quarkus. */
class CursorTest {

    @Test
    void aCursorGivesBackTheKeyItWasMadeOf() {
        for (String key : List.of("20", "2023-01-12|7", "2019-2021", "é|ü")) {
            String cursor = Cursor.encode(key);
            assertEquals(key, Cursor.decode(cursor));
            assertEquals(true, cursor.matches("[A-Za-z0-9_-]+"), "URL-safe, without padding: " + cursor);
        }
    }

    @Test
    void noCursorIsTheFirstPage() {
        assertNull(Cursor.decode(null));
        assertEquals(0, Cursor.decodeNumber(null));
        assertEquals(45, Cursor.decodeNumber(Cursor.encode("45")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "!!", "MjA", "djI6MjA"})
    void aCursorThisApiDidNotIssueIsA400NamingTheParameter(String cursor) {
        ApiException e = assertThrows(ApiException.class, () -> Cursor.decode(cursor));
        assertEquals(400, e.status());
        assertEquals("cursor", e.errors().get(0).field());
    }

    @Test
    void aNumberedCursorHoldsAWholeNumber() {
        assertThrows(ApiException.class, () -> Cursor.decodeNumber(Cursor.encode("abc")));
        assertThrows(ApiException.class, () -> Cursor.decodeNumber(Cursor.encode("99999999999")));
    }

    @Test
    void aPageFetchedWithOneRowMoreHasACursorAfterItsLastRow() {
        Page<Integer> page = Page.of(List.of(1, 2, 3), 2, String::valueOf);
        assertEquals(List.of(1, 2), page.items());
        assertEquals("2", Cursor.decode(page.nextCursor()));
        assertNull(Page.of(List.of(1, 2), 2, String::valueOf).nextCursor());
    }
}
