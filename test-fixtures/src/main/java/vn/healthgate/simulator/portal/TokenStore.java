package vn.healthgate.simulator.portal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Session tokens of the simulated portal: issued per account, expiring after a configurable lifetime. */
public final class TokenStore {

  /** Seconds between 1601-01-01 (Windows FILETIME epoch) and 1970-01-01. */
  private static final long FILETIME_EPOCH_OFFSET_SECONDS = 11_644_473_600L;

  public record Token(String accessToken, String idToken, String username, Instant expiresAt) {}

  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Token> byAccessToken = new ConcurrentHashMap<>();
  private final AtomicLong issued = new AtomicLong();
  private volatile Duration lifetime;

  public TokenStore(Clock clock, Duration lifetime) {
    this.clock = clock;
    this.lifetime = lifetime;
  }

  public Token issue(String username) {
    Instant now = clock.instant();
    byte[] hash = new byte[32];
    random.nextBytes(hash);
    long fileTime = (now.getEpochSecond() + FILETIME_EPOCH_OFFSET_SECONDS) * 10_000_000L + now.getNano() / 100;
    String raw = Base64.getEncoder().encodeToString(hash) + ":" + username + ":" + fileTime;
    String access = Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    Token token = new Token(access, UUID.randomUUID().toString(), username, now.plus(lifetime));
    byAccessToken.put(access, token);
    issued.incrementAndGet();
    return token;
  }

  /** True when the token was issued to that account, with that id token, and has not expired. */
  public boolean isValid(String accessToken, String idToken, String username) {
    if (accessToken == null) {
      return false;
    }
    Token token = byAccessToken.get(accessToken);
    return token != null
        && token.idToken().equals(idToken)
        && token.username().equalsIgnoreCase(username)
        && clock.instant().isBefore(token.expiresAt());
  }

  /** Ends every session now, as a portal restart would. */
  public void expireAll() {
    byAccessToken.clear();
  }

  /** Back to no sessions and no tokens issued. */
  public void reset() {
    byAccessToken.clear();
    issued.set(0);
  }

  public long issuedCount() {
    return issued.get();
  }

  public Duration lifetime() {
    return lifetime;
  }

  public void lifetime(Duration lifetime) {
    this.lifetime = lifetime;
  }
}
