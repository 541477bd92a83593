package org.planwatch.evaluation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import org.planwatch.domain.EvidenceLink;

/** A link supporting an assessment. */
@Entity
public class Evidence {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "assessment_id")
    public Assessment assessment;

    public int position;

    public String url;

    public String title;

    @Column(name = "archived_url")
    public String archivedUrl;

    EvidenceLink link() {
        return new EvidenceLink(url, title, archivedUrl);
    }
}
