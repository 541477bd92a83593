package org.planwatch.common.csv;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.planwatch.common.problem.ApiException;
import org.planwatch.common.problem.Problem;

/**
 * A CSV import read into its header and lines, the same way for every import: UTF-8 (a byte-order mark is ignored),
 * comma- or semicolon-separated (whichever the header line uses), quoted values, a header line naming the columns
 * (case ignored), at most {@link Csv#MAX_IMPORT_ROWS} lines of data. What cannot be read at all is a 422; each line
 * keeps the line of the file it starts on, so that errors name it.
 */
public record CsvTable(String header, List<String> columns, List<Row> rows) {

    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

    /** A line of data, and where it starts in the file ("line 4": a quoted value may span lines). */
    public record Row(String where, String[] cells) {}

    /** Reads the text; {@code expected} says what the header should name, for the 422 of an empty CSV. */
    public static CsvTable read(String text, String expected) {
        if (text == null || text.isBlank()) {
            throw new ApiException.Unprocessable(
                    "The CSV is empty: it needs a header line (" + expected + ") and one line per measure.", List.of());
        }
        if (text.indexOf('\u0000') >= 0) { // PostgreSQL text cannot hold it
            throw new ApiException.Unprocessable(
                    "The CSV contains a NUL character (U+0000), which no text may contain.", List.of());
        }
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String header = content.lines().findFirst().orElse("");
        char separator = header.indexOf(';') >= 0 && header.indexOf(',') < 0 ? ';' : ',';
        List<String> columns = List.of(header.split(String.valueOf(separator), -1)).stream()
                .map(c -> c.trim().replace("\"", "").toLowerCase(Locale.ROOT))
                .toList();
        List<String[]> lines = new ArrayList<>();
        List<Integer> firstLines = new ArrayList<>();
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class)
                .with(CsvSchema.emptySchema().withColumnSeparator(separator))
                .readValues(content)) {
            while (it.hasNext()) {
                firstLines.add(it.getCurrentLocation().getLineNr());
                lines.add(it.next());
            }
        } catch (IOException | RuntimeException e) {
            throw new ApiException.Unprocessable(
                    "The CSV could not be read: "
                            + e.getMessage().lines().findFirst().orElse("malformed"),
                    List.of());
        }
        if (lines.size() - 1 > Csv.MAX_IMPORT_ROWS) {
            throw new ApiException.Unprocessable(
                    "The CSV has " + (lines.size() - 1) + " lines of data; at most " + Csv.MAX_IMPORT_ROWS
                            + " are accepted.",
                    List.of());
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i);
            if (!(cells.length == 1 && cells[0].isBlank())) {
                rows.add(new Row("line " + firstLines.get(i), cells));
            }
        }
        return new CsvTable(header, columns, rows);
    }

    /** A 422 unless the header names every one of {@code required} (lower case). */
    public void require(List<String> required, String detail) {
        if (!columns.containsAll(required)) {
            throw new ApiException.Unprocessable(
                    detail + "; it was: " + header,
                    List.of(new Problem.FieldError(
                            "line 1", "the header must name the columns " + String.join(" and ", required))));
        }
    }

    /** The value of a column (by its lower-case name) in a row: stripped, formula quote removed; null when empty. */
    public String cell(Row row, String column) {
        int index = columns.indexOf(column);
        if (index < 0 || index >= row.cells().length) {
            return null;
        }
        String value = Csv.fromText(row.cells()[index].strip());
        return value.isEmpty() ? null : value;
    }
}
