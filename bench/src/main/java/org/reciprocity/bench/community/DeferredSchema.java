package org.reciprocity.bench.community;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * The indexes and constraints that make a bulk load slow, taken off before COPY and put back after it
 * exactly as the migrations made them: their definitions are read from the catalogue
 * ({@code pg_get_indexdef}, {@code pg_get_constraintdef}) rather than written out again here, so a new
 * migration's index comes back too. Primary keys stay (rows arrive in key order, so keeping them is cheap);
 * every foreign key of the schema goes, because TRUNCATE (which lets COPY skip the WAL) refuses a table
 * that any foreign key references, and checking keys row by row is the slowest part of a load.
 */
final class DeferredSchema {

    private record Item(String table, String name, String create, String drop) {}

    private final List<Item> uniqueAndIndexes;
    private final List<Item> foreignKeys;

    private DeferredSchema(List<Item> uniqueAndIndexes, List<Item> foreignKeys) {
        this.uniqueAndIndexes = uniqueAndIndexes;
        this.foreignKeys = foreignKeys;
    }

    /** Reads what is to be deferred on {@code tables}, saves it to {@code backup}, then drops it. */
    static DeferredSchema drop(Connection db, Collection<String> tables, Path backup) throws SQLException, IOException {
        List<Item> indexes = new ArrayList<>();
        List<Item> keys = new ArrayList<>();
        Array names = db.createArrayOf("text", tables.toArray());
        try (PreparedStatement unique = db.prepareStatement("""
                select c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)
                from pg_constraint c where c.contype = 'u' and c.connamespace = 'public'::regnamespace
                  and c.conrelid::regclass::text = any(?) order by 1, 2
                """)) {
            unique.setArray(1, names);
            try (ResultSet rs = unique.executeQuery()) {
                while (rs.next()) {
                    indexes.add(constraint(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        try (PreparedStatement plain = db.prepareStatement("""
                select t.relname, i.relname, pg_get_indexdef(i.oid)
                from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
                where t.relnamespace = 'public'::regnamespace and t.relname = any(?)
                  and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid)
                order by 1, 2
                """)) {
            plain.setArray(1, names);
            try (ResultSet rs = plain.executeQuery()) {
                while (rs.next()) {
                    indexes.add(new Item(rs.getString(1), rs.getString(2), rs.getString(3), "drop index " + rs.getString(2)));
                }
            }
        }
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("""
                select c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)
                from pg_constraint c where c.contype = 'f' and c.connamespace = 'public'::regnamespace order by 1, 2
                """)) {
            while (rs.next()) {
                keys.add(constraint(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        DeferredSchema deferred = new DeferredSchema(indexes, keys);
        StringBuilder script = new StringBuilder("-- dropped by LoadCommunity before COPY; recreated after it\n");
        deferred.all().forEach(i -> script.append(i.create()).append(";\n"));
        Files.writeString(backup, script);
        try (Statement st = db.createStatement()) {
            for (Item key : keys) {
                st.execute(key.drop());
            }
            for (Item index : indexes) {
                st.execute(index.drop());
            }
        }
        return deferred;
    }

    int size() {
        return uniqueAndIndexes.size() + foreignKeys.size();
    }

    /** Builds the indexes and unique constraints again, then validates and adds the foreign keys. */
    void recreate(Connection db, Consumer<String> log) throws SQLException {
        try (Statement st = db.createStatement()) {
            for (Item item : all()) {
                long start = System.nanoTime();
                st.execute(item.create());
                log.accept(String.format("  %-60s %6.1f s", item.table() + "." + item.name(), (System.nanoTime() - start) / 1e9));
            }
        }
    }

    private List<Item> all() {
        List<Item> all = new ArrayList<>(uniqueAndIndexes);
        all.addAll(foreignKeys);
        return all;
    }

    private static Item constraint(String table, String name, String definition) {
        return new Item(table, name, "alter table " + table + " add constraint " + name + " " + definition,
                "alter table " + table + " drop constraint " + name);
    }
}
