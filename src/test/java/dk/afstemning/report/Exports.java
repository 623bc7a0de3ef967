package dk.afstemning.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Test helpers: download an export and parse it back with Commons CSV or POI. */
public final class Exports {

    private Exports() {
    }

    /** GETs {@code path} (with the current test identity) and returns the body bytes, checking status and file name. */
    public static byte[] download(String path, String contentType, String filename) {
        return given().when().get(path).then().statusCode(200)
                .header("Content-Type", org.hamcrest.Matchers.startsWith(contentType))
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .extract().asByteArray();
    }

    /** Parses CSV bytes: checks the BOM and CRLF line ends, returns every record including the header. */
    public static List<CSVRecord> csv(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        try {
            List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(text.substring(1))).getRecords();
            int columns = records.get(0).size();
            assertThat(records).allSatisfy(r -> assertThat(r.size()).isEqualTo(columns));
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses XLSX bytes into sheet name and rows of cells (String, Double, Boolean or null for blank). */
    public static List<SheetData> xlsx(byte[] bytes) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            List<SheetData> sheets = new ArrayList<>();
            for (Sheet sheet : workbook) {
                List<List<Object>> rows = new ArrayList<>();
                int width = sheet.getRow(0).getLastCellNum();
                for (Row row : sheet) {
                    List<Object> cells = new ArrayList<>();
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        Cell cell = row.getCell(c);
                        assertThat(cell == null || cell.getCellType() != CellType.FORMULA).isTrue();
                        cells.add(cell == null ? null : switch (cell.getCellType()) {
                            case STRING -> cell.getStringCellValue();
                            case NUMERIC -> cell.getNumericCellValue();
                            case BOOLEAN -> cell.getBooleanCellValue();
                            default -> null;
                        });
                    }
                    while (cells.size() < width) {
                        cells.add(null); // POI stores no trailing blank cells
                    }
                    rows.add(cells);
                }
                sheets.add(new SheetData(sheet.getSheetName(), rows));
            }
            return sheets;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record SheetData(String name, List<List<Object>> rows) {
    }
}
