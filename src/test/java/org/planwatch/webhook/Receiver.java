package org.planwatch.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.planwatch.Await;

/**
 * A webhook receiver on loopback, as an association's site would run one: it records every request it gets, by path,
 * and answers as the test scripted for that path (200 when nothing is scripted). Requests are handled in parallel, so
 * that a receiver that hangs on one path does not hold up the others, and {@link #maxInFlight} tells whether two
 * requests for one path were ever in flight at once.
 */
public final class Receiver implements AutoCloseable {

    /** One request as it arrived. */
    public record Received(String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /** How to answer one request: a status, an optional Location, or hanging until the receiver closes. */
    public record Answer(int status, String location, boolean hang) {
        public static Answer status(int status) {
            return new Answer(status, null, false);
        }

        public static Answer redirect(String location) {
            return new Answer(302, location, false);
        }

        public static Answer hangs() {
            return new Answer(0, null, true);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, Integer> maxInFlight = new ConcurrentHashMap<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Duration answerAfter;

    public Receiver() throws IOException {
        this(Duration.ZERO);
    }

    /** A receiver that takes {@code answerAfter} over each answer, as a busy site does. */
    public Receiver(Duration answerAfter) throws IOException {
        this.answerAfter = answerAfter;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** The URL of a path on this receiver, e.g. {@code http://127.0.0.1:4711/a}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next requests to this path are answered so, in order; then 200. */
    public void script(String path, Answer... answers) {
        scripts.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(answers));
    }

    public List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    public List<Received> awaitCount(String path, int count) {
        Await.until(
                count + " requests at " + path,
                Await.GENEROUSLY,
                () -> at(path).size() >= count,
                () -> "(got " + at(path).size() + ")");
        return at(path);
    }

    public int maxInFlight(String path) {
        return maxInFlight.getOrDefault(path, 0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        AtomicInteger now = inFlight.computeIfAbsent(path, p -> new AtomicInteger());
        maxInFlight.merge(path, now.incrementAndGet(), Math::max);
        try {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(exchange.getRequestHeaders());
            received.add(new Received(path, headers, body));
            Answer answer;
            synchronized (scripts) {
                Deque<Answer> script = scripts.get(path);
                answer = script == null || script.isEmpty() ? Answer.status(200) : script.poll();
            }
            if (answer.hang()) {
                try {
                    closing.await(Await.GENEROUSLY.toSeconds(), TimeUnit.SECONDS); // held until the test ends
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
                return;
            }
            if (!answerAfter.isZero()) {
                try {
                    Thread.sleep(answerAfter.toMillis()); // a slow site, not a timing assertion
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (answer.location() != null) {
                exchange.getResponseHeaders().add("Location", answer.location());
            }
            byte[] reply = ("answer " + answer.status() + " from the receiver").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        } finally {
            now.decrementAndGet();
        }
    }

    /** Lets the requests that hang go (without an answer). */
    public void releaseHanging() {
        closing.countDown();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
