package dk.afstemning.export;

import java.util.List;

/**
 * One table of an export, written the same way to CSV and to an XLSX sheet: a header row of column names and rows of
 * cells. A cell is a {@link String} (text, neutralised in CSV by {@link CellText}), a {@link Number}, a
 * {@link Boolean}, or null (empty).
 *
 * @param name the table's name, also the sheet name
 * @param columns the columns, as the codebook describes them
 * @param rows each row has exactly one cell per column
 */
public record Table(String name, List<Column> columns, List<List<Object>> rows) {

    /**
     * A column of a table.
     *
     * @param name the header, snake_case
     * @param type {@code text}, {@code integer}, {@code number}, {@code boolean} or {@code timestamp} (ISO 8601 with
     *        offset)
     * @param description what the column holds, for the codebook
     */
    public record Column(String name, String type, String description) {
    }

    public Table {
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(name + ": a row has " + row.size() + " cells for "
                        + columns.size() + " columns");
            }
        }
    }
}
