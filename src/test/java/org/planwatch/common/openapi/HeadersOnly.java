package org.planwatch.common.openapi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.net.ssl.SSLSession;

/**
 * Sends a request that the server refuses on its headers alone (a Content-Length over the body limit: 413; headers over
 * their limit: 431) without sending its body, and reads the answer. The server answers such a request and closes the
 * connection without reading the body: a client that is still uploading then gets a broken pipe, or a reset that
 * discards the answer it had received, depending on scheduling. Announcing the body's length and sending none of it is
 * what the server decides on, without that race. (The JDK's client cannot do this: it computes Content-Length itself, and
 * its Expect: 100-continue waits forever for a refused request on Java 17.)
 */
final class HeadersOnly {

    private HeadersOnly() {}

    static HttpResponse<byte[]> send(HttpRequest request, Map<String, String> headers, long contentLength)
            throws IOException {
        URI uri = request.uri();
        StringBuilder head = new StringBuilder()
                .append(request.method())
                .append(' ')
                .append(uri.getRawPath())
                .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                .append(" HTTP/1.1\r\nHost: ")
                .append(uri.getHost())
                .append(':')
                .append(uri.getPort())
                .append("\r\nConnection: close\r\nContent-Length: ")
                .append(contentLength)
                .append("\r\n");
        headers.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            // The server answers at once, but keeps the connection open for the body it was told of: read the answer
            // by its own framing, not to the end of the stream.
            return read(request, socket.getInputStream());
        }
    }

    private static HttpResponse<byte[]> read(HttpRequest request, InputStream in) throws IOException {
        String statusLine = readLine(in);
        if (statusLine.isEmpty()) {
            throw new IOException("No answer to " + request.method() + " " + request.uri());
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon).trim(), name -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
        byte[] body = body(in, headers);
        HttpHeaders httpHeaders = HttpHeaders.of(headers, (name, value) -> true);
        return new HttpResponse<>() {
            @Override
            public int statusCode() {
                return status;
            }

            @Override
            public HttpRequest request() {
                return request;
            }

            @Override
            public Optional<HttpResponse<byte[]>> previousResponse() {
                return Optional.empty();
            }

            @Override
            public HttpHeaders headers() {
                return httpHeaders;
            }

            @Override
            public byte[] body() {
                return body;
            }

            @Override
            public Optional<SSLSession> sslSession() {
                return Optional.empty();
            }

            @Override
            public URI uri() {
                return request.uri();
            }

            @Override
            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        };
    }

    private static byte[] body(InputStream in, Map<String, List<String>> headers) throws IOException {
        List<String> length = headers.get("Content-Length");
        if (length != null) {
            return in.readNBytes(Integer.parseInt(length.get(0)));
        }
        if (!headers.getOrDefault("Transfer-Encoding", List.of()).contains("chunked")) {
            throw new IOException("An answer with neither Content-Length nor chunked encoding: " + headers);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
            body.write(in.readNBytes(size));
            readLine(in); // the CRLF after the chunk
        }
        return body.toByteArray();
    }

    private static int chunkSize(InputStream in) throws IOException {
        String line = readLine(in);
        return line.isEmpty() ? 0 : Integer.parseInt(line.split(";")[0].trim(), 16);
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
