package org.planwatch.webhook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planwatch.common.http.PageParams;
import org.planwatch.common.http.Params;
import org.planwatch.common.http.QueryParams;
import org.planwatch.common.paging.Cursor;
import org.planwatch.common.paging.Page;
import org.planwatch.common.problem.Problem;
import org.planwatch.domain.ApiPaths;
import org.planwatch.domain.Role;
import org.planwatch.history.WriteResponses;

@Path(ApiPaths.WEBHOOKS)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
@RolesAllowed({Role.ADMIN_ROLE, Role.SUBSCRIBER_ROLE})
@SecurityRequirement(name = "apiKey")
public class WebhookResource {

    private static final String ID = "The subscription's id.";
    private static final String ID_EXAMPLE = "7";
    private static final String WHO =
            " Administrators, and SUBSCRIBER keys for their own subscriptions (403 for another's).";

    @Inject
    WebhookService service;

    @Inject
    WriteResponses answers;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Subscribe to webhooks",
            description =
                    "Messages for the events asked for, filtered by plan, axis, measure and evaluator, are POSTed to"
                            + " `url`, signed as the Standard Webhooks specification says (headers webhook-id, webhook-timestamp,"
                            + " webhook-signature). The answer holds the signing secret: it is shown this once. The URL must be https,"
                            + " on a public address (a 422 names `url` otherwise)."
                            + WHO)
    @APIResponse(
            responseCode = "201",
            description = "The subscription, with its secret: shown this once.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WebhookSecret.class)))
    public Response create(
            @HeaderParam(Params.IDEMPOTENCY_KEY) String idempotencyKey, @NotNull @Valid WebhookInput body) {
        return answers.created(
                idempotencyKey,
                body,
                () -> service.create(body),
                created -> ApiPaths.webhook(created.webhook().id()),
                WebhookSecret::webhook);
    }

    @GET
    @Operation(
            summary = "List webhook subscriptions",
            description = "An administrator's list holds every subscription; a SUBSCRIBER key's, its own.")
    public Page<WebhookView> list(@BeanParam PageParams page) {
        return service.list(Cursor.decodeNumber(page.cursor()), page.size());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a webhook subscription", description = "Never with its secret." + WHO)
    public WebhookView get(@Parameter(description = ID, example = ID_EXAMPLE) @PathParam("id") String id) {
        return service.get(QueryParams.positiveNumber("id", id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Replace a webhook subscription",
            description =
                    "Its URL, events, filters, description and whether it is enabled; `enabled: true` (the default)"
                            + " enables a subscription disabled after its deliveries failed, and sends what waited. Needs If-Match."
                            + WHO)
    @APIResponse(
            responseCode = "200",
            description = "The subscription, replaced.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WebhookView.class)))
    public Response update(
            @Parameter(description = ID, example = ID_EXAMPLE) @PathParam("id") String id,
            @Parameter(description = "The subscription's current ETag.", required = true)
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @NotNull @Valid WebhookInput body) {
        return answers.ok(service.update(QueryParams.positiveNumber("id", id), ifMatch, body));
    }

    @DELETE
    @Path("/{id}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(
            summary = "Delete a webhook subscription",
            description = "With its messages: those not delivered yet are never sent. Needs If-Match." + WHO)
    @APIResponse(responseCode = "204", description = "Deleted.")
    public Response delete(
            @Parameter(description = ID, example = ID_EXAMPLE) @PathParam("id") String id,
            @Parameter(description = "The subscription's current ETag.", required = true)
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch) {
        service.delete(QueryParams.positiveNumber("id", id), ifMatch);
        return answers.deleted();
    }

    @POST
    @Path("/{id}/rotate-secret")
    @Operation(
            summary = "Rotate a webhook subscription's secret",
            description =
                    "A new secret, shown this once. For the next 24 hours the messages carry two signatures, the new"
                            + " secret's and the previous one's, so that the receiver can switch without losing any."
                            + WHO)
    @APIResponse(
            responseCode = "200",
            description = "The subscription, with its new secret: shown this once.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WebhookSecret.class)))
    public Response rotateSecret(
            @HeaderParam(Params.IDEMPOTENCY_KEY) String idempotencyKey,
            @Parameter(description = ID, example = ID_EXAMPLE) @PathParam("id") String id) {
        long webhook = QueryParams.positiveNumber("id", id);
        return answers.ok(idempotencyKey, null, () -> service.rotateSecret(webhook), WebhookSecret::webhook);
    }

    @POST
    @Path("/{id}/test")
    @Operation(
            summary = "Send a ping",
            description = "Queues a `ping` message to the subscription, whatever its events, after the messages already"
                    + " waiting for it; follow it in the deliveries. A disabled subscription is sent nothing (409)."
                    + WHO)
    @APIResponse(
            responseCode = "202",
            description = "The ping, queued.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DeliveryView.class)))
    public Response test(
            @HeaderParam(Params.IDEMPOTENCY_KEY) String idempotencyKey,
            @Parameter(description = ID, example = ID_EXAMPLE) @PathParam("id") String id) {
        long webhook = QueryParams.positiveNumber("id", id);
        return answers.accepted(idempotencyKey, null, () -> service.ping(webhook), ApiPaths.webhookDeliveries(webhook));
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(
            summary = "List a subscription's messages",
            description =
                    "Newest first: each message's event, state, attempts, last status code and error, next attempt."
                            + " The start of the receiver's answer is shown to the subscription's owner only." + WHO)
    public Page<DeliveryView> deliveries(
            @Parameter(description = ID, example = ID_EXAMPLE) @PathParam("id") String id, @BeanParam PageParams page) {
        int cursor = Cursor.decodeNumber(page.cursor());
        return service.deliveries(
                QueryParams.positiveNumber("id", id), cursor == 0 ? Long.MAX_VALUE : cursor, page.size());
    }

    @POST
    @Path("/{id}/deliveries/{message}/retry")
    @Operation(
            summary = "Send a message again",
            description =
                    "Makes a message (delivered, failed or pending) due now; it goes after the older messages still"
                            + " pending for the subscription." + WHO)
    @APIResponse(
            responseCode = "202",
            description = "The message, due now.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DeliveryView.class)))
    public Response retry(
            @HeaderParam(Params.IDEMPOTENCY_KEY) String idempotencyKey,
            @Parameter(description = ID, example = ID_EXAMPLE) @PathParam("id") String id,
            @Parameter(
                            description = "The message's id (its webhook-id).",
                            example = "msg_2b7QeZk9yQ3fVx1LmN0pRs8T",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 100))
                    @PathParam("message")
                    String message) {
        long webhook = QueryParams.positiveNumber("id", id);
        String messageId = QueryParams.text("message", message, 100);
        return answers.accepted(
                idempotencyKey, null, () -> service.retry(webhook, messageId), ApiPaths.webhookDeliveries(webhook));
    }
}
