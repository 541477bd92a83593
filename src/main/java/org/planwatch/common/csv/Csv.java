package org.planwatch.common.csv;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * CSV exports as a spreadsheet in a French locale opens them without an import dialog: UTF-8 with a
 * byte-order mark (or accents come out garbled), `;` as separator (`,` is the decimal separator
 * there), CRLF line ends, a header line; no cell that a spreadsheet would run as a formula.
 */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv";
    /** The most lines of data a CSV import takes (docs/limits.md): what the body size limit is sized for. */
    public static final int MAX_IMPORT_ROWS = 1000;

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    private Csv() {}

    /**
     * The first characters that make a spreadsheet read a cell as a formula (CSV injection): a comment an
     * evaluator wrote as {@code =HYPERLINK(...)} must open as text in whoever downloads the export.
     */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    /** The cell as written: with a leading {@code '} when it would otherwise start a formula. */
    static String asText(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    /** A cell read back from an import: without the {@code '} that {@link #asText} put before a formula character. */
    public static String fromText(String cell) {
        return cell != null
                        && cell.length() > 1
                        && cell.charAt(0) == '\''
                        && FORMULA_STARTS.indexOf(cell.charAt(1)) >= 0
                ? cell.substring(1)
                : cell;
    }

    public static String write(List<String> header, List<List<String>> rows) {
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(';').withLineSeparator("\r\n");
        try {
            var writer = MAPPER.writer(schema);
            StringBuilder out = new StringBuilder("\uFEFF");
            out.append(writer.writeValueAsString(header));
            for (List<String> row : rows) {
                out.append(
                        writer.writeValueAsString(row.stream().map(Csv::asText).toList()));
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
