package org.planwatch.common.http;

import jakarta.ws.rs.core.Response;
import org.planwatch.common.csv.Csv;

/** Answers that a browser saves as a file. */
public final class Downloads {

    private Downloads() {}

    /** A CSV answer that a browser saves under this file name. */
    public static Response csv(String csv, String fileName) {
        return Response.ok(csv, Csv.MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .build();
    }
}
