package dk.afstemning.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.vertx.core.net.HostAndPort;

/** The parts of the abuse limits on their own, on a clock the test moves: rates, buckets, miss windows, keys, log. */
class LimitPartsTest {

    final FakeTicker clock = new FakeTicker();

    @Test
    void ratesAreReadAsRateUnitAndBurst() {
        assertThat(Rate.parse("5/s burst 20")).isEqualTo(new Rate(5, Duration.ofSeconds(1), 20));
        assertThat(Rate.parse("30/min")).isEqualTo(new Rate(30, Duration.ofMinutes(1), 30));
        assertThat(Rate.parse(" 2 / H  Burst 7 ")).isEqualTo(new Rate(2, Duration.ofHours(1), 7));
        assertThat(Rate.parse("10/s burst 600").toString()).isEqualTo("10/s burst 600");
        assertThat(Rate.parse("5/s burst 20").timeToFill()).isEqualTo(Duration.ofMillis(4001));
        assertThatThrownBy(() -> Rate.parse("5 per second")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A limit is written like '5/s burst 20' (unit s, min or h), not '5 per second'");
        assertThatThrownBy(() -> Rate.parse("0/s")).hasMessage("A rate and its burst must be at least 1");
    }

    @Test
    void aBucketAllowsItsBurstThenOneTokenPerRefillStepPerKey() {
        KeyedBuckets buckets = new KeyedBuckets(Rate.parse("2/s burst 3"), 1000, clock);
        assertThat(List.of(buckets.take("a"), buckets.take("a"), buckets.take("a"))).containsOnly(0L);
        assertThat(buckets.take("a")).isEqualTo(500_000_000L);
        assertThat(buckets.take("b")).isZero();
        clock.advance(Duration.ofMillis(200));
        assertThat(buckets.take("a")).isEqualTo(300_000_000L);
        clock.advance(Duration.ofMillis(300));
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isEqualTo(500_000_000L);
        // Unused for as long as it takes to fill up, the bucket is full again (and may be forgotten).
        clock.advance(Duration.ofMillis(1501));
        assertThat(List.of(buckets.take("a"), buckets.take("a"), buckets.take("a"))).containsOnly(0L);
        assertThat(buckets.take("a")).isEqualTo(500_000_000L);
    }

    @Test
    void missesBlockAClientFromItsLimitUntilTheWindowThatBeganAtItsFirstMissEnds() {
        MissWindows misses = new MissWindows(3, Duration.ofSeconds(60), 1000, clock);
        misses.miss("a");
        clock.advance(Duration.ofSeconds(10));
        misses.miss("a");
        assertThat(misses.blockedFor("a")).isZero();
        misses.miss("a");
        assertThat(misses.blockedFor("a")).isEqualTo(Duration.ofSeconds(50).toNanos());
        assertThat(misses.blockedFor("b")).isZero();
        clock.advance(Duration.ofSeconds(49));
        assertThat(misses.blockedFor("a")).isEqualTo(Duration.ofSeconds(1).toNanos());
        clock.advance(Duration.ofSeconds(1));
        assertThat(misses.blockedFor("a")).isZero();
        misses.miss("a");
        assertThat(misses.blockedFor("a")).isZero();
    }

    @Test
    void clientKeysAreIpv4AddressesOrIpv6Slash64sAndNeverClientText() {
        assertThat(ClientAddress.key("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(ClientAddress.key("2001:db8:1:2:3:4:5:6")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddress.key("[2001:db8::1]")).isEqualTo("2001:db8::/64");
        assertThat(ClientAddress.key("2001:db8::ffff:1")).isEqualTo(ClientAddress.key("2001:db8::2"));
        assertThat(ClientAddress.key("::ffff:198.51.100.4")).isEqualTo("198.51.100.4");
        assertThat(ClientAddress.key(null)).isEqualTo("unknown");
        String odd = ClientAddress.key("evil\nINFO forged line");
        assertThat(odd).matches("other-[0-9a-f]{16}").isEqualTo(ClientAddress.key("evil\nINFO forged line"));
        assertThat(ClientAddress.key("x".repeat(5000))).matches("other-[0-9a-f]{16}");
    }

    @Test
    void anOriginMatchesTheHostAndPortItWasSentTo() {
        OriginPolicy.Origin local = OriginPolicy.parse("http://LocalHost:8080").orElseThrow();
        assertThat(local).isEqualTo(new OriginPolicy.Origin("http", "localhost", 8080));
        assertThat(local.matches(HostAndPort.authority("localhost", 8080))).isTrue();
        assertThat(local.matches(HostAndPort.authority("localhost", 8081))).isFalse();
        assertThat(local.matches(HostAndPort.authority("evil.example", 8080))).isFalse();
        assertThat(local.matches(null)).isFalse();
        OriginPolicy.Origin https = OriginPolicy.parse("https://afstemning.example.dk").orElseThrow();
        assertThat(https.matches(HostAndPort.authority("afstemning.example.dk", -1))).isTrue();
        assertThat(https.matches(HostAndPort.authority("afstemning.example.dk", 443))).isTrue();
        assertThat(https.matches(HostAndPort.authority("afstemning.example.dk", 80))).isFalse();
        assertThat(OriginPolicy.parse("http://[::1]:8080").orElseThrow().matches(HostAndPort.authority("[::1]", 8080)))
                .isTrue();
        for (String bad : List.of("null", "", "evil.example", "ftp://evil.example", "http://evil.example/page",
                "http://user@evil.example", "http://a b")) {
            assertThat(OriginPolicy.parse(bad)).as(bad).isEmpty();
        }
        assertThatThrownBy(() -> new OriginPolicy(Optional.of(List.of("intranet.example.dk")), Optional.empty()))
                .hasMessage("afstemning.allowed-origins: 'intranet.example.dk' is not an origin like "
                        + "https://example.dk:8443");
    }

    @Test
    void refusalsAreLoggedOncePerKindAndClientAMinute() {
        RefusalLog log = new RefusalLog(1000, clock);
        assertThat(log.refused("votes-per-ip", "203.0.113.7", "Too many votes")).isTrue();
        assertThat(log.refused("votes-per-ip", "203.0.113.7", "Too many votes")).isFalse();
        assertThat(log.refused("joins-per-ip", "203.0.113.7", "Too many joins")).isTrue();
        assertThat(log.refused("votes-per-ip", "203.0.113.8", "Too many votes")).isTrue();
        clock.advance(Duration.ofSeconds(59));
        assertThat(log.refused("votes-per-ip", "203.0.113.7", "Too many votes")).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(log.refused("votes-per-ip", "203.0.113.7", "Too many votes")).isTrue();
    }
}
