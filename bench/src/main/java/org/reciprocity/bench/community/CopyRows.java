package org.reciprocity.bench.community;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows streamed into one table with {@code COPY ... FROM STDIN} (PostgreSQL's text format): fields are
 * appended one by one and sent in chunks of about a megabyte, so a table of ten million rows never sits in
 * memory. Each owns its connection (a connection runs one COPY at a time, and a loader fills several tables
 * at once) and commits when it is closed. Not thread-safe.
 */
final class CopyRows implements AutoCloseable {

    private static final int CHUNK = 1 << 20;

    private final Connection connection;
    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(CHUNK + 4096);
    private boolean rowStarted;
    private long rows;

    /** Starts the COPY on {@code connection}, which must not auto-commit; closing commits and closes it. */
    CopyRows(Connection connection, String table, String columns) throws SQLException {
        this.connection = connection;
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy " + table + " (" + columns + ") from stdin");
    }

    CopyRows add(long value) {
        separate();
        buffer.append(value);
        return this;
    }

    CopyRows add(boolean value) {
        separate();
        buffer.append(value ? 't' : 'f');
        return this;
    }

    /** A text field, or NULL; escaped as the text format requires. */
    CopyRows add(String value) {
        separate();
        if (value == null) {
            buffer.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
        return this;
    }

    /** A field already in COPY's text form (numbers, dates, timestamps made by the caller). */
    CopyRows raw(CharSequence value) {
        separate();
        buffer.append(value);
        return this;
    }

    CopyRows addNull() {
        separate();
        buffer.append("\\N");
        return this;
    }

    void endRow() throws SQLException {
        buffer.append('\n');
        rowStarted = false;
        rows++;
        if (buffer.length() >= CHUNK) {
            flush();
        }
    }

    long rows() {
        return rows;
    }

    private void separate() {
        if (rowStarted) {
            buffer.append('\t');
        }
        rowStarted = true;
    }

    private void flush() throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    /** Sends what is left, ends the COPY and commits. */
    @Override
    public void close() throws SQLException {
        try (connection) {
            if (!copy.isActive()) {
                return;
            }
            flush();
            long copied = copy.endCopy();
            if (copied != rows) {
                throw new SQLException("COPY took " + copied + " rows, " + rows + " were sent");
            }
            connection.commit();
        }
    }
}
