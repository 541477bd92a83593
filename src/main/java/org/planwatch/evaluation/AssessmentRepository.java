package org.planwatch.evaluation;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class AssessmentRepository implements PanacheRepository<Assessment> {

    /** Every assessment of a measure, newest evaluation first, with evaluation and evaluator. */
    public List<Assessment> forMeasure(long planId, int measureNumber) {
        return find("""
                from Assessment a join fetch a.evaluation e join fetch e.evaluator
                where a.measure.plan.id = ?1 and a.measure.number = ?2
                order by e.date desc, e.id desc""", planId, measureNumber).list();
    }

    /** Every assessment of an evaluation, in measure order, with measure and axis. */
    public List<Assessment> forEvaluation(long evaluationId) {
        return find("""
                from Assessment a join fetch a.measure m join fetch m.axis
                where a.evaluation.id = ?1
                order by m.number""", evaluationId).list();
    }
}
