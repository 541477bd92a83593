package org.planwatch.plan;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A national action plan, addressed by its period ("2019-2021"). */
@Entity
public class Plan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String slug;

    public String title;

    @Column(name = "start_year")
    public int startYear;

    @Column(name = "end_year")
    public int endYear;

    @Column(name = "presented_on")
    public LocalDate presentedOn;

    @Column(name = "source_title")
    public String sourceTitle;

    @Column(name = "source_url")
    public String sourceUrl;
}
