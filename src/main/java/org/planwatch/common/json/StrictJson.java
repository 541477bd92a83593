package org.planwatch.common.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.planwatch.common.problem.ApiException;
import org.planwatch.common.problem.Problem;

/**
 * A request body is exactly what the contract describes, or a 400 (docs/design.md, "Nullable fields and strict request bodies"):
 * <ul>
 * <li>one JSON document: anything after it ({"a":1}}) makes it malformed, not silently ignored;</li>
 * <li>no property the contract does not define (quarkus.jackson.fail-on-unknown-properties=true): an extra "axes" on a
 * plan was dropped unseen. {@link UnknownProperties} names every such property, not only the first;</li>
 * <li>an enum as one of its names: a number (1) is not taken as the value at that position.</li>
 * </ul>
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Enough to show a client what is wrong, and a bound on the re-reading below. */
    static final int MAX_UNKNOWN_PROPERTIES = 20;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    }

    /**
     * Names every property of a JSON body that its type does not define, by its JSON path. Jackson stops at the first,
     * so the body is read again without each one it refuses; the paths are Jackson's own, as ProblemMapper names fields.
     * Any other fault is left to the reading proper, which reports it as it always did.
     */
    @Provider
    public static class UnknownProperties implements ReaderInterceptor {

        @Inject
        ObjectMapper mapper;

        @Override
        public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
            if (context.getMediaType() == null
                    || !MediaType.APPLICATION_JSON_TYPE.isCompatible(context.getMediaType())) {
                return context.proceed();
            }
            byte[] body = context.getInputStream().readAllBytes();
            context.setInputStream(new ByteArrayInputStream(body));
            List<String> unknown = unknownProperties(body, context.getGenericType());
            if (!unknown.isEmpty()) {
                throw new ApiException.MalformedBody(unknown.stream()
                        .sorted() // like the fields of validation errors
                        .map(field -> new Problem.FieldError(field, "is not a property of this request body"))
                        .toList());
            }
            return context.proceed();
        }

        private List<String> unknownProperties(byte[] body, Type type) {
            List<String> unknown = new ArrayList<>();
            JsonNode tree;
            try {
                tree = mapper.readTree(body);
            } catch (IOException notJson) {
                return unknown;
            }
            ObjectReader reader = mapper.readerFor(mapper.constructType(type));
            while (tree != null && unknown.size() < MAX_UNKNOWN_PROPERTIES) {
                try {
                    reader.readValue(tree);
                    return unknown;
                } catch (UnrecognizedPropertyException e) {
                    String field = jsonPath(e);
                    if (unknown.contains(field) || !remove(tree, e.getPath())) {
                        return unknown;
                    }
                    unknown.add(field);
                } catch (IOException | RuntimeException other) {
                    return unknown;
                }
            }
            return unknown;
        }

        /** Takes the refused property out of the tree; false when the path does not lead to it. */
        private static boolean remove(JsonNode tree, List<JsonMappingException.Reference> path) {
            JsonNode node = tree;
            for (JsonMappingException.Reference step : path.subList(0, path.size() - 1)) {
                node = step.getFieldName() != null ? node.get(step.getFieldName()) : node.get(step.getIndex());
                if (node == null) {
                    return false;
                }
            }
            String name = path.isEmpty() ? null : path.get(path.size() - 1).getFieldName();
            return node instanceof ObjectNode object && name != null && object.remove(name) != null;
        }
    }

    /** Where in the body a problem is, as errors[].field names it: {@code assessments[1].evidence[0].date}. */
    public static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
