package org.planwatch.common.db;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;
import org.planwatch.common.problem.ApiException;

/**
 * The measures that take up ({@code continues}) measures about to be deleted. The foreign key would set their link to
 * null, a change to another plan's measure that no change-feed entry would show; the services refuse such a delete
 * instead (409), naming the measures whose {@code continues} to change first. A measure only takes up one of an
 * earlier plan, so these are never among the measures a delete removes.
 */
public final class TakenUp {

    private TakenUp() {}

    /**
     * Each measure whose target {@code t} meets {@code targetCondition} (SQL on the target measure, with one named
     * parameter {@code :target}), as "measure 2 of plan 2030-2033 continues measure 16 of plan 2019-2021".
     */
    public static List<String> measures(EntityManager em, String targetCondition, long target) {
        Query query = em.createNativeQuery("""
                select p.slug, m.number, tp.slug as target_plan, t.number as target_number
                from measure t
                join plan tp on tp.id = t.plan_id
                join measure m on m.continues_id = t.id
                join plan p on p.id = m.plan_id
                where %s
                order by p.slug, m.number
                """.formatted(targetCondition)).setParameter("target", target);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream()
                .map(row -> "measure " + row[1] + " of plan " + row[0] + " continues measure " + row[3] + " of plan "
                        + row[2])
                .toList();
    }

    /** A 409 when {@code takenUp} names measures: {@code what} (say "Axis 3 of plan 2019-2021") cannot be deleted. */
    public static void refuseDeleting(String what, List<String> takenUp) {
        if (!takenUp.isEmpty()) {
            throw new ApiException.Conflict(
                    what + " cannot be deleted, even with cascade=true, while later plans take it up: "
                            + String.join("; ", takenUp) + ". Change their continues first (PUT).");
        }
    }
}
