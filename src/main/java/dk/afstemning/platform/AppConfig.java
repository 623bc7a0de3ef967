package dk.afstemning.platform;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The app-wide settings, {@code afstemning.*}: where the decks and the database live, the public address, and which
 * other sites may use or embed the pages. See the README's "Configuration and data".
 */
@ConfigMapping(prefix = "afstemning")
public interface AppConfig {

    /** Base URL that phones use to join, e.g. {@code http://192.168.1.20:8080}; empty: this machine's LAN address. */
    Optional<String> publicUrl();

    /**
     * This instance's name on the live bus, in its logs and metrics, when several run behind a load balancer
     * ({@code AFSTEMNING_INSTANCE}); default the host name and process id ({@code dk.afstemning.live.bus.LiveBus}).
     */
    Optional<String> instance();

    /** Folder of Markdown decks imported at start-up, a path relative to the working directory or absolute. */
    @WithDefault("slides")
    String slidesDir();

    /**
     * Folder of the embedded H2 database files, absolute or relative starting with {@code ./}. Used by the JDBC URL in
     * application.properties.
     */
    @WithDefault("./data")
    String dataDir();

    /**
     * Origins ({@code scheme://host[:port]}) of other sites whose pages may vote, join and open sockets here; empty:
     * none but the site itself and {@link #publicUrl()}.
     */
    Optional<List<String>> allowedOrigins();

    /**
     * Host names (without port) that a request's {@code Host} header may give to join URLs and QR codes when
     * {@link #publicUrl()} is unset, e.g. {@code afstemning.lan}; empty: none, the LAN address is used
     * ({@link PublicUrls}).
     */
    Optional<List<String>> allowedHosts();

    /**
     * Origins of other sites ({@code scheme://host[:port]}, a {@code *.} host wildcard allowed) whose pages may show
     * the embed view {@code /embed/…} in a frame, comma-separated; empty: the site itself only. Every other page
     * may be framed by the site itself only (the web package's EmbedFraming).
     */
    Optional<List<String>> frameAncestors();
}
