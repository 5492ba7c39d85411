package vn.healthgate.gateway.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.healthgate.routes.error.ErrorCode;

/**
 * Reads every request body (but form posts, which Tomcat parses itself) before anything else sees
 * it: over {@code gateway.max-body-size} → 413 (by Content-Length up front, or while reading a
 * chunked body); a body the client breaks off or garbles (a malformed chunk) → 400
 * {@code GW-HTTP-MALFORMED}. Handlers then read the complete body from memory, so a transport
 * fault never surfaces inside a JSON or FHIR parser as a server error.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class BodySizeLimitFilter extends OncePerRequestFilter {
  private final long limit;

  public BodySizeLimitFilter(@Value("${gateway.max-body-size:1MB}") DataSize limit) {
    this.limit = limit.toBytes();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
    if (request.getContentLengthLong() > limit) {
      ProblemResponses.write(request, response, ErrorCode.BODY_TOO_LARGE);
      return;
    }
    if (!hasBody(request) || isForm(request)) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body;
    try {
      body = read(request.getInputStream());
    } catch (BodyTooLargeException e) {
      ProblemResponses.write(request, response, ErrorCode.BODY_TOO_LARGE);
      return;
    } catch (IOException e) {
      ProblemResponses.write(request, response, ErrorCode.HTTP_MALFORMED);
      return;
    }
    chain.doFilter(new ReadRequest(request, body), response);
  }

  private static boolean hasBody(HttpServletRequest request) {
    return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
  }

  private static boolean isForm(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
  }

  private byte[] read(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int n; (n = in.read(buffer)) > 0; ) {
      if (out.size() + (long) n > limit) {
        throw new BodyTooLargeException();
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private static final class BodyTooLargeException extends IOException {
    BodyTooLargeException() {
      super("request body too large", null);
    }
  }

  /** The request with its body already in memory. */
  private static final class ReadRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    ReadRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new IllegalStateException("the body is already read");
        }
      };
    }

    @Override
    public BufferedReader getReader() throws java.io.UnsupportedEncodingException {
      String encoding = getCharacterEncoding();
      Charset charset;
      try {
        charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      } catch (IllegalArgumentException e) {
        throw new java.io.UnsupportedEncodingException(encoding);
      }
      return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
