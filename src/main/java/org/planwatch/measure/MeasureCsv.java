package org.planwatch.measure;

import java.util.List;
import java.util.stream.Collectors;
import org.planwatch.common.csv.Csv;

/** A measure list as CSV: the fields of the JSON list, flattened, one measure per line. */
public final class MeasureCsv {

    public static final List<String> HEADER = List.of(
            "number",
            "title",
            "axis",
            "axisTitle",
            "status",
            "statusLabel",
            "statusEvaluationId",
            "statusDate",
            "statusEvaluator",
            "evaluatorStatuses",
            "divergent",
            "lead",
            "dueBy",
            "overdue",
            "continues");

    static final String EXAMPLE =
            "number;title;axis;axisTitle;status;statusLabel;statusEvaluationId;statusDate;statusEvaluator;"
                    + "evaluatorStatuses;divergent;lead;dueBy;overdue;continues\r\n16;Mettre en place un mécanisme national de référence;2;"
                    + "Définir une stratégie d’identification des victimes;NOT_IMPLEMENTED;Non réalisée;1;2023-01-12;cncdh;cncdh:NOT_IMPLEMENTED;false;;;false;\r\n";

    private MeasureCsv() {}

    public static String write(List<MeasureView> measures) {
        return Csv.write(
                HEADER,
                measures.stream()
                        .map(m -> List.of(
                                Integer.toString(m.number()),
                                m.title(),
                                Integer.toString(m.axis().number()),
                                m.axis().title(),
                                m.status().name(),
                                m.statusLabel(),
                                m.statusSource() == null
                                        ? ""
                                        : Long.toString(m.statusSource().evaluationId()),
                                m.statusSource() == null
                                        ? ""
                                        : m.statusSource().date().toString(),
                                m.statusSource() == null
                                        ? ""
                                        : m.statusSource().evaluator().slug(),
                                m.evaluatorStatuses().stream()
                                        .map(s -> s.evaluator().slug() + ":"
                                                + s.status().name())
                                        .collect(Collectors.joining(" ")),
                                Boolean.toString(m.divergent()),
                                m.lead() == null ? "" : m.lead(),
                                m.dueBy() == null ? "" : m.dueBy(),
                                Boolean.toString(m.overdue()),
                                m.continues() == null
                                        ? ""
                                        : m.continues().plan() + "/"
                                                + m.continues().number()))
                        .toList());
    }
}
