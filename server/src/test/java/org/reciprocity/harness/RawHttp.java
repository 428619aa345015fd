package org.reciprocity.harness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket to 127.0.0.1, one connection per request. Unlike MockMvc or
 * java.net.http it sends the request line and headers byte for byte as given, so malformed percent
 * encodings, raw non-ASCII bytes and broken multipart bodies reach the servlet container unchanged.
 * Strings are written as ISO-8859-1: each char below 256 becomes exactly one byte.
 */
public final class RawHttp {

    private static final int TIMEOUT_MILLIS = 60_000;

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /** A request as it goes on the wire; {@code target} is the raw request-target (path and query). */
    public record Request(String method, String target, List<String[]> headers, byte[] body) {

        public static Request of(String method, String target) {
            return new Request(method, target, new ArrayList<>(), null);
        }

        public Request header(String name, String value) {
            List<String[]> more = new ArrayList<>(headers);
            more.add(new String[] {name, value});
            return new Request(method, target, more, body);
        }

        public Request body(byte[] bytes) {
            return new Request(method, target, headers, bytes);
        }

        public Request json(String text) {
            return header("Content-Type", "application/json").body(text.getBytes(StandardCharsets.UTF_8));
        }

        public Request bearer(String token) {
            return token == null ? this : header("Authorization", "Bearer " + token);
        }

        public boolean hasHeader(String name) {
            return headers.stream().anyMatch(h -> h[0].equalsIgnoreCase(name));
        }

        /** Method and target, shortened for reports. */
        public String line() {
            return method + " " + Text.excerpt(target, 160);
        }
    }

    /** The status is -1 when no HTTP response came back; {@code body} then says why. */
    public record Response(int status, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public String contentType() {
            String type = header("Content-Type");
            return type == null ? "" : type;
        }

        public boolean is2xx() {
            return status >= 200 && status < 300;
        }

        public boolean isProblemJson() {
            return contentType().toLowerCase(Locale.ROOT).startsWith("application/problem+json");
        }
    }

    public Response send(Request request) {
        try (Socket socket = new Socket()) {
            // from 127.0.0.2, the reverse proxy the test context trusts, so that X-Forwarded-For is believed
            socket.bind(new InetSocketAddress("127.0.0.2", 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            IOException writeFailure = null;
            try {
                write(socket.getOutputStream(), request);
            } catch (IOException e) {
                // the server may answer and close before reading a large body: read what it said
                writeFailure = e;
            }
            byte[] raw = socket.getInputStream().readAllBytes();
            if (raw.length == 0) {
                return noResponse(writeFailure == null ? "connection closed without a response" : writeFailure.toString());
            }
            return parse(raw);
        } catch (IOException e) {
            return noResponse(e.toString());
        }
    }

    private void write(OutputStream out, Request request) throws IOException {
        StringBuilder head = new StringBuilder();
        head.append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
        head.append("Host: 127.0.0.1:").append(port).append("\r\n");
        head.append("Connection: close\r\n");
        for (String[] h : request.headers()) {
            head.append(h[0]).append(": ").append(h[1]).append("\r\n");
        }
        if (request.body() != null && !request.hasHeader("Content-Length")) {
            head.append("Content-Length: ").append(request.body().length).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (request.body() != null) {
            out.write(request.body());
        }
        out.flush();
    }

    private static Response noResponse(String why) {
        return new Response(-1, Map.of(), why);
    }

    private static Response parse(byte[] raw) throws IOException {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (end < 0) {
            return noResponse("incomplete response: " + new String(raw, StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status = Integer.parseInt(statusLine[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).strip());
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        List<String> encoding = headers.getOrDefault("transfer-encoding", List.of());
        if (encoding.stream().anyMatch(e -> e.equalsIgnoreCase("chunked"))) {
            body = dechunk(body);
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = new java.io.ByteArrayInputStream(chunked);
        while (true) {
            String sizeLine = readLine(in);
            if (sizeLine == null) {
                return out.toByteArray();
            }
            int semicolon = sizeLine.indexOf(';');
            String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip();
            if (hex.isEmpty()) {
                continue;
            }
            int size = Integer.parseInt(hex, 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(size));
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                return line.toString().replace("\r", "");
            }
            line.append((char) c);
        }
        return line.isEmpty() ? null : line.toString();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
