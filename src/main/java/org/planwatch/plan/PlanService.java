package org.planwatch.plan;

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
import org.planwatch.domain.AxisProgress;

/** A plan's representation, and writing plans. */
@ApplicationScoped
public class PlanService {

    @Inject
    PlanRepository plans;
    @Inject
    PlanProgress progress;
    @Inject
    History history;
    @Inject
    ETags etags;
    @Inject
    EntityManager em;

    public PlanView view(Plan plan) {
        return view(plan, progress.axes(plan.id, StatusBasis.LATEST));
    }

    /** The plan's representation from its axes' current progress, already read (pages that also list the axes). */
    public PlanView view(Plan plan, List<AxisProgress> axes) {
        return PlanView.from(plan, axes, plans.latestEvaluations(List.of(plan.id)).get(plan.id));
    }

    @Transactional
    public PlanView create(PlanInput input) {
        history.lock();
        checkPeriod(input);
        History.Write write = history.begin(null);
        String slug = input.startYear() + "-" + input.endYear();
        if (plans.findBySlug(slug).isPresent()) {
            throw new ApiException.Conflict("Plan " + slug + " already exists; PUT /api/v1/plans/" + slug + " changes it.");
        }
        Plan plan = new Plan();
        plan.slug = slug;
        plan.startYear = input.startYear();
        plan.endYear = input.endYear();
        apply(plan, input);
        plans.persist(plan);
        plans.flush();
        PlanView created = view(plan);
        history.record(new History.Write(slug, write.statusesBefore()), Change.Kind.CREATED, "plan", path(slug), null, created);
        return created;
    }

    @Transactional
    public PlanView update(String slug, String ifMatch, PlanInput input) {
        history.lock();
        Plan plan = plans.require(slug);
        History.Write write = history.begin(plan.slug);
        PlanView before = view(plan);
        etags.requireMatch(ifMatch, before);
        if (input.startYear() != plan.startYear || input.endYear() != plan.endYear) {
            throw new ApiException.Unprocessable("A plan's period is its address and cannot change; create a new plan instead.",
                    List.of(new Problem.FieldError("startYear", "must stay " + plan.startYear),
                            new Problem.FieldError("endYear", "must stay " + plan.endYear)));
        }
        apply(plan, input);
        plans.flush();
        PlanView after = view(plan);
        history.record(write, Change.Kind.UPDATED, "plan", path(slug), before, after);
        return after;
    }

    /** Deletes a plan; with cascade, also its evaluations, measures and axes, otherwise 409 when it has any. */
    @Transactional
    public void delete(String slug, String ifMatch, boolean cascade) {
        history.lock();
        Plan plan = plans.require(slug);
        History.Write write = history.begin(plan.slug);
        PlanView before = view(plan);
        etags.requireMatch(ifMatch, before);
        long evaluationCount = plans.countEvaluations(plan.id);
        if (!cascade && (before.axisCount() > 0 || evaluationCount > 0)) {
            throw new ApiException.Conflict("Plan " + slug + " has " + before.axisCount() + " axes, " + before.measureCount()
                    + " measures and " + evaluationCount + " evaluations. Delete them first, or send cascade=true to delete them with the plan.");
        }
        for (String entity : List.of("Assessment", "Evaluation", "Measure", "Axis")) {
            em.createQuery("delete from " + entity + " x where x.plan.id = :plan").setParameter("plan", plan.id).executeUpdate();
        }
        // bulk deletes all along: entities still loaded must not be checked against the removed ones at flush
        em.createQuery("delete from Plan p where p.id = :id").setParameter("id", plan.id).executeUpdate();
        history.record(write, Change.Kind.DELETED, "plan", path(slug), before, null);
    }

    public static String path(String slug) {
        return "/api/v1/plans/" + slug;
    }

    private static void checkPeriod(PlanInput input) {
        if (input.endYear() < input.startYear()) {
            throw new ApiException.Unprocessable("A plan cannot end before it starts.",
                    List.of(new Problem.FieldError("endYear", "must not be before startYear")));
        }
    }

    private static void apply(Plan plan, PlanInput input) {
        plan.title = input.title().strip();
        plan.presentedOn = input.presentedOn();
        plan.sourceTitle = input.source().title().strip();
        plan.sourceUrl = input.source().url().strip();
    }
}
