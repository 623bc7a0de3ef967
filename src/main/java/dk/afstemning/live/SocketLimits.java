package dk.afstemning.live;

import org.eclipse.microprofile.config.ConfigProvider;

/** The size limit of incoming socket messages, and how its breach is recognised and explained to the client. */
final class SocketLimits {

    private SocketLimits() {
    }

    /** Bytes a message may have: {@code quarkus.websockets-next.server.max-message-size}, else Vert.x's 262144. */
    static int maxMessageBytes() {
        return ConfigProvider.getConfig()
                .getOptionalValue("quarkus.websockets-next.server.max-message-size", Integer.class).orElse(262144);
    }

    /** Vert.x reports a message over the limit as an IllegalStateException naming "max message size". */
    static boolean isTooLarge(Throwable failure) {
        return failure instanceof IllegalStateException && failure.getMessage() != null
                && failure.getMessage().contains("max message size");
    }

    static String tooLargeDetail() {
        return "A message may be at most " + maxMessageBytes() + " bytes; this one was dropped";
    }
}
