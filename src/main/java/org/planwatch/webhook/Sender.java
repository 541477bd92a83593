package org.planwatch.webhook;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.planwatch.common.config.PlanwatchConfig;

/**
 * One attempt to deliver one message: a POST of its body, signed, with a connect and a read timeout, following no
 * redirect. Only a 2xx answer delivers it. Of the answer, at most {@value #KEPT_BYTES} bytes are kept.
 */
@ApplicationScoped
public class Sender {

    static final int KEPT_BYTES = 1024;

    /** What came of an attempt: the receiver's status code (null when none came), why it failed, its answer's start. */
    record Attempt(Integer status, String error, String response) {
        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    @Inject
    PlanwatchConfig config;

    @Inject
    Targets targets;

    private final ExecutorService readers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "planwatch-webhook-reader");
        thread.setDaemon(true);
        return thread;
    });

    private volatile HttpClient client;

    @PreDestroy
    void stop() {
        readers.shutdownNow();
    }

    private HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder()
                    .connectTimeout(config.webhooks().timeout())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .version(HttpClient.Version.HTTP_1_1)
                    .build();
        }
        return client;
    }

    Attempt send(Webhook webhook, WebhookMessage message, String body, Instant now) {
        URI uri = URI.create(webhook.url);
        String refused = targets.refusal(uri.getHost());
        if (refused != null) {
            return new Attempt(null, "Not sent: the receiver's address " + refused + ".", null);
        }
        // Receivers check the timestamp against their own clock (5 minutes either way, as the libraries do): the real
        // time.
        long timestamp = Instant.now().getEpochSecond();
        Duration timeout = config.webhooks().timeout();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("content-type", "application/json")
                .header("user-agent", "Planwatch-Webhooks/1")
                .header("webhook-id", message.messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", Signatures.header(webhook, message.messageId, timestamp, body, now))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<InputStream> response;
        try {
            response = client().send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            return new Attempt(null, "No answer within " + timeout.toSeconds() + " s.", null);
        } catch (IOException e) {
            return new Attempt(null, "Could not send: " + describe(e) + ".", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(null, "Interrupted: the service was stopping.", null);
        }
        int status = response.statusCode();
        String answer = read(response.body(), timeout);
        String error = null;
        if (status >= 300 && status < 400) {
            error = "Redirects are not followed (Location: "
                    + response.headers().firstValue("location").orElse("none") + ").";
        } else if (status < 200 || status >= 300) {
            error = "The receiver answered " + status + ".";
        }
        return new Attempt(status, error, answer);
    }

    /** The start of the answer's body, read within the timeout; the rest is never read. */
    private String read(InputStream in, Duration timeout) {
        Future<byte[]> read = readers.submit(() -> in.readNBytes(KEPT_BYTES));
        try {
            return text(read.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException | ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            read.cancel(true);
            try {
                in.close();
            } catch (IOException ignored) {
                // the connection is dropped either way
            }
        }
    }

    /** The bytes as text (UTF-8, a character cut at the end dropped, NULs removed), or null when there are none. */
    static String text(byte[] bytes) {
        if (bytes.length == 0) {
            return null;
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes));
            String text = chars.toString().replace("\u0000", "");
            while (text.getBytes(StandardCharsets.UTF_8).length > KEPT_BYTES) {
                text = text.substring(0, text.length() - 1);
            }
            return text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " " + message);
    }
}
