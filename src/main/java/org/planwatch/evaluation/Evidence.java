package org.planwatch.evaluation;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import org.planwatch.common.db.Identified;
import org.planwatch.domain.EvidenceLink;

/** A link supporting an assessment. */
@Entity
public class Evidence extends Identified {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Assessment assessment;

    public int position;

    public String url;

    public String title;

    public String archivedUrl;

    EvidenceLink link() {
        return new EvidenceLink(url, title, archivedUrl);
    }
}
