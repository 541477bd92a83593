package org.planwatch.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Refuses, as a malformed body (400 naming the field), a JSON string holding a NUL character (U+0000):
 * PostgreSQL text cannot store it, and nothing a person writes contains it.
 */
@Singleton
public class JsonText implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("planwatch-text")
                .addDeserializer(String.class, new StringDeserializer() {
                    @Override
                    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                        String value = super.deserialize(parser, context);
                        if (value != null && value.indexOf('\u0000') >= 0) {
                            return (String) context.handleWeirdStringValue(
                                    String.class, value, "contains a NUL character (U+0000)");
                        }
                        return value;
                    }
                }));
    }
}
