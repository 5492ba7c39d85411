package vn.healthgate.gateway.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.healthgate.routes.error.ErrorCode;

/**
 * Checks on JSON and XML bodies before any parser sees them (after {@link BodySizeLimitFilter}, which
 * holds the body in memory):
 * <ul>
 *   <li>a body in UTF-8 (declared, or by default) must be valid UTF-8: overlong forms ({@code C0 BC}
 *       for {@code <}) and encoded surrogates, which lenient decoders turn into characters, are
 *       refused with 400 {@code GW-JSON-MALFORMED};</li>
 *   <li>an XML body (FHIR XML) with a DOCTYPE is refused whatever the DOCTYPE holds (an internal
 *       subset, entities, or only an external {@code SYSTEM} id): 400 {@code GW-XML-DOCTYPE}. No
 *       request needs one, and refusing them all is simpler to trust than configuring every parser.</li>
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 6)
class BodyTextChecks extends OncePerRequestFilter {
  private static final Pattern DOCTYPE = Pattern.compile("<!\\s*DOCTYPE", Pattern.CASE_INSENSITIVE);

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String type = request.getContentType();
    return type == null || !(type.toLowerCase(Locale.ROOT).contains("xml") || type.toLowerCase(Locale.ROOT).contains("json"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
    byte[] body = request.getInputStream().readAllBytes();
    boolean utf8 = request.getCharacterEncoding() == null || request.getCharacterEncoding().equalsIgnoreCase("UTF-8");
    if (utf8 && !utf16(body) && !validUtf8(body)) {
      ProblemResponses.write(request, response, ErrorCode.JSON_MALFORMED);
      return;
    }
    boolean xml = request.getContentType().toLowerCase(Locale.ROOT).contains("xml");
    if (xml && DOCTYPE.matcher(text(body)).find()) {
      ProblemResponses.write(request, response, ErrorCode.XML_DOCTYPE);
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean validUtf8(byte[] body) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** An XML body in UTF-16 (by byte-order mark or zero bytes), which its prolog may declare. */
  private static boolean utf16(byte[] body) {
    return body.length >= 2 && ((body[0] == (byte) 0xFE && body[1] == (byte) 0xFF) || (body[0] == (byte) 0xFF && body[1] == (byte) 0xFE)
        || body[0] == 0 || body[1] == 0);
  }

  /** The body as text in whichever of UTF-8 and UTF-16 it is written. */
  private static String text(byte[] body) {
    if (!utf16(body)) {
      return new String(body, StandardCharsets.UTF_8);
    }
    boolean littleEndian = body[0] == (byte) 0xFF || body[1] == 0;
    return new String(body, littleEndian ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
  }
}
