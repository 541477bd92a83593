package org.planwatch;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planwatch.common.problem.Problem;

/** The API's identity in its OpenAPI document. */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Planwatch",
                        version = "1.0.0",
                        description = """
                        How far have France's national action plans against trafficking in human beings come?

                        Planwatch serves the plans, their axes and measures, and the evaluations that assessed them: \
                        who assessed which measure, when, with which status and on what source. The dataset holds the \
                        2nd national action plan (2019-2021, 45 measures in 6 axes) and the evaluation adopted by the \
                        CNCDH, the independent national rapporteur, on 12 January 2023 (3 measures implemented, 28 \
                        partially implemented, 14 not implemented), as transcribed by the Collectif "Ensemble contre la \
                        traite des êtres humains" (https://contrelatraite.com/index.php/evaluation_plan_national) and \
                        published in the Journal officiel (https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000047011945). \
                        Every plan and evaluation names its source.

                        Reads are public and open to any origin (CORS); writes need an API key (`Authorization: Bearer <key>`), \
                        updates and deletes an `If-Match` with the resource's current ETag, and POSTs may carry an \
                        `Idempotency-Key` to make retries safe. Lists are objects `{"items": [...], "nextCursor": "..."}` \
                        paged with `limit` and `cursor`. Errors are `application/problem+json` (RFC 9457). Content is in \
                        French, the language of the sources; enum values are English and come with their French label.""",
                        contact = @Contact(name = "Planwatch maintainers"),
                        license = @License(name = "MIT", url = "https://opensource.org/licenses/MIT")),
        tags = {
            @Tag(name = "Plans", description = "National action plans and their headline progress."),
            @Tag(name = "Axes", description = "The axes of a plan, with their measure counts per status."),
            @Tag(name = "Measures", description = "The measures of a plan, their current status and history."),
            @Tag(name = "Progress", description = "Counts and shares per status, for a plan and its axes."),
            @Tag(name = "Evaluators", description = "The bodies that assess the plans."),
            @Tag(name = "Evaluations", description = "Published evaluations and the assessments they made."),
            @Tag(name = "Changes", description = "The feed of status changes and edits, for incremental sync."),
            @Tag(
                    name = "Badges",
                    description =
                            "SVG images of a plan's, an axis' or a measure's progress, for any web page or README."),
            @Tag(
                    name = "Webhooks",
                    description =
                            "Subscriptions that have Planwatch POST signed messages to a site when a measure's status"
                                    + " changes or an evaluation is published, corrected or withdrawn (administrators and"
                                    + " SUBSCRIBER keys)."),
            @Tag(name = "Administration", description = "API keys and the audit trail (administrators only).")
        },
        // Referenced by the error responses that ProblemResponses adds to every operation.
        components =
                @Components(
                        schemas = @Schema(name = "Problem", implementation = Problem.class),
                        securitySchemes =
                                @SecurityScheme(
                                        securitySchemeName = "apiKey",
                                        type = SecuritySchemeType.HTTP,
                                        scheme = "bearer",
                                        description =
                                                "An API key, sent as 'Authorization: Bearer <key>'. Reads need none; writes need one. An "
                                                        + "administrator creates keys with POST /api/v1/api-keys.")))
public class PlanwatchApi extends Application {}
