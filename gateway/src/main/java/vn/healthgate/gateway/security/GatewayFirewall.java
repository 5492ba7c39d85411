package vn.healthgate.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's {@link StrictHttpFirewall} (encoded slashes, dots and percent signs, {@code ;}
 * parameters, {@code ..} and {@code //} segments, backslashes, control characters), plus one rule:
 * a path may not percent-encode a letter, digit or {@code - . _ ~}. RFC 3986 §2.3 makes
 * {@code /%61pi} the same URI as {@code /api} but tells producers never to write it; no client of
 * this gateway needs it, and parts of the stack disagree on what it means (Spring's path parser
 * fails on an encoded servlet prefix), so it is refused rather than interpreted. And one more: a
 * {@code %} in the query that does not start a two-digit escape ({@code ?q=%zz}), which Tomcat
 * silently drops and HAPI fails on.
 */
final class GatewayFirewall implements HttpFirewall {
  private static final Pattern ENCODED_UNRESERVED = Pattern.compile("%(?:[46][1-9a-fA-F]|[57][0-9aA]|3[0-9]|2[dDeE]|5[fF]|7[eE])");
  private static final Pattern BROKEN_ESCAPE = Pattern.compile("%(?![0-9a-fA-F]{2})");
  private final StrictHttpFirewall strict = new StrictHttpFirewall();

  GatewayFirewall() {
    // any method name passes: the handlers answer an unknown one with 405 and Allow
    strict.setUnsafeAllowAnyHttpMethod(true);
  }

  @Override
  public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
    String uri = request.getRequestURI();
    if (uri != null && ENCODED_UNRESERVED.matcher(uri).find()) {
      throw new RequestRejectedException("The request was rejected because the URL percent-encodes an unreserved character");
    }
    String query = request.getQueryString();
    if (query != null && BROKEN_ESCAPE.matcher(query).find()) {
      throw new RequestRejectedException("The request was rejected because the query string has a broken percent escape");
    }
    return strict.getFirewalledRequest(request);
  }

  @Override
  public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
    return strict.getFirewalledResponse(response);
  }
}
