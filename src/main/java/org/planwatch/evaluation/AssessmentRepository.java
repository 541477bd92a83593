package org.planwatch.evaluation;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.planwatch.domain.EvidenceLink;

@ApplicationScoped
public class AssessmentRepository implements PanacheRepository<Assessment> {

    /** Every assessment of an evaluation, in measure order, with measure and axis. */
    public List<Assessment> forEvaluation(long evaluationId) {
        return find("""
                from Assessment a join fetch a.measure m join fetch m.axis
                where a.evaluation.id = ?1
                order by m.number""", evaluationId).list();
    }

    public Optional<Assessment> find(long evaluationId, int measureNumber) {
        return find("""
                from Assessment a join fetch a.measure m join fetch m.axis join fetch a.evaluation e join fetch e.evaluator
                where e.id = ?1 and m.number = ?2""", evaluationId, measureNumber).firstResultOptional();
    }

    /** The evidence of several assessments, in one statement, in their order. */
    public Map<Long, List<EvidenceLink>> evidenceOf(Collection<Long> assessmentIds) {
        Map<Long, List<EvidenceLink>> result = new LinkedHashMap<>();
        if (assessmentIds.isEmpty()) {
            return result;
        }
        getEntityManager()
                .createQuery(
                        "from Evidence e where e.assessment.id in :ids order by e.assessment.id, e.position",
                        Evidence.class)
                .setParameter("ids", assessmentIds)
                .getResultList()
                .forEach(e -> result.computeIfAbsent(e.assessment.id, id -> new ArrayList<>())
                        .add(e.link()));
        return result;
    }

    /** The assessment's evidence becomes these links, in this order. */
    public void replaceEvidence(Assessment assessment, List<EvidenceLink> links) {
        getEntityManager()
                .createQuery("delete from Evidence e where e.assessment = :a")
                .setParameter("a", assessment)
                .executeUpdate();
        addEvidence(assessment, links);
    }

    /** Evidence for an assessment that has none yet (a new one). */
    public void addEvidence(Assessment assessment, List<EvidenceLink> links) {
        if (links == null) {
            return;
        }
        for (int i = 0; i < links.size(); i++) {
            Evidence evidence = new Evidence();
            evidence.assessment = assessment;
            evidence.position = i;
            evidence.url = links.get(i).url();
            evidence.title = links.get(i).title();
            evidence.archivedUrl = links.get(i).archivedUrl();
            getEntityManager().persist(evidence);
        }
    }
}
