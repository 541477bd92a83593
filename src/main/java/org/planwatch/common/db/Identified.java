package org.planwatch.common.db;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * What every entity has: an id that the database generates (identity columns). Tables and columns are named after
 * the entities and their fields in snake_case (quarkus.hibernate-orm.physical-naming-strategy), so entities name
 * none themselves; Hibernate checks the mapping against the schema Flyway made at every start.
 */
@MappedSuperclass
public abstract class Identified {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
}
