package org.planwatch.axis;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.planwatch.common.db.TakenUp;
import org.planwatch.plan.Plan;

@ApplicationScoped
public class AxisRepository implements PanacheRepository<Axis> {

    public Optional<Axis> findByNumber(Plan plan, int number) {
        return find("plan = ?1 and number = ?2", plan, number).firstResultOptional();
    }

    /** The numbers of a plan's axes, in order. */
    public List<Integer> numbers(long planId) {
        return getEntityManager()
                .createQuery("select a.number from Axis a where a.plan.id = :plan order by a.number", Integer.class)
                .setParameter("plan", planId)
                .getResultList();
    }

    /** The measures of later plans that take up measures of this axis (see {@link TakenUp}). */
    public List<String> takenUp(Axis axis) {
        return TakenUp.measures(getEntityManager(), "t.axis_id = :target", axis.id);
    }

    /** Deletes the axis with its measures and their assessments (bulk deletes, see PlanRepository.deleteWithEverything). */
    public void deleteWithMeasures(Axis axis) {
        getEntityManager()
                .createQuery(
                        "delete from Assessment a where a.measure.id in (select m.id from Measure m where m.axis = :axis)")
                .setParameter("axis", axis)
                .executeUpdate();
        getEntityManager()
                .createQuery("delete from Measure m where m.axis = :axis")
                .setParameter("axis", axis)
                .executeUpdate();
        getEntityManager()
                .createQuery("delete from Axis a where a.id = :id")
                .setParameter("id", axis.id)
                .executeUpdate();
    }
}
