package org.planwatch.evaluator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import org.planwatch.domain.EvaluatorRef;

/** A body that assesses plans: the CNCDH, the Collectif, MIPROF, GRETA... */
@Entity
public class Evaluator {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String slug;

    public String name;

    @Column(name = "short_name")
    public String shortName;

    @Enumerated(EnumType.STRING)
    public EvaluatorKind kind;

    public String website;

    public EvaluatorRef ref() {
        return new EvaluatorRef(slug, name, shortName);
    }
}
