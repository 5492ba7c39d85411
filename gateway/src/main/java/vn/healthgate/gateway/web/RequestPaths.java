package vn.healthgate.gateway.web;

import jakarta.servlet.http.HttpServletRequest;

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

  /** Whether a path belongs to the FHIR endpoint, whose errors are OperationOutcomes. */
  public static boolean fhir(String path) {
    return path.equals("/fhir") || path.startsWith("/fhir/");
  }
}
