package vn.healthgate.routes.portal;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One portal token per facility account, reused until shortly before it expires. Concurrent
 * callers of the same account wait for a single refresh instead of each asking for a token.
 */
final class TokenCache {
  private final Clock clock;
  private final Map<String, PortalToken> tokens = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  TokenCache(Clock clock) {
    this.clock = clock;
  }

  PortalToken get(PortalAccount account, Function<PortalAccount, PortalToken> fetch) {
    PortalToken token = tokens.get(account.username());
    if (usable(token)) {
      return token;
    }
    synchronized (locks.computeIfAbsent(account.username(), k -> new Object())) {
      token = tokens.get(account.username());
      if (!usable(token)) {
        token = fetch.apply(account);
        tokens.put(account.username(), token);
      }
      return token;
    }
  }

  /** Drops {@code stale} so the next {@link #get} fetches a new one (unless another caller already did). */
  void invalidate(PortalAccount account, PortalToken stale) {
    tokens.remove(account.username(), stale);
  }

  private boolean usable(PortalToken token) {
    return token != null && clock.instant().isBefore(token.usableUntil());
  }

  /** Time of the oldest-expiring cached token, for health reporting. */
  Map<String, PortalToken> snapshot() {
    return Map.copyOf(tokens);
  }
}
