package dk.afstemning.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes tables as an XLSX workbook with Apache POI, one sheet per table. Text goes into string cells, never formulas,
 * so a text starting with {@code =} stays text and is written exactly as typed (no prefix needed, unlike CSV). Numbers
 * go into numeric cells, booleans into boolean cells, null leaves the cell empty. The first row is the header.
 */
public final class XlsxWriter {

    private XlsxWriter() {
    }

    /** The tables as XLSX bytes; sheet names are made safe (31 characters, no {@code []:*?/\}) and unique. */
    public static byte[] write(List<Table> tables) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            Set<String> used = new HashSet<>();
            for (Table table : tables) {
                Sheet sheet = workbook.createSheet(uniqueName(table.name(), used));
                Row header = sheet.createRow(0);
                for (int c = 0; c < table.columns().size(); c++) {
                    header.createCell(c).setCellValue(table.columns().get(c).name());
                }
                for (int r = 0; r < table.rows().size(); r++) {
                    Row row = sheet.createRow(r + 1);
                    List<Object> cells = table.rows().get(r);
                    for (int c = 0; c < cells.size(); c++) {
                        set(row.createCell(c), cells.get(c));
                    }
                }
            }
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void set(Cell cell, Object value) {
        if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        } else if (value instanceof Boolean bool) {
            cell.setCellValue(bool);
        } else if (value != null) {
            cell.setCellValue(value.toString());
        }
    }

    private static String uniqueName(String wanted, Set<String> used) {
        String base = WorkbookUtil.createSafeSheetName(wanted == null || wanted.isBlank() ? "Sheet" : wanted);
        String name = base;
        for (int i = 2; !used.add(name.toLowerCase(java.util.Locale.ROOT)); i++) {
            String suffix = " (" + i + ")";
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        return name;
    }
}
