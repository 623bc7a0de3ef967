package dk.afstemning.security;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

/**
 * The abuse limits, {@code afstemning.limits.*}. Chosen so that a real audience never meets them, even a whole room
 * behind one venue NAT address; see the README's "Abuse limits".
 */
@ConfigMapping(prefix = "afstemning.limits")
public interface LimitsConfig {

    /** Votes of one participant, over REST and the socket together. */
    @WithDefault("5/s burst 20")
    @WithConverter(Rate.RateConverter.class)
    Rate votesPerParticipant();

    /** Votes from one client address (IPv4 address or IPv6 /64), all participants together. */
    @WithDefault("200/s burst 1000")
    @WithConverter(Rate.RateConverter.class)
    Rate votesPerIp();

    /** Q&A questions one participant may ask, over REST and the socket together. */
    @WithDefault("5/min burst 5")
    @WithConverter(Rate.RateConverter.class)
    Rate questionsPerParticipant();

    /**
     * Reactions of one participant: a few quick taps pass (4 in 2 s easily), a finger held on a button does not. Over
     * it the reaction is refused ({@code reaction-rate-limited}) and not counted.
     */
    @WithDefault("3/s burst 8")
    @WithConverter(Rate.RateConverter.class)
    Rate reactionsPerParticipant();

    /** New participants from one client address (joins that reuse a participant cookie are free). */
    @WithDefault("10/s burst 600")
    @WithConverter(Rate.RateConverter.class)
    Rate joinsPerIp();

    /** Look-ups of a join code from one client address: talk API, pages, socket connects. */
    @WithDefault("20/s burst 600")
    @WithConverter(Rate.RateConverter.class)
    Rate lookupsPerIp();

    /**
     * Live sockets (phones, screens, presenter feeds) one client address may hold open at once. A whole venue behind
     * one NAT address shares it, hence the generous default; over it a socket upgrade is refused with 429.
     */
    @WithDefault("5000")
    int socketsPerIp();

    /** Unknown join codes one client address may try per {@link #joinCodeMissWindow()} before it is refused. */
    @WithDefault("30")
    int joinCodeMisses();

    /** The window of {@link #joinCodeMisses()}; it starts at the first miss, and a refused client waits it out. */
    @WithDefault("1m")
    Duration joinCodeMissWindow();

    /**
     * Failed logins (form or HTTP Basic) for one account name, from anywhere: over it every login of that name gets
     * 429 until a token is back, without checking the password.
     */
    @WithDefault("5/min burst 10")
    @WithConverter(Rate.RateConverter.class)
    Rate failedLoginsPerAccount();

    /** Failed logins from one client address, whatever the account name. */
    @WithDefault("30/min burst 100")
    @WithConverter(Rate.RateConverter.class)
    Rate failedLoginsPerIp();

    /** Most client keys remembered per limit; beyond it the least recently used are forgotten. */
    @WithDefault("100000")
    long maxTrackedClients();
}
