package vn.healthgate.gateway.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a browser says a request comes from. A browser attaches a session cookie or a client
 * certificate to requests of any site, so admin actions are checked against these headers;
 * scripts and curl send none of them.
 */
final class BrowserOrigin {
  /** The header the admin page sets on its actions. */
  static final String ACTION_HEADER = "X-Requested-By";

  private BrowserOrigin() {}

  /** The browser marked the request as coming from another site. */
  static boolean crossSite(HttpServletRequest request) {
    String fetchSite = request.getHeader("Sec-Fetch-Site");
    if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
      return true;
    }
    String origin = request.getHeader("Origin");
    return origin != null && !origin.equalsIgnoreCase(own(request));
  }

  /** The request shows it comes from the gateway's own pages (a page of another site could not have sent it). */
  static boolean provenSameSite(HttpServletRequest request) {
    if (request.getHeader(ACTION_HEADER) != null || "same-origin".equals(request.getHeader("Sec-Fetch-Site"))) {
      return true;
    }
    String origin = request.getHeader("Origin");
    return origin != null && origin.equalsIgnoreCase(own(request));
  }

  private static String own(HttpServletRequest request) {
    return request.getScheme() + "://" + request.getHeader("Host");
  }
}
