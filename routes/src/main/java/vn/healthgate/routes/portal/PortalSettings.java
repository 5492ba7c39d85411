package vn.healthgate.routes.portal;

import java.net.URI;
import java.time.Duration;

/**
 * How the gateway reaches the portal.
 *
 * @param baseUrl base URL of the portal (or the simulator)
 * @param connectTimeout TCP connect timeout
 * @param requestTimeout upper bound of one HTTP exchange (a backstop below the time limiter)
 * @param tokenRefreshMargin a token is renewed this long before its {@code expires_in}
 * @param tokenMaxAge a token is never used longer than this, whatever the portal said
 * @param deliveryRequestTimeout upper bound of one check-in or certificate delivery (nobody waits on it, and a
 *     premature timeout only makes the portal see the document twice)
 */
public record PortalSettings(URI baseUrl, Duration connectTimeout, Duration requestTimeout, Duration tokenRefreshMargin, Duration tokenMaxAge,
    Duration deliveryRequestTimeout) {}
