package dk.afstemning.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * Writes a {@link Table} as CSV with Apache Commons CSV: RFC 4180 (comma separator, CRLF line ends, inner quotes
 * doubled), UTF-8 with a byte order mark so that spreadsheet programs read the Danish letters correctly, one header row,
 * and text cells neutralised by {@link CellText}. Every non-numeric field is quoted (RFC 4180 allows quoting any
 * field), so a text with a comma, quote, CR, LF or a semicolon (the list separator of Danish spreadsheets) stays one
 * field; numbers are not quoted, empty cells are empty.
 */
public final class CsvWriter {

    /** The UTF-8 byte order mark at the start of every CSV file. */
    public static final String BOM = "\uFEFF";

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n")
            .setQuoteMode(QuoteMode.NON_NUMERIC).get();

    private CsvWriter() {
    }

    /** The table as CSV bytes. */
    public static byte[] write(Table table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, FORMAT)) {
            writer.write(BOM);
            printer.printRecord(table.columns().stream().map(Table.Column::name).toList());
            for (List<Object> row : table.rows()) {
                printer.printRecord(row.stream().map(CsvWriter::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Object cell(Object value) {
        if (value instanceof String text) {
            return CellText.neutralise(text);
        }
        if (value instanceof BigDecimal number) {
            return new PlainNumber(number);
        }
        return value instanceof Number || value == null ? value : value.toString();
    }

    /** A decimal that prints without an exponent and that Commons CSV, being a Number, leaves unquoted. */
    private static final class PlainNumber extends Number {
        private final BigDecimal value;

        PlainNumber(BigDecimal value) {
            this.value = value;
        }

        @Override
        public String toString() {
            return value.toPlainString();
        }

        @Override
        public int intValue() {
            return value.intValue();
        }

        @Override
        public long longValue() {
            return value.longValue();
        }

        @Override
        public float floatValue() {
            return value.floatValue();
        }

        @Override
        public double doubleValue() {
            return value.doubleValue();
        }
    }
}
