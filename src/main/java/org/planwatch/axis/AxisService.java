package org.planwatch.axis;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.planwatch.common.problem.ApiException;
import org.planwatch.common.http.ETags;
import org.planwatch.common.problem.Problem;
import org.planwatch.domain.StatusBasis;
import org.planwatch.history.Change;
import org.planwatch.history.History;
import org.planwatch.plan.Plan;
import org.planwatch.plan.PlanRepository;
import org.planwatch.domain.AxisProgress;
import org.planwatch.progress.ProgressRepository;

/** An axis' representation, and writing axes. */
@ApplicationScoped
public class AxisService {

    @Inject
    PlanRepository plans;
    @Inject
    AxisRepository axes;
    @Inject
    ProgressRepository progress;
    @Inject
    History history;
    @Inject
    ETags etags;
    @Inject
    EntityManager em;

    public AxisProgress view(Plan plan, int number, StatusBasis basis) {
        return progress.axes(plan.id, basis).stream()
                .filter(a -> a.number() == number)
                .findFirst()
                .orElseThrow(() -> new ApiException.NotFound("Plan " + plan.slug + " has no axis " + number + "."));
    }

    @Transactional
    public AxisProgress create(String planSlug, AxisInput input) {
        history.lock();
        Plan plan = plans.require(planSlug);
        History.Write write = history.begin(plan.slug);
        if (axes.findByNumber(plan, input.number()).isPresent()) {
            throw new ApiException.Conflict("Plan " + planSlug + " already has an axis " + input.number() + ".");
        }
        Axis axis = new Axis();
        axis.plan = plan;
        axis.number = input.number();
        axis.title = input.title().strip();
        em.persist(axis);
        em.flush();
        AxisProgress created = view(plan, axis.number, StatusBasis.LATEST);
        history.record(write, Change.Kind.CREATED, "axis", path(planSlug, axis.number), null, created);
        return created;
    }

    @Transactional
    public AxisProgress update(String planSlug, int number, String ifMatch, AxisInput input) {
        history.lock();
        Plan plan = plans.require(planSlug);
        History.Write write = history.begin(plan.slug);
        AxisProgress before = view(plan, number, StatusBasis.LATEST);
        etags.requireMatch(ifMatch, before);
        if (input.number() != number) {
            throw new ApiException.Unprocessable("An axis' number is its address and cannot change.",
                    List.of(new Problem.FieldError("number", "must stay " + number)));
        }
        axes.findByNumber(plan, number).orElseThrow().title = input.title().strip();
        em.flush();
        AxisProgress after = view(plan, number, StatusBasis.LATEST);
        history.record(write, Change.Kind.UPDATED, "axis", path(planSlug, number), before, after);
        return after;
    }

    /** Deletes an axis; with cascade, also its measures and their assessments, otherwise 409 when it has measures. */
    @Transactional
    public void delete(String planSlug, int number, String ifMatch, boolean cascade) {
        history.lock();
        Plan plan = plans.require(planSlug);
        History.Write write = history.begin(plan.slug);
        AxisProgress before = view(plan, number, StatusBasis.LATEST);
        etags.requireMatch(ifMatch, before);
        Axis axis = axes.findByNumber(plan, number).orElseThrow();
        if (!cascade && before.progress().measureCount() > 0) {
            throw new ApiException.Conflict("Axis " + number + " of plan " + planSlug + " has " + before.progress().measureCount()
                    + " measures. Delete them first, or send cascade=true to delete them, and their assessments, with the axis.");
        }
        em.createQuery("delete from Assessment a where a.measure.id in (select m.id from Measure m where m.axis = :axis)")
                .setParameter("axis", axis).executeUpdate();
        em.createQuery("delete from Measure m where m.axis = :axis").setParameter("axis", axis).executeUpdate();
        em.createQuery("delete from Axis a where a.id = :id").setParameter("id", axis.id).executeUpdate();
        history.record(write, Change.Kind.DELETED, "axis", path(planSlug, number), before, null);
    }

    public static String path(String planSlug, int number) {
        return "/api/v1/plans/" + planSlug + "/axes/" + number;
    }
}
