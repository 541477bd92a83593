package org.planwatch.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.planwatch.common.csv.Csv;
import org.planwatch.common.csv.CsvTable;
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
        CsvTable table = CsvTable.read(text, "measure,status,comment,evidenceUrl");
        table.require(
                List.of("measure", "status"),
                "The CSV header must name the columns measure and status (and optionally comment and evidenceUrl)");
        List<EvaluationImport.Line> assessments = new ArrayList<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            String line = row.where();
            Map<String, String> problems = new LinkedHashMap<>();
            Integer measure = null;
            String number = table.cell(row, "measure");
            if (number == null || !number.matches("[0-9]{1,9}") || Integer.parseInt(number) < 1) {
                problems.put("measure", "must be a measure number (got '" + (number == null ? "" : number) + "')");
            } else {
                measure = Integer.valueOf(number);
            }
            Status status = null;
            String statusText = table.cell(row, "status");
            try {
                status = Status.valueOf(statusText == null ? "" : statusText);
            } catch (IllegalArgumentException e) {
                problems.put(
                        "status",
                        "must be IMPLEMENTED, PARTIALLY_IMPLEMENTED or NOT_IMPLEMENTED (got '"
                                + (statusText == null ? "" : statusText) + "')");
            }
            String evidenceUrl = table.cell(row, "evidenceurl");
            String comment = table.cell(row, "comment");
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
}
