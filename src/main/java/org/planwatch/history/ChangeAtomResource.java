package org.planwatch.history;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.planwatch.cache.ResponseCache;
import org.planwatch.common.http.QueryParams;
import org.planwatch.common.problem.ApiException;
import org.planwatch.domain.ApiPaths;

/**
 * The latest status changes as an Atom 1.0 feed, for feed readers: one entry per measure whose
 * current status changed, newest first, narrowed by plan, axis and evaluator.
 */
@Path("/feeds/changes.atom")
public class ChangeAtomResource {

    static final String ATOM = "application/atom+xml";
    private static final String NS = "http://www.w3.org/2005/Atom";
    private static final int ENTRIES = 50;

    @Inject
    ChangeRepository changes;

    @Inject
    ResponseCache cache;

    @GET
    @Produces(ATOM)
    @Operation(hidden = true)
    public Response feed(
            @QueryParam("plan") String plan,
            @QueryParam("axis") String axis,
            @QueryParam("evaluator") String evaluator,
            @Context UriInfo uri) {
        String planSlug = QueryParams.planSlug("plan", plan);
        Integer axisNumber = QueryParams.positiveNumber("axis", axis);
        if (axisNumber != null && planSlug == null) {
            throw new ApiException.InvalidParameter("axis", "needs plan: axes are numbered inside their plan");
        }
        List<Change> entries = changes.find(
                new ChangeRepository.Filter(
                        planSlug, axisNumber, QueryParams.slug("evaluator", evaluator), Change.Kind.STATUS_CHANGED),
                0,
                true,
                ENTRIES);
        return Response.ok(write(entries, changes.measureTitles(entries), uri), ATOM + "; charset=UTF-8")
                .header("Cache-Control", cache.embeddedCacheControl())
                .build();
    }

    private static String write(List<Change> entries, Map<String, String> titles, UriInfo uri) {
        String base = uri.getBaseUri().toString().replaceAll("/$", "");
        String self = uri.getRequestUri().toString();
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(NS);
            element(xml, "id", self);
            element(xml, "title", "Planwatch – changements d’état des mesures");
            element(
                    xml,
                    "subtitle",
                    "Les mesures des plans d’action nationaux contre la traite des êtres humains dont l’état a changé");
            element(
                    xml,
                    "updated",
                    time(
                            entries.isEmpty()
                                    ? OffsetDateTime.of(2019, 10, 18, 0, 0, 0, 0, ZoneOffset.UTC)
                                    : entries.get(0).occurredAt));
            link(xml, "self", self, ATOM);
            link(xml, "alternate", base + "/", "text/html");
            xml.writeStartElement("author");
            element(xml, "name", "Planwatch");
            xml.writeEndElement();
            for (Change c : entries) {
                String measurePage = base + "/plans/" + c.planSlug + "/measures/" + c.measureNumber;
                String title = titles.getOrDefault(c.planSlug + "/" + c.measureNumber, "");
                xml.writeStartElement("entry");
                element(xml, "id", base + ApiPaths.CHANGES + "#" + c.id);
                element(
                        xml,
                        "title",
                        "Mesure " + c.measureNumber + " (" + c.planSlug + ") : "
                                + (c.previousStatus == null ? "" : c.previousStatus.label + " → ")
                                + (c.newStatus == null ? "" : c.newStatus.label));
                element(xml, "updated", time(c.occurredAt));
                link(xml, "alternate", measurePage, "text/html");
                link(xml, "related", base + c.path, "application/json");
                if (c.evaluatorSlug != null) {
                    xml.writeStartElement("author");
                    element(xml, "name", c.evaluatorSlug);
                    xml.writeEndElement();
                }
                xml.writeStartElement("category");
                xml.writeAttribute("term", c.newStatus == null ? "NOT_ASSESSED" : c.newStatus.name());
                xml.writeEndElement();
                element(
                        xml,
                        "summary",
                        title
                                + (c.evaluationDate == null
                                        ? ""
                                        : " – évaluation du " + c.evaluationDate
                                                + (c.evaluatorSlug == null ? "" : " (" + c.evaluatorSlug + ")")));
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
        xml.writeAttribute("type", type);
    }

    private static String time(OffsetDateTime at) {
        return at.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
