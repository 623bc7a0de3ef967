package dk.afstemning.web;

import io.nayuki.qrcodegen.QrCode;

/**
 * QR codes for inline SVG, from io.nayuki:qrcodegen's module matrix (the library has no SVG writer). The page template
 * draws {@link Qr#path()} in a {@code viewBox} of {@link Qr#size()}, so no markup is built by string joining.
 */
public final class QrCodes {

    /** Quiet zone around the code, in modules, as the QR specification asks. */
    static final int BORDER = 4;

    private QrCodes() {
    }

    /**
     * A QR code ready for an SVG {@code <path>}.
     *
     * @param size width and height in modules, quiet zone included
     * @param path SVG path data with one 1×1 square per dark module
     */
    public record Qr(int size, String path) {
    }

    /** @param text what the code encodes, typically the join URL; error correction level M */
    public static Qr of(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M').append(x + BORDER).append(',').append(y + BORDER).append("h1v1h-1z");
                }
            }
        }
        return new Qr(qr.size + 2 * BORDER, path.toString());
    }
}
