package vn.healthgate.gateway.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.healthgate.routes.error.ErrorCode;

/**
 * An XML body (FHIR XML) with a DOCTYPE is refused before any parser sees it, whatever the DOCTYPE
 * holds (an internal subset, entities, or only an external {@code SYSTEM} id): 400
 * {@code GW-XML-DOCTYPE}. No request needs one, and refusing them all is simpler to trust than
 * configuring every parser. Runs after {@link BodySizeLimitFilter}, which holds the body in memory.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 6)
class XmlDoctypeRefusal extends OncePerRequestFilter {
  private static final Pattern DOCTYPE = Pattern.compile("<!\\s*DOCTYPE", Pattern.CASE_INSENSITIVE);

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String type = request.getContentType();
    return type == null || !type.toLowerCase(Locale.ROOT).contains("xml");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
    byte[] body = request.getInputStream().readAllBytes();
    if (DOCTYPE.matcher(text(body)).find()) {
      ProblemResponses.write(request, response, ErrorCode.XML_DOCTYPE);
      return;
    }
    chain.doFilter(request, response);
  }

  /** The body as text in whichever of UTF-8 and UTF-16 it is written (by byte-order mark or zero bytes). */
  private static String text(byte[] body) {
    boolean utf16 = body.length >= 2 && ((body[0] == (byte) 0xFE && body[1] == (byte) 0xFF) || (body[0] == (byte) 0xFF && body[1] == (byte) 0xFE)
        || body[0] == 0 || body[1] == 0);
    if (!utf16) {
      return new String(body, StandardCharsets.UTF_8);
    }
    boolean littleEndian = body[0] == (byte) 0xFF || body[1] == 0;
    return new String(body, littleEndian ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
  }
}
