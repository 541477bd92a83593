package org.planwatch.evaluation;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import java.time.LocalDate;
import org.planwatch.common.db.Identified;
import org.planwatch.domain.EvaluationRef;
import org.planwatch.evaluator.Evaluator;
import org.planwatch.plan.Plan;

/** One published assessment of a plan by one evaluator at one date. */
@Entity
public class Evaluation extends Identified {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Evaluator evaluator;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Plan plan;

    public String title;

    /** The date the evaluation was adopted or, failing that, published. */
    public LocalDate date;

    public String sourceTitle;

    public String sourceUrl;

    public String summary;

    public EvaluationRef ref() {
        return new EvaluationRef(id, title, date, evaluator.ref());
    }
}
