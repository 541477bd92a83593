package org.planwatch.common.http;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which answers the HTTP layer compresses (quarkus.http.enable-compression, quarkus.http.compress-media-types): those,
 * and only those, depend on the request's Accept-Encoding, so their Vary names it.
 */
@ApplicationScoped
public class Compression {

    @ConfigProperty(name = "quarkus.http.enable-compression", defaultValue = "false")
    boolean enabled;

    @ConfigProperty(name = "quarkus.http.compress-media-types")
    Optional<List<String>> mediaTypes;

    private Set<String> compressed;

    @PostConstruct
    void read() {
        compressed = Set.copyOf(mediaTypes.orElse(List.of()));
    }

    public boolean enabled() {
        return enabled;
    }

    /** Whether an answer of this Content-Type is compressed for a client that takes gzip (Quarkus' test: the type before any parameter). */
    public boolean compresses(String contentType) {
        if (!enabled || contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        return compressed.contains((parameters < 0 ? contentType : contentType.substring(0, parameters)).strip());
    }

    public boolean compresses(MediaType mediaType) {
        return mediaType != null && compresses(mediaType.getType() + "/" + mediaType.getSubtype());
    }
}
