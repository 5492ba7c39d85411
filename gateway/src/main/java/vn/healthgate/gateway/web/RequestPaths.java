package vn.healthgate.gateway.web;

import jakarta.servlet.http.HttpServletRequest;
import vn.healthgate.routes.identity.Masking;

/**
 * The path a request is dispatched on: Tomcat's decoded, dot-segment-normalised servlet path plus
 * path info, without {@code ;} parameters. Rules, audit and error formats all use this one, never
 * the raw request URI, so a path spelled differently ({@code /%61pi/…}) is judged as what it reaches.
 */
public final class RequestPaths {
  private RequestPaths() {}

  public static String of(HttpServletRequest request) {
    String servletPath = request.getServletPath();
    String pathInfo = request.getPathInfo();
    String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
    return path.isEmpty() ? "/" : path;
  }

  /**
   * The path with every run of nine or more digits masked (a CCCD, a card or social-insurance number
   * someone typed into a URL), for logs, audit entries and error texts. A UUID's groups are left
   * alone: their digit runs follow a hyphen or a hex letter.
   */
  public static String masked(String path) {
    return LONG_NUMBER.matcher(path).replaceAll(m -> Masking.cccd(m.group()));
  }

  private static final java.util.regex.Pattern LONG_NUMBER = java.util.regex.Pattern.compile("(?<![-0-9a-fA-F])[0-9]{9,}");

  /** Whether a path belongs to the FHIR endpoint, whose errors are OperationOutcomes. */
  public static boolean fhir(String path) {
    return path.equals("/fhir") || path.startsWith("/fhir/");
  }
}
