package org.planwatch.evaluation;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.planwatch.common.csv.Csv;
import org.planwatch.common.problem.ApiException;
import org.planwatch.common.problem.Problem;
import org.planwatch.domain.EvidenceLink;
import org.planwatch.domain.Status;

/**
 * An evaluation's assessments as CSV, both ways. Reading: UTF-8 (a byte-order mark is ignored), comma- or
 * semicolon-separated (whichever the header line uses), a header line naming the columns
 * {@code measure,status,comment,evidenceUrl} (case ignored; only the first two are required). Every line that
 * cannot be read is reported at once, by its line in the file; what the values may be is checked afterwards, the
 * same way for CSV and JSON (see {@link EvaluationImports}).
 */
public final class AssessmentCsv {

    public static final String MEDIA_TYPE = "text/csv";
    public static final int MAX_ROWS = Csv.MAX_IMPORT_ROWS;

    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

    /** The columns of an export: those an import reads first, so that an exported evaluation can be imported again. */
    public static final List<String> EXPORT_HEADER = List.of(
            "measure",
            "status",
            "comment",
            "evidenceUrl",
            "measureTitle",
            "axis",
            "axisTitle",
            "statusLabel",
            "otherEvidenceUrls");

    static final String EXAMPLE =
            "measure;status;comment;evidenceUrl;measureTitle;axis;axisTitle;statusLabel;otherEvidenceUrls\r\n"
                    + "16;NOT_IMPLEMENTED;;;Mettre en place un mécanisme national de référence;2;"
                    + "Définir une stratégie d’identification des victimes;Non réalisée;\r\n";

    private AssessmentCsv() {}

    /** An evaluation's assessments as CSV, in measure order (the evaluation's own fields are in its JSON). */
    public static String write(EvaluationDetail evaluation) {
        return Csv.write(
                EXPORT_HEADER,
                evaluation.assessments().stream()
                        .map(a -> List.of(
                                Integer.toString(a.measure()),
                                a.status().name(),
                                a.comment() == null ? "" : a.comment(),
                                a.evidence().isEmpty()
                                        ? ""
                                        : a.evidence().get(0).url(),
                                a.measureTitle(),
                                Integer.toString(a.axis().number()),
                                a.axis().title(),
                                a.statusLabel(),
                                a.evidence().stream()
                                        .skip(1)
                                        .map(EvidenceLink::url)
                                        .collect(Collectors.joining(" "))))
                        .toList());
    }

    /**
     * Every line of data ("line 4"), and what could not be read in them: a line whose measure could not be read
     * has none (null), and so has a status that could not be read.
     */
    public record Parsed(List<EvaluationImport.Line> lines, List<Problem.FieldError> errors) {}

    /**
     * Reads the lines; a value that cannot be read is reported in {@link Parsed#errors()} rather than thrown,
     * so that the problems found later (an unknown measure, a URL that is not one) are listed with it.
     */
    public static Parsed parse(String text) {
        if (text == null || text.isBlank()) {
            throw unprocessable(
                    "The CSV is empty: it needs a header line (measure,status,comment,evidenceUrl) and one line per measure.",
                    List.of());
        }
        if (text.indexOf('\u0000') >= 0) { // PostgreSQL text cannot hold it
            throw unprocessable("The CSV contains a NUL character (U+0000), which no text may contain.", List.of());
        }
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String header = content.lines().findFirst().orElse("");
        char separator = header.indexOf(';') >= 0 && header.indexOf(',') < 0 ? ';' : ',';
        List<String> columns = List.of(header.split(String.valueOf(separator), -1)).stream()
                .map(c -> c.trim().replace("\"", "").toLowerCase(Locale.ROOT))
                .toList();
        int measureColumn = columns.indexOf("measure");
        int statusColumn = columns.indexOf("status");
        int commentColumn = columns.indexOf("comment");
        int evidenceColumn = columns.indexOf("evidenceurl");
        if (measureColumn < 0 || statusColumn < 0) {
            throw unprocessable(
                    "The CSV header must name the columns measure and status (and optionally comment and evidenceUrl); it was: "
                            + header,
                    List.of(new Problem.FieldError("line 1", "the header must name the columns measure and status")));
        }

        List<String[]> rows = new ArrayList<>();
        List<Integer> firstLines = new ArrayList<>(); // a quoted value may span lines: errors name the file's line
        try (MappingIterator<String[]> lines = CSV.readerFor(String[].class)
                .with(CsvSchema.emptySchema().withColumnSeparator(separator))
                .readValues(content)) {
            while (lines.hasNext()) {
                firstLines.add(lines.getCurrentLocation().getLineNr());
                rows.add(lines.next());
            }
        } catch (IOException | RuntimeException e) {
            throw unprocessable(
                    "The CSV could not be read: "
                            + e.getMessage().lines().findFirst().orElse("malformed"),
                    List.of());
        }
        if (rows.size() - 1 > MAX_ROWS) {
            throw unprocessable(
                    "The CSV has " + (rows.size() - 1) + " lines of data; at most " + MAX_ROWS + " are accepted.",
                    List.of());
        }

        List<EvaluationImport.Line> assessments = new ArrayList<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            String[] row = rows.get(i);
            String line = "line " + firstLines.get(i);
            if (row.length == 1 && row[0].isBlank()) {
                continue;
            }
            Map<String, String> problems = new LinkedHashMap<>();
            Integer measure = null;
            String number = cell(row, measureColumn);
            if (number == null || !number.matches("[0-9]{1,9}") || Integer.parseInt(number) < 1) {
                problems.put("measure", "must be a measure number (got '" + (number == null ? "" : number) + "')");
            } else {
                measure = Integer.valueOf(number);
            }
            Status status = null;
            String statusText = cell(row, statusColumn);
            try {
                status = Status.valueOf(statusText == null ? "" : statusText);
            } catch (IllegalArgumentException e) {
                problems.put(
                        "status",
                        "must be IMPLEMENTED, PARTIALLY_IMPLEMENTED or NOT_IMPLEMENTED (got '"
                                + (statusText == null ? "" : statusText) + "')");
            }
            String evidenceUrl = cell(row, evidenceColumn);
            String comment = cell(row, commentColumn);
            problems.forEach((field, message) -> errors.add(new Problem.FieldError(line + "." + field, message)));
            // kept even when a column is wrong, so that every problem of the line is reported (an unknown measure
            // too); nothing is recorded while any remains
            assessments.add(new EvaluationImport.Line(
                    line,
                    new NewAssessment(
                            measure,
                            status,
                            comment,
                            evidenceUrl == null ? List.of() : List.of(new EvidenceLink(evidenceUrl, null, null)))));
        }
        return new Parsed(assessments, errors);
    }

    private static String cell(String[] row, int column) {
        if (column < 0 || column >= row.length) {
            return null;
        }
        String value = Csv.fromText(row[column].strip());
        return value.isEmpty() ? null : value;
    }

    private static ApiException unprocessable(String detail, List<Problem.FieldError> errors) {
        return new ApiException.Unprocessable(detail, errors);
    }
}
