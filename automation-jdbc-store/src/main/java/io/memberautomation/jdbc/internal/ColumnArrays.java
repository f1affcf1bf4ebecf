package io.memberautomation.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * The columns of a row type, bound as one array parameter per column, so that one statement that unnests
 * them writes every row (see {@link Dialect#writesRowsAsArrays()}). Instants travel as ISO-8601 text,
 * truncated like every stored instant ({@link Jdbc#stored}); the statement casts them to timestamps, and
 * JSON text to JSON, itself.
 *
 * @param <T> the row type
 */
final class ColumnArrays<T> {
    /** @param array a new array of the column's Java type, so the driver encodes the elements by type */
    private record Column<T>(String type, IntFunction<Object[]> array, Function<T, @Nullable Object> value) {}

    private final List<Column<T>> columns = new ArrayList<>();

    ColumnArrays<T> text(Function<T, @Nullable String> value) {
        columns.add(new Column<>("text", String[]::new, value::apply));
        return this;
    }

    ColumnArrays<T> optionalText(Function<T, Optional<String>> value) {
        return text(row -> value.apply(row).orElse(null));
    }

    ColumnArrays<T> integer(Function<T, Integer> value) {
        columns.add(new Column<>("int4", Integer[]::new, value::apply));
        return this;
    }

    ColumnArrays<T> bigint(Function<T, Long> value) {
        columns.add(new Column<>("int8", Long[]::new, value::apply));
        return this;
    }

    ColumnArrays<T> bool(Function<T, Boolean> value) {
        columns.add(new Column<>("bool", Boolean[]::new, value::apply));
        return this;
    }

    ColumnArrays<T> instant(Function<T, Instant> value) {
        columns.add(new Column<>("text", String[]::new, value::apply));
        return this;
    }

    ColumnArrays<T> optionalInstant(Function<T, Optional<Instant>> value) {
        columns.add(new Column<>("text", String[]::new, row -> value.apply(row).orElse(null)));
        return this;
    }

    /** Binds every column of {@code rows} as parameters 1 to n, in the order the columns were declared. */
    void bind(PreparedStatement statement, List<T> rows) throws SQLException {
        Connection connection = statement.getConnection();
        // the rows of a batch share few distinct times (a pass logs its steps at one instant): each is
        // formatted once
        Map<Instant, String> formatted = new HashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            Column<T> column = columns.get(c);
            Object[] values = column.array().apply(rows.size());
            for (int r = 0; r < values.length; r++) {
                Object value = column.value().apply(rows.get(r));
                values[r] = value instanceof Instant at
                        ? formatted.computeIfAbsent(at, key -> Jdbc.stored(key).toString()) : value;
            }
            statement.setArray(c + 1, connection.createArrayOf(column.type(), values));
        }
    }
}
