package org.planwatch.evaluator;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.planwatch.common.db.Identified;
import org.planwatch.domain.EvaluatorRef;

/** A body that assesses plans: the CNCDH, the Collectif, MIPROF, GRETA... */
@Entity
public class Evaluator extends Identified {

    public String slug;

    public String name;

    public String shortName;

    @Enumerated(EnumType.STRING)
    public EvaluatorKind kind;

    public String website;

    public EvaluatorRef ref() {
        return new EvaluatorRef(slug, name, shortName);
    }
}
