package org.planwatch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * A digest of every row of every application table, to prove that a refused request wrote nothing: compare the
 * digests before and after it. An API key's last use is left out: authenticating records it, even for a request
 * that is then refused.
 */
public final class TableDigests {

    private TableDigests() {}

    /** The application's tables (Flyway's own left out), checked to include every table the data lives in. */
    public static List<String> tables(DataSource dataSource) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select table_name from information_schema.tables where table_schema = current_schema()"
                                + " and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history' order by 1")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        assertTrue(
                names.containsAll(List.of(
                        "plan",
                        "axis",
                        "measure",
                        "evaluator",
                        "evaluation",
                        "assessment",
                        "evidence",
                        "api_key",
                        "audit_entry",
                        "change",
                        "idempotent_request")),
                "every application table is digested: " + names);
        return names;
    }

    /** Each table's digest, by name. */
    public static Map<String, String> digest(DataSource dataSource, List<String> tables) throws SQLException {
        String sql = tables.stream()
                .map(table ->
                        "(select coalesce(md5(string_agg(r, ',' order by r)), 'empty') from (select (to_jsonb(t) - 'last_used_at')::text r from \""
                                + table + "\" t) rows) as \"" + table + "\"")
                .collect(Collectors.joining(", ", "select ", ""));
        Map<String, String> digests = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            for (String table : tables) {
                digests.put(table, rows.getString(table));
            }
        }
        return digests;
    }

    /** Every table's digest. */
    public static Map<String, String> digest(DataSource dataSource) throws SQLException {
        return digest(dataSource, tables(dataSource));
    }
}
