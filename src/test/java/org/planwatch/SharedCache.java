package org.planwatch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * A real shared cache in front of a service: Debian's nginx with proxy_cache, started by the test on a free loopback port
 * with a configuration it writes into target/ (nothing special: freshness comes from the service's Cache-Control, stale
 * answers are revalidated with their ETag), in the foreground, its pid file, logs and cache in the same directory. Each
 * answer says in X-Cache-Status what the cache did: MISS, HIT, EXPIRED, REVALIDATED, STALE, UPDATING...
 */
public final class SharedCache implements AutoCloseable {

    public static final Path NGINX = Path.of("/usr/sbin/nginx");

    private final Process process;
    private final Path directory;
    private final int port;

    private SharedCache(Process process, Path directory, int port) {
        this.process = process;
        this.directory = directory;
        this.port = port;
    }

    public static boolean installed() {
        return Files.isExecutable(NGINX);
    }

    /** Starts nginx in front of 127.0.0.1:{@code upstreamPort}, in a fresh {@code directory}, and waits until it proxies. */
    public static SharedCache start(Path directory, int upstreamPort) throws Exception {
        deleteRecursively(directory);
        Files.createDirectories(directory.resolve("cache"));
        Path home = directory.toAbsolutePath();
        int port = PackagedService.freePort();
        Path conf = home.resolve("nginx.conf");
        Files.writeString(conf, """
                # Written by the test that starts it: not a system service.
                daemon off;
                master_process off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log info;
                events { worker_connections 256; }
                http {
                    log_format cache '$request "$http_accept" "$http_accept_encoding" "$http_accept_language" "$http_origin" '
                                     '$status $upstream_cache_status';
                    access_log %1$s/access.log cache;
                    client_body_temp_path %1$s/client_body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    proxy_cache_path %1$s/cache levels=1:2 keys_zone=planwatch:4m max_size=64m inactive=10m use_temp_path=off;
                    server {
                        listen 127.0.0.1:%2$d;
                        location / {
                            proxy_pass http://127.0.0.1:%3$d;
                            proxy_http_version 1.1;
                            proxy_cache planwatch;
                            proxy_cache_revalidate on;
                            add_header X-Cache-Status $upstream_cache_status always;
                        }
                    }
                }
                """.formatted(home, port, upstreamPort), StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(
                        NGINX.toString(),
                        "-p",
                        home + "/",
                        "-c",
                        conf.toString(),
                        "-e",
                        home.resolve("error.log").toString())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("nginx.out").toFile())
                .start();
        SharedCache cache = new SharedCache(process, home, port);
        cache.awaitListening(Duration.ofSeconds(30));
        return cache;
    }

    private void awaitListening(Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(process.isAlive(), "nginx stopped: " + log());
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50); // waiting for a process to start, not timing a behaviour
            }
        }
        throw new AssertionError("nginx did not listen within " + within.toSeconds() + " s: " + log());
    }

    /** What a client got through the cache. */
    public record Answer(int status, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            List<String> values = headers(name);
            return values.isEmpty() ? null : values.get(0);
        }

        public List<String> headers(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .toList();
        }

        /** What the cache did: MISS, HIT, EXPIRED, REVALIDATED, STALE, UPDATING, BYPASS, or null when it did not look. */
        public String cacheStatus() {
            return header("X-Cache-Status");
        }
    }

    /** A GET through the cache with these request headers (name, value, name, value...); a gzip body is decoded. */
    public Answer get(String path, String... headers) throws IOException, InterruptedException {
        return send("http://127.0.0.1:" + port + path, headers);
    }

    /** The same GET straight to the service, past the cache, with the same Host as the cache sends. */
    public static Answer direct(int servicePort, String path, String... headers)
            throws IOException, InterruptedException {
        return send("http://127.0.0.1:" + servicePort + path, headers);
    }

    private static Answer send(String url, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(PackagedService.REQUEST_TIMEOUT)
                .GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<byte[]> response =
                PackagedService.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        byte[] body = response.body();
        if ("gzip"
                .equalsIgnoreCase(
                        response.headers().firstValue("Content-Encoding").orElse(""))) {
            try (GZIPInputStream unzip = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = unzip.readAllBytes();
            }
        }
        return new Answer(response.statusCode(), response.headers().map(), new String(body, StandardCharsets.UTF_8));
    }

    public String log() {
        StringBuilder log = new StringBuilder();
        for (String file : List.of("nginx.out", "error.log", "access.log")) {
            try {
                Path path = directory.resolve(file);
                if (Files.exists(path)) {
                    log.append("\n== ").append(path).append('\n').append(Files.readString(path));
                }
            } catch (IOException e) {
                log.append("\n(")
                        .append(file)
                        .append(" unreadable: ")
                        .append(e.getMessage())
                        .append(')');
            }
        }
        return log.toString();
    }

    /** SIGTERM (nginx's fast shutdown), then SIGKILL if it lingers. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
