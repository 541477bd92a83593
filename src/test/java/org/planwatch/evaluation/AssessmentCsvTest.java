package org.planwatch.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.planwatch.common.csv.Csv;
import org.planwatch.common.problem.ApiException;
import org.planwatch.common.problem.Problem;
import org.planwatch.domain.Status;

/** Reading an evaluation's CSV: what each line gives and where each problem is, by the file's lines. Plain JUnit, no Quarkus. */
class AssessmentCsvTest {

    @Test
    void aSemicolonFileWithAByteOrderMarkAndMixedCaseHeaderIsRead() {
        AssessmentCsv.Parsed parsed = AssessmentCsv.parse(
                "\uFEFFMeasure;Status;Comment;EvidenceUrl\r\n"
                        + "2;PARTIALLY_IMPLEMENTED;Annoncé, pas encore en œuvre;https://www.example.fr/a\r\n1;IMPLEMENTED;;\r\n\r\n");

        assertEquals(List.of(), parsed.errors());
        assertEquals(
                List.of("line 2", "line 3"),
                parsed.lines().stream().map(EvaluationImport.Line::where).toList());
        NewAssessment first = parsed.lines().get(0).assessment();
        assertEquals(2, first.measure());
        assertEquals(Status.PARTIALLY_IMPLEMENTED, first.status());
        assertEquals("Annoncé, pas encore en œuvre", first.comment());
        assertEquals("https://www.example.fr/a", first.evidence().get(0).url());
        assertNull(parsed.lines().get(1).assessment().comment());
        assertEquals(List.of(), parsed.lines().get(1).assessment().evidence());
    }

    @Test
    void everyValueThatCannotBeReadIsReportedByTheFilesLine() {
        AssessmentCsv.Parsed parsed =
                AssessmentCsv.parse("measure,status,comment\n1,IMPLEMENTED,\"sur deux\nlignes\"\ndeux,DONE,\n3,,\n");

        assertEquals(
                List.of("line 4.measure", "line 4.status", "line 5.status"),
                parsed.errors().stream().map(Problem.FieldError::field).toList());
        assertEquals(
                List.of("line 2", "line 4", "line 5"),
                parsed.lines().stream().map(EvaluationImport.Line::where).toList(),
                "every line is kept, so that its other problems are found too");
        assertNull(parsed.lines().get(1).assessment().measure());
    }

    @Test
    void aCellExportedAsTextIsReadBackAsWritten() {
        String exported =
                Csv.write(List.of("measure", "status", "comment"), List.of(List.of("1", "IMPLEMENTED", "=SUM(A1)")));
        assertEquals(
                "=SUM(A1)",
                AssessmentCsv.parse(exported).lines().get(0).assessment().comment());
    }

    @Test
    void aFileThatIsNotAnImportIsA422() {
        for (String text :
                List.of("", "  \n", "mesure,etat\n1,IMPLEMENTED\n", "measure,status\n1,IMPLEMENTED,\u0000\n")) {
            assertEquals(
                    422,
                    assertThrows(ApiException.class, () -> AssessmentCsv.parse(text))
                            .status(),
                    text);
        }
        StringBuilder tooLong = new StringBuilder("measure,status\n");
        for (int i = 0; i <= AssessmentCsv.MAX_ROWS; i++) {
            tooLong.append(i + 1).append(",IMPLEMENTED\n");
        }
        assertEquals(
                422,
                assertThrows(ApiException.class, () -> AssessmentCsv.parse(tooLong.toString()))
                        .status());
    }
}
