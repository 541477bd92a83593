package org.planwatch.plan;

import jakarta.persistence.Entity;
import java.time.LocalDate;
import org.planwatch.common.db.Identified;

/** A national action plan, addressed by its period ("2019-2021"). */
@Entity
public class Plan extends Identified {

    public String slug;

    public String title;

    public int startYear;

    public int endYear;

    public LocalDate presentedOn;

    public String sourceTitle;

    public String sourceUrl;
}
