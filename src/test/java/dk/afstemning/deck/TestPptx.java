package dk.afstemning.deck;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.sl.usermodel.PictureData;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.xslf.usermodel.SlideLayout;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFRelation;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFSlideLayout;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.openxmlformats.schemas.drawingml.x2006.main.CTBlip;
import org.openxmlformats.schemas.presentationml.x2006.main.CTPicture;

/**
 * PowerPoint presentations and other files that the tests make themselves with POI: slides with a title, a line of
 * text and speaker notes, and files that must be refused.
 */
public final class TestPptx {

    private TestPptx() {
    }

    /** The title of slide {@code n} of {@link #deck}. */
    public static String title(int n) {
        return n == 1 ? "Ledelse i en frisat kommune" : "Dias " + n + ": økonomi og styring";
    }

    /** The text of slide {@code n} of {@link #deck}. */
    public static String body(int n) {
        return n == 1 ? "Perspektiver og erfaringer" : "Punkt på dias " + n;
    }

    /** The text of page {@code n} of {@link #deck} made into a PDF: the title, then the text with its bullet. */
    public static String pageText(int n) {
        return title(n) + "\n• " + body(n);
    }

    /** The speaker notes of slide {@code n} of {@link #deck}: two lines, the second with characters to escape. */
    public static String notes(int n) {
        return "Husk at spørge salen om dias " + n + ".\nPil: --> og <tag> & \"citat\"";
    }

    /** A 16:9 presentation of {@code slides} slides, each with its title, one line of text and its notes. */
    public static byte[] deck(int slides) {
        return deck(slides, 0);
    }

    /** Like {@link #deck(int)}, with slide {@code hidden} hidden in the slide show (0: none). */
    public static byte[] deck(int slides, int hidden) {
        return bytes(out -> {
            try (XMLSlideShow show = new XMLSlideShow()) {
                show.setPageSize(new Dimension(960, 540));
                XSLFSlideLayout layout = show.getSlideMasters().get(0).getLayout(SlideLayout.TITLE_AND_CONTENT);
                for (int n = 1; n <= slides; n++) {
                    XSLFSlide slide = show.createSlide(layout);
                    slide.getPlaceholder(0).setText(title(n));
                    slide.getPlaceholder(1).setText(body(n));
                    slide.setHidden(n == hidden);
                    XSLFNotes notes = show.getNotesSlide(slide);
                    for (XSLFTextShape shape : notes.getPlaceholders()) {
                        if (shape.getTextType() == Placeholder.BODY) {
                            shape.setText(notes(n));
                        }
                    }
                }
                show.write(out);
            }
        });
    }

    /** One slide titled "Uden noter" with neither text nor notes. */
    public static byte[] deckWithoutNotes() {
        return bytes(out -> {
            try (XMLSlideShow show = new XMLSlideShow()) {
                XSLFSlide slide = show.createSlide(show.getSlideMasters().get(0).getLayout(SlideLayout.TITLE_ONLY));
                slide.getPlaceholder(0).setText("Uden noter");
                show.write(out);
            }
        });
    }

    /**
     * One slide with a picture linked, not embedded: its relationship points outside the file to {@code url}; and a
     * hyperlink to {@code https://www.vive.dk/} on its title.
     */
    public static byte[] withLinkedPicture(String url) {
        return bytes(out -> {
            try (XMLSlideShow show = new XMLSlideShow()) {
                XSLFSlide slide = show.createSlide(show.getSlideMasters().get(0).getLayout(SlideLayout.TITLE_ONLY));
                slide.getPlaceholder(0).setText("Link");
                slide.getPlaceholder(0).getTextParagraphs().get(0).getTextRuns().get(0).createHyperlink()
                        .setAddress("https://www.vive.dk/");
                XSLFPictureShape picture = slide.createPicture(show.addPicture(png(), PictureData.PictureType.PNG));
                PackageRelationship link = slide.getPackagePart().addExternalRelationship(url,
                        XSLFRelation.IMAGES.getRelation());
                CTBlip blip = ((CTPicture) picture.getXmlObject()).getBlipFill().getBlip();
                blip.setLink(link.getId());
                blip.unsetEmbed();
                show.write(out);
            }
        });
    }

    /** A small PNG image. */
    public static byte[] png() {
        return bytes(out -> ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", out));
    }

    /** The presentation with a VBA project added, as PowerPoint saves a {@code .pptm}. */
    public static byte[] withMacros(byte[] pptx) {
        return zip(pptx, "ppt/vbaProject.bin", new byte[] {1, 2, 3});
    }

    /** The presentation with a picture of {@code bytes} random bytes added, which do not compress. */
    public static byte[] padded(byte[] pptx, int bytes) {
        byte[] noise = new byte[bytes];
        new Random(17).nextBytes(noise);
        return zip(pptx, "ppt/media/noise.bin", noise);
    }

    /**
     * A ZIP bomb shaped as a presentation: the presentation plus one entry of {@code unpacked} zero bytes (a few
     * hundred KB packed for 64 MiB).
     */
    public static byte[] bomb(byte[] pptx, long unpacked) {
        return bytes(out -> {
            try (ZipOutputStream zip = copy(pptx, out)) {
                zip.putNextEntry(new ZipEntry("ppt/media/zeros.bin"));
                byte[] zeros = new byte[1024 * 1024];
                for (long written = 0; written < unpacked; written += zeros.length) {
                    zip.write(zeros, 0, (int) Math.min(zeros.length, unpacked - written));
                }
                zip.closeEntry();
            }
        });
    }

    /** The presentation locked with a password (agile encryption), as PowerPoint saves it. */
    public static byte[] encrypted(byte[] pptx, String password) {
        return bytes(out -> {
            try (POIFSFileSystem fs = new POIFSFileSystem()) {
                Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
                encryptor.confirmPassword(password);
                try (OutputStream os = encryptor.getDataStream(fs)) {
                    os.write(pptx);
                } catch (GeneralSecurityException e) {
                    throw new IOException(e);
                }
                fs.writeFilesystem(out);
            }
        });
    }

    /** An OLE2 file with the stream PowerPoint 97–2003 keeps its slides in, as a {@code .ppt} has. */
    public static byte[] legacyPpt() {
        return bytes(out -> {
            try (POIFSFileSystem fs = new POIFSFileSystem()) {
                fs.createDocument(new ByteArrayInputStream(new byte[64]), "PowerPoint Document");
                fs.createDocument(new ByteArrayInputStream(new byte[64]), "Current User");
                fs.writeFilesystem(out);
            }
        });
    }

    /** A Word document with one paragraph. */
    public static byte[] docx() {
        return bytes(out -> {
            try (XWPFDocument doc = new XWPFDocument()) {
                doc.createParagraph().createRun().setText("Referat");
                doc.write(out);
            }
        });
    }

    /** A Keynote file's outline: a ZIP with its {@code Index/Document.iwa}. */
    public static byte[] keynote() {
        byte[] plist = zip(null, "Metadata/Properties.plist", "<plist/>".getBytes(StandardCharsets.UTF_8));
        return zip(plist, "Index/Document.iwa", new byte[] {0, 1, 2, 3});
    }

    /** A ZIP with the entries of {@code base} (none when null) and one more. */
    private static byte[] zip(byte[] base, String name, byte[] content) {
        return bytes(out -> {
            try (ZipOutputStream zip = copy(base, out)) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(content);
                zip.closeEntry();
            }
        });
    }

    private static ZipOutputStream copy(byte[] base, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        if (base != null) {
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(base))) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    zip.putNextEntry(new ZipEntry(entry.getName()));
                    in.transferTo(zip);
                    zip.closeEntry();
                }
            }
        }
        return zip;
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static byte[] bytes(Writer writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
