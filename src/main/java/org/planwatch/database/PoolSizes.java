package org.planwatch.database;

import io.smallrye.config.PropertiesConfigSource;
import java.util.Map;

/**
 * Default sizes of the worker thread pool and of the connection pool: as many of each as the JVM has
 * processors (at least 2). Every read is CPU work in this service and in PostgreSQL; more threads than
 * processors only queue for the same cores, and more threads than connections queue for a connection.
 * Measured with {@code bench/run.sh} on 2 cores with PostgreSQL on the same machine (bench/RESULTS.md): with 2
 * threads and 2 connections the database path's p99 was 7 to 16 ms, with Quarkus' defaults (200 threads, 20
 * connections) 19 to 42 ms. With the database on another machine, raise both together (QUARKUS_THREAD_POOL_MAX_THREADS,
 * QUARKUS_DATASOURCE_JDBC_MAX_SIZE): a thread then also waits on the network.
 *
 * <p>Defaults only: its ordinal is below application.properties, environment variables and system properties.
 */
public class PoolSizes extends PropertiesConfigSource {

    public PoolSizes() {
        super(defaults(Runtime.getRuntime().availableProcessors()), "PoolSizes", 110);
    }

    static Map<String, String> defaults(int processors) {
        String size = Integer.toString(Math.max(2, processors));
        return Map.of("quarkus.thread-pool.max-threads", size, "quarkus.datasource.jdbc.max-size", size);
    }
}
