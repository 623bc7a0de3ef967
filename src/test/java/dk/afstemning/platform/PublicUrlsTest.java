package dk.afstemning.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * Issue 21, item 9: the {@code Host} header decided join URLs and QR codes. Now only {@code afstemning.public-url},
 * an allowed host ({@code afstemning.allowed-hosts}) or this machine's LAN address make a join URL.
 */
class PublicUrlsTest {

    private static PublicUrls urls(Optional<String> publicUrl, List<String> allowedHosts) {
        PublicUrls urls = new PublicUrls();
        urls.app = mock(AppConfig.class);
        when(urls.app.publicUrl()).thenReturn(publicUrl);
        when(urls.app.allowedHosts()).thenReturn(Optional.of(allowedHosts));
        urls.http = mock(HttpConfig.class);
        when(urls.http.host()).thenReturn("10.0.0.7");
        when(urls.http.port()).thenReturn(8080);
        return urls;
    }

    @Test
    void aForeignHostHeaderNeverReachesTheJoinUrl() {
        assertThat(urls(Optional.empty(), List.of()).base("evil.example")).isEqualTo("http://10.0.0.7:8080");
        assertThat(urls(Optional.empty(), List.of()).base("evil.example:9999")).isEqualTo("http://10.0.0.7:8080");
        assertThat(urls(Optional.empty(), List.of("afstemning.lan")).base("evil.example"))
                .isEqualTo("http://10.0.0.7:8080");
    }

    @Test
    void anAllowedHostIsUsedAsTheBrowserSentIt() {
        assertThat(urls(Optional.empty(), List.of("Afstemning.LAN")).base("afstemning.lan:8080"))
                .isEqualTo("http://afstemning.lan:8080");
    }

    @Test
    void thePublicUrlWinsOverEveryHost() {
        assertThat(urls(Optional.of("https://vote.example.dk/"), List.of("afstemning.lan")).base("afstemning.lan"))
                .isEqualTo("https://vote.example.dk");
    }

    @Test
    void aLoopbackHostGivesOnlyItsPort() {
        assertThat(urls(Optional.empty(), List.of("localhost")).base("localhost:18080"))
                .isEqualTo("http://10.0.0.7:18080");
    }
}
